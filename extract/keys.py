"""The one home of text normalisation and matching keys.

Every comparison of two spellings in vnkg goes through one of these functions; display and
evidence keep the original surface. Which key serves what:

key           function        what it does                          serves
NFC           nfc             Unicode NFC                           the text every record offset
                                                                    indexes; every stored string
tone          tone            old-style tone marks to the new       display forms (extract.text.
                              style (hoà → hòa), case kept          canonical)
fold          fold            NFC, new-style tone marks, lower      extraction (lexicons, cues),
                              case, one space between words         ids (make_id), `vnkg eval`
                                                                    names (as the reference scorer)
name key      name_key        fold, abbreviations expanded, no      the `key` of every node; person,
                              diacritics (đ → d), no punctuation    unit, id query parameters; views
locality key  locality_key    name key without a leading type       `key`, `within_keys` of
                              word (tỉnh, huyện, TP.)               localities; locality, province
                                                                    parameters; views' --province
decree number decree_number   fold, upper case, no spaces, TƯ=TW    decree ids (make_id)
decree key    decree_key      decree number from its digits on,     `key` of decrees; the decree
                              no diacritics (NĐ = ND), no date      parameter; `vnkg eval` numbers
tone key      tone_key        per word: letters, then the tone's    the gazetteer's index
                              digit ("hoa2 binh2")
ascii key     ascii_key       no diacritics, no spaces ("daklak")   the gazetteer's loose index
slug          slug            ASCII words joined by hyphens         the readable part of ids

`param_key(kind, value)` is the key a query parameter is bound with: a node is found by a
parameter exactly when its stored key equals the parameter's key, so a name typed without
diacritics ("mai truong son", "Tam Diep", "21/2019/ND-CP") finds the node as the views do.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
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
_SPACE = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w]+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_TONES = {"\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5"}
_DATED = re.compile(r"\s*\b(nam|ngay)\s+\d.*$")  # "năm 2015", "ngày 5/3/2019", marks dropped
_NUMBER_START = re.compile(r"(?<!\w)\d")


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


@lru_cache(maxsize=65536)
def tone(s: str) -> str:
    """Move old-style tone marks to the new style, keeping case: 'Hoà Bình' -> 'Hòa Bình'.

    >>> tone("Uỷ ban")
    'Ủy ban'
    """
    return _OLD_PAIR.sub(_new_pair, nfc(s))


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Matching form keeping diacritics: NFC, new-style tone marks, lower case, one space.

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


@lru_cache(maxsize=65536)
def strip_marks(s: str) -> str:
    """`s` without diacritics, đ → d, case kept: 'Đắk Lắk' -> 'Dak Lak'.

    >>> strip_marks("Nguyễn Văn Đức")
    'Nguyen Van Duc'
    """
    decomposed = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def name_key(s: str) -> str:
    """The matching key of a name (the `key` of every node): case, tone marks, diacritics,
    abbreviations and punctuation do not count.

    >>> name_key("Bùi Khắc Thiệu") == name_key("bui khac thieu") == "bui khac thieu"
    True
    >>> name_key("UBND huyện Ba Bể") == name_key("Ủy ban nhân dân huyện Ba Bể")
    True
    """
    from vnkg.extraction.text import (
        expand_abbreviations,  # the lexicon behind it imports this module
    )

    words = _NON_WORD.sub(" ", strip_marks(fold(expand_abbreviations(s))).replace("_", " "))
    return " ".join(words.split())


@lru_cache(maxsize=1)
def _loc_type() -> re.Pattern[str]:
    """A leading type word of a folded locality name: the lexicon's types, longest first, or
    'tp'. Read on first use: the lexicon module imports this one."""
    from vnkg.extraction.lexicon import lexicon

    types = sorted({fold(t) for t in lexicon().locality_levels}, key=len, reverse=True)
    return re.compile(rf"^({'|'.join(map(re.escape, types))}|tp\.?)\s+")


@lru_cache(maxsize=65536)
def locality_key(s: str) -> str:
    """The key of a locality: its name key without a leading type word.

    >>> locality_key("Thành phố Tam Điệp") == locality_key("tam diep") == "tam diep"
    True
    """
    from vnkg.extraction.text import expand_abbreviations

    return name_key(_loc_type().sub("", fold(expand_abbreviations(s))))


def decree_number(number: str) -> str:
    """The canonical form of a document number, the identity of a numbered decree: folded,
    upper case, spaces dropped, TƯ = TW.

    >>> decree_number("28-nq/tư") == decree_number("28-NQ/TW")
    True
    """
    key = fold(number).upper().replace(" ", "")
    return key.replace("T.Ư", "TW").replace("TƯ", "TW")


def decree_key(text: str) -> str:
    """The matching key of a document: from its number on (a leading kind, "Nghị định số",
    and a trailing date dropped), upper case, without spaces or diacritics (NĐ = ND,
    TƯ = TW); a document without a number keys on its name (the year dropped).

    >>> decree_key("Nghị định số 21/2019/NĐ-CP ngày 5/3/2019") == decree_key("21/2019/nd-cp")
    True
    >>> decree_key("Luật Nghĩa vụ quân sự năm 2015") == decree_key("luat nghia vu quan su")
    True
    """
    plain = strip_marks(fold(text).replace("t.ư", "tw").replace("tư", "tw"))
    plain = _DATED.sub("", plain)
    number = _NUMBER_START.search(plain)
    return (plain[number.start():] if number else plain).upper().replace(" ", "")


def param_key(kind: str, value: str) -> str:
    """The key an entity parameter of a query is bound with; nodes carry the same `key`.

    >>> param_key("person", "Mai Trường Sơn") == param_key("person", "mai truong son")
    True
    >>> param_key("locality", "tỉnh Bắc Kạn")
    'bac kan'
    """
    if kind == "decree":
        return decree_key(value)
    return locality_key(value) if kind in ("locality", "province") else name_key(value)


def tone_word(word: str) -> str:
    """One word's tone key: its letters without the tone mark, then the tone's digit."""
    mark = ""
    kept = []
    for ch in unicodedata.normalize("NFD", word):
        if ch in _TONES:
            mark = _TONES[ch]
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)) + mark


@lru_cache(maxsize=65536)
def tone_key(text: str) -> str:
    """Key of a place name: case, punctuation and tone-mark placement folded.

    >>> tone_key("Hoà Bình") == tone_key("hòa  bình") == "hoa2 binh2"
    True
    """
    words = re.split(r"[\W_]+", nfc(text).lower())
    return " ".join(tone_word(w) for w in words if w)


@lru_cache(maxsize=65536)
def ascii_key(text: str) -> str:
    """The key without any diacritics or spaces, as the gazetteer package's: "Đắk Lắk" → "daklak".

    >>> ascii_key("Đắk Lắk")
    'daklak'
    """
    plain = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return re.sub(r"[^a-z0-9]", "", plain)


@lru_cache(maxsize=65536)
def slug(text: str, limit: int = 40) -> str:
    """ASCII slug of Vietnamese text, at most `limit` characters: diacritics dropped, đ → d.

    >>> slug("Nguyễn Trọng Lăng")
    'nguyen-trong-lang'
    """
    text = strip_marks(text).lower()
    return _NON_SLUG.sub("-", text).strip("-")[:limit].strip("-") or "x"


@lru_cache(maxsize=1 << 17)
def make_id(label: str, *key: str | None) -> str:
    """Id of a graph node: `label/slug-hash`, both from the folded canonical key parts alone
    (the slug from the first), so every spelling of the same key gives the same id. Cached:
    the same officials, units and places recur across articles, and a build asks again for
    each (a third of the resolution's time before).

    >>> make_id("Person", "Nguyễn Văn A", "tỉnh Bắc Kạn") == make_id("Person", "NGUYỄN VĂN A",
    ...                                                            "Tỉnh Bắc Kạn")
    True
    >>> make_id("Person", "Nguyễn Văn A", "tỉnh Bắc Kạn")[:20]
    'person/nguyen-van-a-'
    """
    folded = [fold(k or "") for k in key]
    digest = hashlib.sha256("\x1f".join([label, *folded]).encode()).hexdigest()[:10]
    return f"{label.lower()}/{slug(folded[0] if folded else '')}-{digest}"


@lru_cache(maxsize=65536)
def local_id(prefix: str, key: str) -> str:
    """Record-local id (ids inside one extraction record): prefix, slug and a short hash.

    >>> local_id("person", "Lò Văn Khiêm")[:20]
    'person:lo-van-khiem-'
    """
    digest = hashlib.sha1(fold(key).encode("utf-8")).hexdigest()[:6]
    return f"{prefix}:{_local_slug(key)}-{digest}"


def _local_slug(s: str) -> str:
    return _NON_SLUG.sub("-", strip_marks(fold(s)).lower()).strip("-")[:60] or "x"


def nearest(query: str, names: Iterable[str], key: Callable[[str], str] = name_key,
            n: int = 5) -> list[str]:
    """The names closest to `query` on their keys (at most `n`, closest first), for
    messages that say a name matched nothing.

    >>> nearest("bui khac thiu", ["Bùi Khắc Thiệu", "Lò Văn Khiêm", "Bùi Văn Thiều"])
    ['Bùi Khắc Thiệu', 'Bùi Văn Thiều']
    """
    import difflib

    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(key(name), name)
    close = difflib.get_close_matches(key(query), list(by_key), n=n, cutoff=0.6)
    return [by_key[k] for k in close]
