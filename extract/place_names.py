"""Place names as written: the capitalised name after a type word, lists of them, and what
the gazetteer (else the province lexicon) says a name is. Shared by the locality finders
(extract.places, extract.place_context) and the unit finder (extract.units).
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from vnkg.extraction import gazetteer as _gazetteer
from vnkg.extraction.context import Ctx, Token
from vnkg.extraction.gazetteer_keys import PROVINCE
from vnkg.extraction.lexicon import lexicon
from vnkg.extraction.text import fold

_LIST_JOIN = re.compile(r"\s*(?:,|\bvà\b)\s*")
_LIST_HEAD = re.compile(r"\s*:\s*")
_NUMBER = re.compile(r"\d{1,2}(?!\d|[/.,]\d)")


class Hit(NamedTuple):
    """One locality mention: span, bare name, type; `explicit` when a type word is written."""

    start: int
    end: int
    name: str
    type: str | None
    surface: str
    explicit: bool = True


def type_of(folded_type: str) -> str | None:
    """The schema type of a type word as written ('tp.' -> 'thành phố')."""
    hit = lexicon().locality_types.get(folded_type)
    return hit[0] if hit else None


def names_after(ctx: Ctx, pos: int, allow_list: bool, abbreviated: bool = False,
                numbered: bool = False) -> list[tuple[int, int]]:
    """Capitalised name(s) right after a type word; lists continue with ',' and 'và'."""
    out = []
    head = _LIST_HEAD.match(ctx.text, pos)
    if head and head.end() > pos:
        pos = head.end()
    span = name_span(ctx, pos, numbered)
    while span is not None and not (abbreviated and ctx.text[span[0]:span[1]].isupper()):
        out.append(span)
        if not allow_list:
            break
        j = _LIST_JOIN.match(ctx.text, span[1])
        if not j or j.end() == span[1]:
            break
        if lexicon().locality_types.regex.match(ctx.folded, j.end()):
            break  # the next item carries its own type word
        nxt = name_span(ctx, j.end(), numbered)
        if nxt is None or len(ctx.text[nxt[0]:nxt[1]].split()) > 3:
            break
        span = nxt
    return out


def name_span(ctx: Ctx, pos: int, numbered: bool = False) -> tuple[int, int] | None:
    """The capitalised place name starting at `pos` (up to four words), or a number when
    `numbered` ('Quận 1'); it stops before a person, a unit, a cue verb or a document."""
    while pos < len(ctx.text) and ctx.text[pos] == " ":
        pos += 1
    i = ctx.token_index(pos)
    words: list[Token] = []
    end = pos
    lex = lexicon()
    number = _NUMBER.match(ctx.text, pos)
    if number:  # 'Quận 1', 'phường 5'
        return (pos, number.end()) if numbered else None
    while i < len(ctx.tokens) and len(words) < 4:
        t = ctx.tokens[i]
        gap = ctx.text[end:t.start] if words else ctx.text[pos:t.start]
        if gap not in ("", " ") or ctx.in_person(t.start, t.end):
            break
        if len(words) >= 2 and fold(t.text) in lex.surnames:
            break
        if _starts_other(ctx, t):
            break
        words.append(t)
        end = t.end
        i += 1
    if not words or fold(words[0].text) in lexicon().place_stopwords:
        return None
    return words[0].start, words[-1].end


def _starts_other(ctx: Ctx, t: Token) -> bool:
    """Does this capitalised word start a unit, cue verb, document or post rather than a
    place name ('đoàn', 'đội' too)? Memoised per document: many names share words."""
    key = ("starts_other", t.start)
    if key not in ctx.memo:
        ctx.memo[key] = fold(t.text) in {"đoàn", "đội"} or bool(
            _other_start().match(ctx.folded, t.start))
    return bool(ctx.memo[key])


@cache
def _other_start() -> re.Pattern[str]:
    """A unit, cue verb, document kind or post at a position: the four lexicon matchers as
    one alternation, which matches where any of them does, in one call instead of four."""
    lex = lexicon()
    tables = (lex.units, lex.cues, lex.decree_kinds, lex.roles)
    return re.compile("|".join(f"(?:{tab.regex.pattern})" for tab in tables))


def plausible_name(name: str, type_: str | None) -> bool:
    """A one-word name after a type word must be a known place ('huyện Phát biểu' is a
    capitalised verb); longer names and numbers are taken as written."""
    if len(name.split()) > 1 or name.isdigit():
        return True
    return is_place_name(name, type_) or fold(name) in lexicon().provinces


def overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Does [s, e) overlap one of the spans? (A plain loop, as `Ctx.in_person`: asked for
    every type word and province name, faster than any() over a generator.)"""
    for a, b in spans:  # noqa: SIM110
        if a < e and s < b:
            return True
    return False


def province_like(name: str) -> bool:
    """Provinces are a closed list: a 'tỉnh X' is one when X is known (lexicon or gazetteer)."""
    return fold(name) in lexicon().provinces or is_place_name(name, PROVINCE)


def is_place_name(name: str, type_: str | None) -> bool:
    """Is this the name of a place of that type in the gazetteer?"""
    return bool(_gazetteer.candidates(name, type_))


def types_of(name: str) -> frozenset[str]:
    """Every type the units bearing this name have ('thành phố' for a province-level city)."""
    cands = _gazetteer.candidates(name)
    written = lexicon().locality_written
    return frozenset(written.get(c.type, c.type) for c in cands)


def infer_type(name: str) -> str | None:
    """The type of a bare name: the province lexicon's for a province-level name as written
    ('Thừa Thiên Huế' is a tỉnh, though its 2025 successor is a city), else the gazetteer's."""
    if fold(name) in lexicon().provinces:
        return lexicon().provinces[fold(name)]
    t = _gazetteer.infer_type(name)
    if t:
        return lexicon().locality_written.get(t, t)
    return None
