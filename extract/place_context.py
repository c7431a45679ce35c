"""Localities a reader types from the context rather than a type word next to the name.

- A counted header far from its list: '3 xã của huyện X được chọn, đó là A, B và C' types A, B
  and C as communes.
- A bare district name ('ở Hương Sơn', a headline 'Hương Sơn: …') is a district when the
  gazetteer knows exactly one district of that name in a province the article names.
"""

from __future__ import annotations

import re
from functools import cache

from vnkg.extraction.context import Ctx
from vnkg.extraction.lexicon import lexicon
from vnkg.extraction.place_names import (
    Hit,
    _gazetteer,
    infer_type,
    is_place_name,
    names_after,
    type_of,
)
from vnkg.extraction.text import fold

_HEADLINE = re.compile(r"\s*[:–-]\s")
_DISTRICT_TYPES = lexicon().types_of_level(1)


@cache
def _cue(use: str) -> re.Pattern[str]:
    """The place_cues.tsv words of one use, as the regex that use needs."""
    words = lexicon().pattern("place_cues.tsv", use)
    if use == "count":  # right before the type word: '3 xã', 'ba huyện'
        return re.compile(rf"(?<![\w/.,])(?:\d{{1,3}}|{words})\s+$")
    if use == "intro":  # the rest of the clause, then the word: '…, đó là '
        return re.compile(rf"[^.;\n]{{0,120}}?(?:,\s*|\s)(?:{words})(?!\w)\s*:?\s*")
    return re.compile(rf"(?<!\w)(?:{words})\s+$")


def counted_lists(ctx: Ctx, found: list[Hit], taken: list[tuple[int, int]]) -> None:
    """'N xã …, đó là A, B và C': the list items take the counted type word."""
    for m in ctx.matches(lexicon().locality_types.regex):
        if not _cue("count").search(ctx.folded, max(0, m.start() - 12), m.start()):
            continue
        type_ = type_of(ctx.folded[m.start():m.end()])
        intro = _cue("intro").match(ctx.folded, m.end())
        if type_ is None or intro is None:
            continue
        for s, e in names_after(ctx, intro.end(), allow_list=True):
            name = ctx.text[s:e]
            if any(a < e and s < b for a, b in taken) or ctx.in_person(s, e) or \
                    fold(name) in lexicon().provinces or not is_place_name(name, type_):
                break
            found.append(Hit(s, e, ctx.text[s:e], type_, ctx.text[s:e], False))
            taken.append((s, e))


def bare_districts(ctx: Ctx, found: list[Hit], taken: list[tuple[int, int]]) -> None:
    """A district written without its type word after 'ở/tại/trên địa bàn …' or as a headline
    label, when exactly one district of that name lies in a province the article names."""
    provinces = _context_provinces(found)
    if not provinces:
        return
    covered = bytearray(len(ctx.text))  # 1 where a taken span lies (spans are not empty)
    for a, b in taken:
        covered[a:b] = b"\1" * (b - a)
    locative = _cue("locative")
    starts = _candidates(ctx)
    for t in ctx.tokens:
        if t.start not in starts or covered.find(1, t.start, t.end) >= 0:
            continue
        line_start = ctx.text.rfind("\n", 0, t.start) + 1
        low = max(0, t.start - 16)
        after_word = locative.search(ctx.folded, low, t.start) \
            if _cue_word_before(ctx.folded, low, t.start, "locative") else None
        if not after_word and ctx.text[line_start:t.start].strip():
            continue
        spans = names_after(ctx, t.start, allow_list=bool(after_word))
        if not spans or (not after_word and not _HEADLINE.match(ctx.text, spans[0][1])):
            continue  # a line may start with any name; only 'X: …' is a label
        for s, e in spans:  # 'ở Hương Sơn, Vũ Quang và Đức Thọ'
            kind = None if ctx.in_person(s, e) else _district_in(ctx.text[s:e], provinces)
            if kind is None:
                break
            found.append(Hit(s, e, ctx.text[s:e], kind, ctx.text[s:e], False))
            taken.append((s, e))
            covered[s:e] = b"\1" * (e - s)


def _candidates(ctx: Ctx) -> set[int]:
    """Where a word may start a bare district: the start of a line's text, or right after a
    locative cue's last word and spaces. Found by two scans rather than tested word by word;
    every word the loop takes starts at one of them."""
    lines = {m.end() for m in _LINE_START.finditer(ctx.text)}
    return lines | {m.end() for m in _cue_end("locative").finditer(ctx.folded)}


_LINE_START = re.compile(r"^[^\S\n]*", re.MULTILINE)


@cache
def _cue_end(use: str) -> re.Pattern[str]:
    """The last word of a cue of this use and the spaces after it."""
    return re.compile(rf"(?:{'|'.join(map(re.escape, _cue_ends(use)))})\s+")


def _cue_word_before(folded: str, low: int, end: int, use: str) -> bool:
    """Does the last word of a cue of this use end before `end`, spaces aside, within
    folded[low:end]? What every match of `_cue(use)` there ends with, tested without the
    regex's walk over every start in the window."""
    i = end
    while i > low and folded[i - 1].isspace():
        i -= 1
    return i < end and folded.endswith(_cue_ends(use), low, i)


@cache
def _cue_ends(use: str) -> tuple[str, ...]:
    """The last words of the place_cues.tsv phrases of one use, folded."""
    return tuple({fold(p).split()[-1] for p in lexicon().phrases("place_cues.tsv", use)})


def _context_provinces(found: list[Hit]) -> frozenset[str]:
    """Folded names of the provinces the article's localities lie in."""
    out: set[str] = set()
    for h in found:
        if h.type is None:
            continue
        p = _gazetteer.resolve_locality(h.name, h.type)
        if p is not None:
            out.add(fold(p.province_name))
    return frozenset(out)


@cache
def _district_in(name: str, provinces: frozenset[str]) -> str | None:
    """The type of the one district of this name in these provinces, else None."""
    if fold(name) in lexicon().provinces or fold(name) in lexicon().place_stopwords:
        return None
    cands = _gazetteer.candidates(name)
    hits = {(p.code, p.type) for p in cands if p.structure == "2024" and p.level == 1
            and p.type in _DISTRICT_TYPES and fold(p.province_name) in provinces}
    if len(hits) != 1:
        return None
    kind = next(iter(hits))[1]
    return kind if infer_type(name) is not None else None
