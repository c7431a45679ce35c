"""Localities: 'huyện Mường Tè', 'TP.Vinh', lists ('xã Ea Tul, Ea Drơng và xã Cư Suê'),
bare province names ('(Hải Dương)', 'Đảng ủy quân sự Vĩnh Long'), typed by their type word or
inferred (the province lexicon, else the gazetteer).

Only administrative units are localities (spec/gold.md): a name after a village, street or
island word ('thôn', 'đường', 'đảo', lexicon non_localities.txt) is consumed and dropped.
Bare district names and counted lists are in `extract.place_context`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from vnkg.extraction import place_context
from vnkg.extraction.context import Ctx
from vnkg.extraction.gazetteer_keys import PROVINCE
from vnkg.extraction.lexicon import bounded, lexicon
from vnkg.extraction.place_names import (
    Hit,
    _gazetteer,
    infer_type,
    is_place_name,
    names_after,
    overlaps,
    plausible_name,
    province_like,
    type_of,
    types_of,
)
from vnkg.extraction.text import fold, tone

__all__ = ["Hit", "Place", "find_localities", "is_place_name", "resolve"]

_BRACKETED = re.compile(r"\(((?:[^\W\d_]+(?:['’][^\W\d_]+)?)(?: [^\W\d_]+){0,3})\)")
# the type words written in full, longest first: a header ending in 'thị xã' is not one of 'xã'
_FULL_WORDS = tuple(sorted(set(lexicon().locality_written.values()), key=len, reverse=True))
_LEVEL = lexicon().locality_levels  # type -> 0 province, 1 district, 2 commune
_NUMBERED = lexicon().types_with("numbered")  # 'Quận 1', 'Phường 3'
_PROVINCE_WORD = lexicon().locality_written[lexicon().types_of_level(0)[0]]  # 'tỉnh'
_PROVINCE_AFTER = re.compile(rf",\s*{re.escape(_PROVINCE_WORD)}\s+"
                             r"((?:[A-ZĐÀ-Ỹ][^\W\d_]*\s?){1,4})")
_MIXED_BEFORE = re.compile(r"(?:,|\bvà|/)\s*$")


@dataclass
class Place:
    """A locality mention group: bare name, type, surface and spans."""

    name: str
    type: str | None
    surface: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    explicit: bool = True
    code: str | None = None  # set only on a place the article implies (extract.unit_places)
    structure: str | None = None


def find_localities(ctx: Ctx) -> list[Place]:
    """Typed and bare locality mentions grouped by (bare name, type); spans cover the surface.

    >>> from vnkg.extraction.context import make_ctx
    >>> [(p.name, p.type) for p in find_localities(make_ctx("d", "Bộ CHQS tỉnh Lai Châu", None))]
    [('Lai Châu', 'tỉnh')]
    """
    found: list[Hit] = []
    taken: list[tuple[int, int]] = []
    aliases = lexicon().locality_aliases
    for m in aliases.regex.finditer(ctx.folded):
        alias_name, alias_type = aliases.values[" ".join(ctx.folded[m.start():m.end()].split())]
        found.append(Hit(m.start(), m.end(), alias_name, alias_type, ctx.text[m.start():m.end()]))
        taken.append((m.start(), m.end()))
    _typed(ctx, found, taken)
    _not_localities(ctx, taken)
    place_context.counted_lists(ctx, found, taken)
    _bracketed(ctx, found, taken)
    for m in lexicon().province_regex.finditer(ctx.folded):
        s, e = m.start(), m.end()
        if overlaps(taken, s, e) or ctx.in_person(s, e) or _glued(ctx, s, e):
            continue
        name = ctx.text[s:e]
        if not name[0].isupper() or fold(name) in lexicon().bare_place_exclusions:
            continue
        found.append(Hit(s, e, name, infer_type(name), name, False))
        taken.append((s, e))
    place_context.bare_districts(ctx, found, taken)
    return _group(found)


def _typed(ctx: Ctx, found: list[Hit], taken: list[tuple[int, int]]) -> None:
    """Names after a type word; a list's later items keep the type unless they are provinces
    ('TP Buôn Ma Thuột, Đắk Lắk'); a mixed header ('các tỉnh, thành phố: A, B') types each."""
    for m in ctx.matches(lexicon().locality_types.regex):
        if overlaps(taken, m.start(), m.end()):
            continue
        type_ = type_of(ctx.folded[m.start():m.end()])
        written = ctx.text[m.start():m.end()]
        if type_ is None or (written.isupper() and fold(written) in _FULL_WORDS):
            continue  # an all-capitals headline ('... HUYỆN NĂM 2021'), not a name
        mixed = _mixed_header(ctx, m.start(), type_)
        names = names_after(ctx, m.end(), allow_list=True, abbreviated="." in written,
                            numbered=type_ in _NUMBERED)
        prev: str | None = None
        for i, (s, e) in enumerate(names):
            start = m.start() if i == 0 and not mixed else s
            taken.append((m.start(), e))
            name = ctx.text[s:e]
            if type_ == PROVINCE and not province_like(name):
                continue  # 'tỉnh Đông Bắc Campuchia', 'các tỉnh Tây Nguyên': not a province
            if not plausible_name(name, type_) or _foreign(ctx, name, e):
                continue  # 'huyện Phát biểu': a capitalised word; 'huyện Sầm Tớ (Lào)'

            kind = type_
            if prev is not None and _province_after(prev, name, type_):
                kind = infer_type(name) or type_
            elif mixed:
                kind = _one_of(name, mixed) or type_
            found.append(Hit(start, e, name, kind, ctx.text[start:e], i == 0 and not mixed))
            prev = name


def _foreign(ctx: Ctx, name: str, end: int) -> bool:
    """A name the gazetteer does not know, followed in its clause by a foreign country or by
    a 'tỉnh' that is no province ('huyện Sầm Tớ, tỉnh Hủa Phăn (Lào)')."""
    if _gazetteer is None or is_place_name(name, None):
        return False
    after = ctx.text[end:end + 60].split(".")[0]
    country = _foreign_regex().search(after)
    province = _PROVINCE_AFTER.match(after)
    return bool(country) or bool(province and not province_like(province.group(1)))


@cache
def _foreign_regex() -> re.Pattern[str]:
    names = [r[0] for r in lexicon().rows("foreign_countries.txt")]
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def _mixed_header(ctx: Ctx, pos: int, type_: str) -> frozenset[str]:
    """The types of a header of several type words ending at `pos` ('các tỉnh, thành phố: …'
    -> {tỉnh, thành phố}); empty for a single type word."""
    before = ctx.folded[max(0, pos - 30):pos]
    if not before.rstrip().endswith((",", "và", "/")):  # what _MIXED_BEFORE ends with, fast
        return frozenset()
    m = _MIXED_BEFORE.search(before)
    if not m:
        return frozenset()
    head = before[:m.start()].rstrip()
    first = next((w for w in _FULL_WORDS if head.endswith(w)), None)
    return frozenset({first, type_}) if first else frozenset()


def _one_of(name: str, types: frozenset[str]) -> str | None:
    """The one header type a listed name has ('Bảo Lâm' among 'các huyện, thị xã')."""
    inferred = infer_type(name)
    if inferred in types:
        return inferred
    options = types_of(name) & types
    return next(iter(options)) if len(options) == 1 else None


def _province_after(prev: str, name: str, type_: str) -> bool:
    """A list item after a district or city that names a province, not a unit of the list's
    type: its own province ('TP Quy Nhơn, Bình Định'), or a province with no such unit."""
    if _LEVEL.get(type_, 0) == 0 or fold(name) not in lexicon().provinces:
        return False
    if _gazetteer is None:
        return True
    try:
        inside = any(fold(p.province_name) == fold(name)
                     for p in _gazetteer.candidates(prev, type_))
        same_type = any(p.type == type_ for p in _gazetteer.candidates(name, type_))
    except Exception:  # noqa: BLE001 - a gazetteer fault must not stop extraction
        return True
    return inside or not same_type


def _not_localities(ctx: Ctx, taken: list[tuple[int, int]]) -> None:
    """Consume the names after village, street and island words ('đảo Cù Lao Xanh')."""
    for m in _non_locality_regex().finditer(ctx.folded):
        if overlaps(taken, m.start(), m.end()):
            continue
        written = ctx.text[m.start():m.end()]
        if written[0].isupper() and not (_sentence_start(ctx, m.start())
                                         and fold(written) not in lexicon().surnames):
            continue  # a capitalised word inside a name ('xã Núi Voi', 'Hồ Chí Minh')
        names = names_after(ctx, m.end(), allow_list=True, numbered=True)
        if names:
            taken.append((m.start(), names[-1][1]))


def _sentence_start(ctx: Ctx, pos: int) -> bool:
    return ctx.text[max(0, pos - 2):pos].strip(" ") in ("", "\n", ".", "\n\n") or \
        ctx.sentence_of(pos)[0] == pos


@cache
def _non_locality_regex() -> re.Pattern[str]:
    words = [r[0] for r in lexicon().rows("non_localities.txt")]
    return bounded(words)


def _bracketed(ctx: Ctx, found: list[Hit], taken: list[tuple[int, int]]) -> None:
    """'Thị xã Chí Linh (Hải Dương)', '(Đông Anh)': a capitalised known place name only; a
    note such as '(đứng)' or '(bìa trái)' is not one."""
    for m in _BRACKETED.finditer(ctx.text):
        s, e = m.span(1)
        name = m.group(1)
        if not all(w[0].isupper() for w in name.split()) or name.isupper():
            continue
        if overlaps(taken, s, e) or ctx.in_person(s, e) or fold(name) in lexicon().provinces:
            continue
        type_ = infer_type(name) if is_place_name(name, None) else None
        if type_:
            found.append(Hit(s, e, name, type_, name, False))
            taken.append((s, e))


def _glued(ctx: Ctx, s: int, e: int) -> bool:
    """A province name inside a longer capitalised run ('Hà Nam Ninh', 'Nguyễn Hà Giang')."""
    before = ctx.text[max(0, s - 2):s]
    after = ctx.text[e:e + 2]
    return bool(re.match(r"^ [^\W\d_]", after) and after[1].isupper()) or bool(
        re.search(r"[^\W\d_] $", before) and before[0].isupper())


def _group(found: list[Hit]) -> list[Place]:
    """One Place per (name, type); a bare mention whose type was only inferred joins the
    typed mention of the same name ('Thừa Thiên Huế: …' beside 'tỉnh Thừa Thiên Huế')."""
    typed: dict[str, str | None] = {}
    provinces = _province_keys()  # a bare province name is the province ('Hải Dương' beside
    for h in found:  # 'thành phố Hải Dương'): never joined
        if h.explicit and (name := fold(tone(h.name))) not in provinces:
            typed.setdefault(name, h.type)
    places: dict[tuple[str, str | None], Place] = {}
    for h in sorted(found):
        key = (fold(tone(h.name)), h.type)
        if not h.explicit and key[0] in typed:
            key = (key[0], typed[key[0]])
        place = places.get(key)
        if place is None:
            place = places[key] = Place(h.name, key[1], h.surface, explicit=h.explicit)
        place.spans.append((h.start, h.end))
    return list(places.values())


@cache
def _province_keys() -> frozenset[str]:
    """The provinces' names as `_group` keys them (folded, new-style tone marks)."""
    return frozenset(fold(tone(name)) for name in lexicon().provinces)


def resolve(places: list[Place]) -> list[dict[str, Any]]:
    """Gazetteer codes for each place (None when unresolved or no gazetteer)."""
    resolved: list[Any] = []
    out: list[dict[str, Any]] = [{"code": None} for _ in places]
    # provinces first, so that a district or commune is looked up within them
    for i in sorted(range(len(places)), key=lambda j: _LEVEL.get(places[j].type or "", 3)):
        p = places[i]
        info: dict[str, Any] = {"code": None}
        if _gazetteer is not None and p.type in (None, *_LEVEL):
            try:
                hit = _gazetteer.resolve_locality(p.name, p.type, within=tuple(resolved))
            except Exception:  # noqa: BLE001
                hit = None
            if hit is not None:
                resolved.append(hit)
                info = {"code": hit.code, "structure": hit.structure,
                        "province_code": hit.province_code, "province": hit.province_name,
                        "parent_code": hit.parent_code}
        out[i] = info
    return out
