"""Authors: bylines and photo credits ('Ảnh: Minh Khôi', 'Tin, ảnh: H'Mai', a closing 'ĐỨC TRUNG').

A credit label ('Ảnh:', 'Thực hiện:') introduces one or more names; a bare closing line is a
byline when it is two to four capitalised words that are not an organisation or a place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vnkg.extraction.context import Ctx
from vnkg.extraction.lexicon import lexicon, phrase_pattern
from vnkg.extraction.text import fold

_NAME_WORD = r"[^\W\d_][\w’'.]*"
_NAMES = re.compile(rf"{_NAME_WORD}(?:[ ]{_NAME_WORD}){{0,3}}")
_JOIN = re.compile(r"\s*(?:-|–|,|/|\bvà\b)\s*")
_DATE_LINE = re.compile(r"^\s*(?:[\wÀ-ỹ]+,\s*)?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")
_LABEL_NEXT = re.compile(r"\s*:")  # 'Hình:' after a name is the next credit's label
_INITIAL_NAME = re.compile(r"[^\W\d_]\.[^\W\d_]{2,}")  # 'T.HÙNG', 'H.Mai'
_ACRONYM_SLASH = re.compile(r"[A-ZĐ][A-ZĐ0-9&-]+\s*/\s*")  # 'VOV/' before the name
# one Vietnamese syllable (folded): onset, one to three vowels, a coda; page furniture in
# capitals ('DESIGNED BY WEBVN') is not made of these
_VOWEL = "aăâeêioôơuưyàằầèềìòồờùừỳáắấéếíóốớúứýảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹạặậẹệịọộợụựỵ"
_SYLLABLE = re.compile(rf"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?"
                       rf"[{_VOWEL}]{{1,3}}(?:ng|nh|ch|[cmnpt])?")
_LINE = re.compile(r"[^\n]+")
_NOTE_AT_END = re.compile(r"\s*\([^)]*\)\s*$")
_PART_SEP = re.compile(r"\s+[-–]\s+|,\s+")
_ONE_NAME_WORD = re.compile(_NAME_WORD)


@cache
def _label() -> re.Pattern[str]:
    """Credit labels of the lexicon, at the start of a line or after punctuation."""
    words = phrase_pattern(sorted(lexicon().byline_words("label")))
    return re.compile(rf"(?:^|(?<=[\n.;:!?)\]–-])|(?<=[\n.;:!?)\]–-]\s))\s*(?:{words})\s*:\s*",
                      re.MULTILINE)


@cache
def _label_word() -> re.Pattern[str]:
    """A credit label and its colon anywhere: what every `_label` match holds, found by a
    much faster scan (it starts with the words' first letters)."""
    words = phrase_pattern(sorted(lexicon().byline_words("label")))
    return re.compile(rf"(?:{words})\s*:")


@dataclass(frozen=True)
class Author:
    """A credited name with its span."""

    start: int
    end: int
    name: str


def find_authors(ctx: Ctx) -> list[Author]:
    """Credited names: after a credit label anywhere, or a byline line at the end of the text.

    >>> from vnkg.extraction.context import make_ctx
    >>> [a.name for a in find_authors(make_ctx("d", "Hội nghị. Ảnh: Minh Khôi", None))]
    ['Minh Khôi']
    """
    out = _labelled(ctx) + _closing_lines(ctx)
    seen: set[str] = set()
    unique = []
    for a in sorted(out, key=lambda a: a.start):
        if fold(a.name) not in seen:
            seen.add(fold(a.name))
            unique.append(a)
    return unique


def _is_name_like(words: list[str], last: bool = False) -> bool:
    """Capitalised words that are no signature or province; a first word that is a name
    stopword ('Công', 'Trung') only on the text's last line, where pen names stand alone."""
    if not 1 <= len(words) <= 4 or not all(w[0].isupper() for w in words):
        return False
    key = fold(" ".join(words))
    if key in lexicon().byline_words("not_name") or key in lexicon().provinces:
        return False
    first = fold(words[0])
    return last or first not in lexicon().name_stopwords or first in lexicon().surnames


def _is_credit_name(words: list[str]) -> bool:
    """A name after a credit label: capitalised words that are not an organisation or place."""
    key = fold(" ".join(words))
    return (1 <= len(words) <= 4 and all(w[0].isupper() for w in words)
            and key not in lexicon().byline_words("not_name") and key not in lexicon().provinces)


def _labelled(ctx: Ctx) -> list[Author]:
    out: list[Author] = []
    if not _label_word().search(ctx.folded):  # most articles credit no one: skip the scan
        return out
    for m in _label().finditer(ctx.folded):
        pos = m.end()
        while True:
            outlet = _ACRONYM_SLASH.match(ctx.text, pos)
            pos = outlet.end() if outlet else pos
            n = _NAMES.match(ctx.text, pos)
            if not n:
                break
            words = [w for w in n.group(0).split() if w]
            words = _cut_outlet(words)
            if not words or not _is_credit_name(words) or _LABEL_NEXT.match(ctx.text, n.end()):
                break
            name = " ".join(words)
            out.append(Author(n.start(), n.start() + len(name), name))
            j = _JOIN.match(ctx.text, n.start() + len(name))
            if not j or j.end() == n.start() + len(name):
                break
            pos = j.end()
    return out


def _cut_outlet(words: list[str]) -> list[str]:
    """Drop an outlet written after the name ('Thu Hằng Đài TT-TH'); an outlet alone is none."""
    for i, w in enumerate(words):
        if fold(w) in lexicon().byline_words("outlet"):
            return words[:i]
    return words


def _closing_lines(ctx: Ctx) -> list[Author]:
    """Bylines on a line of their own near the end, or right before a date line."""
    lines = [(m.start(), m.group(0)) for m in _LINE.finditer(ctx.text)
             if m.group(0).strip()]
    out = []
    for i, (start, line) in enumerate(lines):
        near_end = i >= len(lines) - 8 and i > 0
        before_date = i + 1 < len(lines) and _DATE_LINE.match(lines[i + 1][1]) is not None
        if (near_end or before_date) and len(line) <= 80:
            out.extend(_line_names(start, line, near_end, i == len(lines) - 1))
    return out


def _line_names(start: int, line: str, near_end: bool, last: bool) -> list[Author]:
    """'ĐỨC TRUNG', 'Thu Hằng Đài TT-TH', 'Quang Hưng - Thu Hà': every part must be a name."""
    stripped = _NOTE_AT_END.sub("", line.strip())  # 'NAME (Trung tâm ...)'
    parts = [p for p in _PART_SEP.split(stripped) if p]
    out: list[Author] = []
    if near_end and len(parts) == 1 and _INITIAL_NAME.fullmatch(stripped):
        return [Author(start + line.index(stripped), start + line.index(stripped)
                       + len(stripped), stripped)]
    for k, part in enumerate(parts):
        words = _cut_outlet(part.split())
        cut = words != part.split()
        if len(words) < 2 or any(not _ONE_NAME_WORD.fullmatch(w) for w in words):
            return []
        if (cut and (not near_end or k < len(parts) - 1)) or not (
                _is_name_like(words, last) and _looks_like_byline(words, part)):
            return []
        offset = start + line.index(part) + part.index(words[0])
        out.append(Author(offset, offset + len(" ".join(words)), " ".join(words)))
    return out


def _looks_like_byline(words: list[str], line: str) -> bool:
    """Two to four words, all capitals or all title case, nothing else on the line but an outlet."""
    if len(words) > 4:
        return False
    all_caps = all(w.isupper() for w in words)
    title = all(w[0].isupper() and (len(w) == 1 or not w[1:].isupper()) for w in words)
    if not (all_caps or title):
        return False
    if not all(_SYLLABLE.fullmatch(fold(w).replace("’", "'").split("'")[-1]) for w in words):
        return False
    rest = line[len(" ".join(words)):].strip()
    return not rest or fold(rest.split()[0]) in lexicon().byline_words("outlet")
