"""Vietnamese text normalisation: NFC, one tone-mark convention, matching keys, abbreviations.

Matching always goes through `fold`; display and evidence keep the original surface.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# old-style tone placement on a final vowel pair -> new style (hoà -> hòa, thuỷ -> thủy)
_OLD_TO_NEW = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_OLD_PAIR = re.compile(
    "(" + "|".join(sorted({o for k in _OLD_TO_NEW for o in (k, k.upper(), k[0].upper() + k[1])}))
    + r")(?!\w)")
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
def _apostrophes(s: str) -> str:
    """Typographic apostrophes to ASCII (str.translate is slow on non-ASCII text)."""
    if "\u2019" in s or "\u2018" in s or "\u02bc" in s:
        return s.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    return s


def nfc(s: str) -> str:
    """Unicode NFC form: the form every offset in a record indexes.

    >>> nfc("Thu\u0309y") == "Thủy"
    True
    """
    return unicodedata.normalize("NFC", s)


def _new_pair(m: re.Match[str]) -> str:
    pair, start, text = m.group(1), m.start(), m.string
    low = pair.lower()
    if low[0] == "u" and start > 0 and text[start - 1] in "qQ" and (
            start == 1 or not text[start - 2].isalnum()):
        return pair  # 'quý', 'Quỳnh': the u belongs to 'qu'
    new = _OLD_TO_NEW[low]
    return "".join(n.upper() if o.isupper() else n for o, n in zip(pair, new, strict=True))


def tone(s: str) -> str:
    """Move old-style tone marks to the new style, keeping case: 'Hoà Bình' -> 'Hòa Bình'.

    >>> tone("Uỷ ban")
    'Ủy ban'
    """
    return _OLD_PAIR.sub(_new_pair, nfc(s))


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Matching key: NFC, new-style tone marks, lower case, one space between words.

    >>> fold("  Thuỷ   HOÀ ") == fold("thủy hòa")
    True
    """
    low = _apostrophes(nfc(s)).lower()
    return _SPACE.sub(" ", _OLD_PAIR.sub(_new_pair, low)).strip()


def fold_same_length(s: str) -> str:
    """Lower case and new-style tone marks, keeping the length, so offsets carry over.

    >>> fold_same_length("Hoà BÌNH")
    'hòa bình'
    """
    low = _apostrophes(nfc(s)).lower()
    out = _OLD_PAIR.sub(_new_pair, low)
    if len(out) != len(s):  # a rare character whose lower case is longer: fold it alone
        return "".join(c.lower() if len(c.lower()) == 1 else c for c in s)
    return out


def expand_abbreviations(s: str) -> str:
    """Expand the genre's abbreviations (UBND, Bộ CHQS, BĐBP, T.Ư ...) keeping the rest as is.

    >>> expand_abbreviations("Chủ tịch UBND huyện")
    'Chủ tịch Ủy ban nhân dân huyện'
    """
    from extract.lexicon import abbreviations  # the lexicon module imports this one

    pattern, expansions = abbreviations()
    out = pattern.sub(lambda m: expansions[m.group(0)], nfc(s))
    return _SPACE.sub(" ", out).strip()


def canonical(s: str) -> str:
    """Display form of a title or name: NFC, new-style tone marks, abbreviations expanded.

    >>> canonical("Phó Chủ tịch UBND tỉnh")
    'Phó Chủ tịch Ủy ban nhân dân tỉnh'
    """
    return tone(expand_abbreviations(s))
