"""Localities: 'huyện Mường Tè', 'TP.Vinh', lists ('xã Ea Tul, Ea Drơng và xã Cư Suê'),
bare province names ('(Hải Dương)', 'Đảng ủy quân sự Vĩnh Long'), typed by their type word or
inferred (the gazetteer when present, else the province lexicon).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from extract import lexicon as lx
from extract.context import Ctx, Token
from extract.text import fold, tone

try:  # written in parallel by another engineer; the engine runs without it (code=None)
    from extract import gazetteer as _gazetteer
except Exception:  # noqa: BLE001 - pragma: no cover - a missing or broken gazetteer
    _gazetteer = None  # type: ignore[assignment]

_BRACKETED = re.compile(
    r"\(((?:[A-ZĐÀ-Ỹ][^\W\d_]*(?:['’][^\W\d_]+)?)(?: [A-ZĐÀ-Ỹ][^\W\d_]*){0,3})\)")
_FULL_WORDS = {"tỉnh", "huyện", "quận", "xã", "phường", "thành phố", "thị xã", "thị trấn", "đảo",
               "đặc khu"}
_LEVEL = {"tỉnh": 0, "thành phố trực thuộc trung ương": 0, "thành phố": 1, "huyện": 1, "quận": 1,
          "thị xã": 1, "xã": 2, "phường": 2, "thị trấn": 2, "đặc khu": 2}
_LIST_JOIN = re.compile(r"\s*(?:,|\bvà\b)\s*")
_LIST_HEAD = re.compile(r"\s*:\s*")


@dataclass
class Place:
    """A locality mention group: bare name, type, surface and spans."""

    name: str
    type: str | None
    surface: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    explicit: bool = True


def find_localities(ctx: Ctx) -> list[Place]:
    """Typed and bare locality mentions grouped by (bare name, type); spans cover the surface.

    >>> from extract.context import make_ctx
    >>> [(p.name, p.type) for p in find_localities(make_ctx("d", "Bộ CHQS tỉnh Lai Châu", None))]
    [('Lai Châu', 'tỉnh')]
    """
    found: list[tuple[int, int, str, str | None, str]] = []
    taken: list[tuple[int, int]] = []
    aliases = lx.locality_aliases()
    for m in aliases.regex.finditer(ctx.folded):
        alias_name, alias_type = aliases.values[" ".join(ctx.folded[m.start():m.end()].split())]
        found.append((m.start(), m.end(), alias_name, alias_type, ctx.text[m.start():m.end()]))
        taken.append((m.start(), m.end()))
    for m in lx.locality_types().regex.finditer(ctx.folded):
        if _overlaps(taken, m.start(), m.end()):
            continue
        type_ = _type_of(ctx.folded[m.start():m.end()])
        written = ctx.text[m.start():m.end()]
        if type_ is None or (written.isupper() and fold(written) in _FULL_WORDS):
            continue  # an all-capitals headline ('... HUYỆN NĂM 2021'), not a name
        names = _names_after(ctx, m.end(), allow_list=True, abbreviated="." in written,
                             numbered=type_ in ("quận", "phường"))
        for i, (s, e) in enumerate(names):
            start = m.start() if i == 0 else s
            taken.append((m.start(), e))
            if type_ == "tỉnh" and not _province_like(ctx.text[s:e]):
                continue  # 'tỉnh Đông Bắc Campuchia', 'các tỉnh Tây Nguyên': not a province
            found.append((start, e, ctx.text[s:e], type_, ctx.text[start:e]))
    for m in _BRACKETED.finditer(ctx.text):  # 'Thị xã Chí Linh (Hải Dương)', '(Đông Anh)'
        s, e = m.span(1)
        if _overlaps(taken, s, e) or ctx.in_person(s, e) or fold(m.group(1)) in lx.provinces():
            continue
        type_ = _infer_type(m.group(1))
        if type_:
            found.append((s, e, m.group(1), type_, m.group(1)))
            taken.append((s, e))
    for m in lx.province_regex().finditer(ctx.folded):
        s, e = m.start(), m.end()
        if _overlaps(taken, s, e) or ctx.in_person(s, e) or _glued(ctx, s, e):
            continue
        name = ctx.text[s:e]
        if not name[0].isupper() or fold(name) in lx.bare_place_exclusions():
            continue
        found.append((s, e, name, _infer_type(name), name))
    return _group(found)


def _type_of(folded_type: str) -> str | None:
    hit = lx.locality_types().get(folded_type)
    return hit[0] if hit else None


def _glued(ctx: Ctx, s: int, e: int) -> bool:
    """A province name inside a longer capitalised run ('Hà Nam Ninh', 'Nguyễn Hà Giang')."""
    before = ctx.text[max(0, s - 2):s]
    after = ctx.text[e:e + 2]
    return bool(re.match(r"^ [^\W\d_]", after) and after[1].isupper()) or bool(
        re.search(r"[^\W\d_] $", before) and before[0].isupper())


def _names_after(ctx: Ctx, pos: int, allow_list: bool, abbreviated: bool = False,
                 numbered: bool = False) -> list[tuple[int, int]]:
    """Capitalised name(s) right after a type word; lists continue with ',' and 'và'."""
    out = []
    head = _LIST_HEAD.match(ctx.text, pos)
    if head and head.end() > pos:
        pos = head.end()
    while True:
        span = _name_span(ctx, pos, numbered)
        if span is None or (abbreviated and ctx.text[span[0]:span[1]].isupper()):
            break
        out.append(span)
        if not allow_list:
            break
        j = _LIST_JOIN.match(ctx.text, span[1])
        if not j or j.end() == span[1]:
            break
        if lx.locality_types().regex.match(ctx.folded, j.end()):
            break  # the next item carries its own type word
        nxt = _name_span(ctx, j.end(), numbered)
        if nxt is None or len(ctx.text[nxt[0]:nxt[1]].split()) > 3:
            break
        pos = j.end()
    return out


def _name_span(ctx: Ctx, pos: int, numbered: bool = False) -> tuple[int, int] | None:
    while pos < len(ctx.text) and ctx.text[pos] == " ":
        pos += 1
    i = ctx.token_index(pos)
    words: list[Token] = []
    end = pos
    number = re.match(r"\d{1,2}(?!\d|[/.,]\d)", ctx.text[pos:])
    if number:  # 'Quận 1', 'phường 5'
        return (pos, pos + number.end()) if numbered else None
    while i < len(ctx.tokens) and len(words) < 4:
        t = ctx.tokens[i]
        gap = ctx.text[end:t.start] if words else ctx.text[pos:t.start]
        if gap not in ("", " ") or ctx.in_person(t.start, t.end):
            break
        if words and fold(t.text) in lx.surnames() and len(words) >= 2:
            break
        if fold(t.text) in {"đoàn", "đội"} or any(
                tab.regex.match(ctx.folded, t.start)
                for tab in (lx.units(), lx.cues(), lx.decree_kinds(), lx.roles())):
            break
        words.append(t)
        end = t.end
        i += 1
    if not words or fold(words[0].text) in lx.place_stopwords():
        return None
    return words[0].start, words[-1].end


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def _province_like(name: str) -> bool:
    """Provinces are a closed list: a 'tỉnh X' is one when X is known (lexicon or gazetteer)."""
    return fold(name) in lx.provinces() or is_place_name(name, "tỉnh")


def is_place_name(name: str, type_: str | None) -> bool:
    """Is this the name of a place of that type (gazetteer, else the province lexicon)?"""
    if _gazetteer is not None:
        try:
            return bool(_gazetteer.candidates(name, type_))
        except Exception:  # noqa: BLE001 - a gazetteer fault must not stop extraction
            pass
    return fold(name) in lx.provinces()


def _infer_type(name: str) -> str | None:
    if _gazetteer is not None:
        try:
            t = _gazetteer.infer_type(name)
        except Exception:  # noqa: BLE001 - a gazetteer fault must not stop extraction
            t = None
        if t:
            return "thành phố" if t == "thành phố trực thuộc trung ương" else t
    return lx.provinces().get(fold(name))


def _group(found: list[tuple[int, int, str, str | None, str]]) -> list[Place]:
    places: dict[tuple[str, str | None], Place] = {}
    for s, e, name, type_, surface in sorted(found):
        key = (fold(tone(name)), type_)
        place = places.get(key)
        if place is None:
            place = places[key] = Place(name, type_, surface)
        place.spans.append((s, e))
    return list(places.values())


def resolve(places: list[Place]) -> list[dict[str, Any]]:
    """Gazetteer codes for each place (None when unresolved or no gazetteer)."""
    resolved: list[Any] = []
    out: list[dict[str, Any]] = [{"code": None} for _ in places]
    # provinces first, so that a district or commune is looked up within them
    for i in sorted(range(len(places)), key=lambda j: _LEVEL.get(places[j].type or "", 3)):
        p = places[i]
        info: dict[str, Any] = {"code": None}
        if _gazetteer is not None and p.type in (None, "tỉnh", "thành phố", "huyện", "quận",
                                                  "thị xã", "xã", "phường", "thị trấn",
                                                  "đặc khu"):
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
