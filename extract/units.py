"""Units (organisations): a head from the lexicon ('UBND', 'Ban CHQS', 'Ban Chỉ đạo', ...) and
what places it: a type word and name ('huyện Châu Đức'), a bare province ('Vĩnh Long'), a
number ('Quân khu 7'); steering committees may carry a subject first ('diễn tập KVPT').
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract import lexicon as lx
from extract.context import Ctx
from extract.places import name_span, plausible_name
from extract.text import canonical, fold

_NUMBER = re.compile(r"\s+(?:\d{1,3}|[IVX]{1,4})(?!\w)")
_DESC_WORD = re.compile(r"\s+([^\W\d_]+)")
_ABBR_IN_BRACKETS = re.compile(r"\s*\([A-ZĐ&]{2,8}\)")
_NATIONAL = re.compile(r"\s+(?:Trung ương|TW|T\.Ư|TƯ|Việt Nam)(?!\w)")


@dataclass
class Unit:
    """A unit mention group."""

    name: str
    surface: str
    kind: str | None
    locality: tuple[str, str | None] | None  # (bare name, type) of the place, if written
    level: str | None  # type word written without a name ('UBND tỉnh'): filled from the article
    spans: list[tuple[int, int]] = field(default_factory=list)
    national: bool = False  # one body wherever named (units.tsv scope): needs no place


def find_units(ctx: Ctx) -> list[Unit]:
    """Unit mentions grouped by canonical name.

    >>> from extract.context import make_ctx
    >>> [(u.name, u.kind) for u in find_units(make_ctx("d", "Bộ CHQS tỉnh Lai Châu", None))]
    [('Bộ Chỉ huy quân sự tỉnh Lai Châu', 'military_command')]
    """
    groups: dict[str, Unit] = {}
    for m in lx.units().regex.finditer(ctx.folded):
        if not ctx.text[m.start()].isupper() and not _abbreviated(ctx.text[m.start():m.end()]):
            continue
        unit = _extend(ctx, m)
        if unit is None:
            continue
        key = fold(unit.name)
        if key in groups:
            groups[key].spans.extend(unit.spans)
        else:
            groups[key] = unit
    return list(groups.values())


def unit_at(ctx: Ctx, pos: int) -> Unit | None:
    """The unit whose head starts at `pos` (also lower-case heads inside a post)."""
    m = lx.units().regex.match(ctx.folded, pos)
    return _extend(ctx, m) if m else None


def _abbreviated(s: str) -> bool:
    return any(c.isupper() for c in s[1:])


def _extend(ctx: Ctx, m: re.Match[str]) -> Unit | None:
    head = lx.units().get(ctx.folded[m.start():m.end()])
    if head is None:
        return None
    canon_head, kind, desc = head[0], head[1] or None, head[2] == "1"
    end = m.end()
    num = _NUMBER.match(ctx.text, end)
    if num and kind == "military_unit":
        end = num.end()
    end = _skip_abbreviation(ctx, end)
    loc, level, end = _locality_after(ctx, end)
    if loc is None and level is None and desc:
        tail_end = _skip_abbreviation(ctx, _descriptive_tail(ctx, end))
        loc2, level2, end2 = _locality_after(ctx, tail_end)
        if (loc2 or level2) and tail_end > end:
            loc, level, end = loc2, level2, end2
        elif tail_end > end and (inner := _inner_unit(ctx, tail_end)) is not None:
            loc, level, end = inner.locality, inner.level, inner.spans[0][1]
    if loc is None and level is None and (inner := _inner_unit(ctx, end)) is not None:
        loc, level, end = inner.locality, inner.level, inner.spans[0][1]
    elif loc is None and level is None and (top := _NATIONAL.match(ctx.text, end)):
        end = top.end()
    surface = ctx.text[m.start():end].strip()
    rest = _ABBR_IN_BRACKETS.sub("", surface[len(ctx.text[m.start():m.end()]):])
    name = canonical(canon_head + rest)
    national = len(head) > 3 and head[3] == "national"
    return Unit(name, surface, kind, loc, level, [(m.start(), m.start() + len(surface))],
                national)


def _skip_abbreviation(ctx: Ctx, pos: int) -> int:
    """Step over a bracketed abbreviation that repeats the name: 'Bộ Chỉ huy Quân sự (CHQS)'."""
    m = _ABBR_IN_BRACKETS.match(ctx.text, pos)
    return m.end() if m else pos


def _inner_unit(ctx: Ctx, pos: int) -> Unit | None:
    """A unit named right after another, which it belongs to: 'Ban Dân vận Thành ủy'."""
    sp = pos + 1 if ctx.text[pos:pos + 1] == " " else pos
    if not ctx.text[sp:sp + 1].isupper():
        return None
    m = lx.units().regex.match(ctx.folded, sp)
    return _extend(ctx, m) if m else None


def _descriptive_tail(ctx: Ctx, pos: int) -> int:
    end = pos
    for _ in range(10):
        w = _DESC_WORD.match(ctx.folded, end)
        if not w or w.group(1) in lx.unit_tail_stops() or lx.locality_types().regex.match(
                ctx.folded, w.start(1)) or (ctx.text[w.start(1)].isupper() and
                                            lx.units().regex.match(ctx.folded, w.start(1))):
            break
        end = w.end()
    return end


def _locality_after(ctx: Ctx, pos: int) -> tuple[tuple[str, str | None] | None, str | None, int]:
    """(place, bare level word, end) of what follows a unit head."""
    sp = pos + 1 if ctx.text[pos:pos + 1] == " " else pos
    t = lx.locality_types().regex.match(ctx.folded, sp)
    if t:
        type_ = lx.locality_types().get(ctx.folded[t.start():t.end()])
        name = _cap_words(ctx, t.end(), type_[0] if type_ else None)
        if name:
            return (ctx.text[name[0]:name[1]], type_[0] if type_ else None), None, name[1]
        return None, type_[0] if type_ else None, t.end()
    p = lx.province_regex().match(ctx.folded, sp)
    if p and ctx.text[sp].isupper():
        prov = lx.provinces().get(ctx.folded[p.start():p.end()])
        return (ctx.text[p.start():p.end()], prov), None, p.end()
    return None, None, pos


def _cap_words(ctx: Ctx, pos: int, type_: str | None) -> tuple[int, int] | None:
    """The place name after a type word, by the localities' own rule (`places.name_span`):
    capitalised words or a number, stopping before a person, a cue verb ('huyện Phát biểu'),
    a unit or a document; a one-word name must be a known place."""
    m = re.match(r"[ .]*", ctx.text[pos:pos + 4])
    start = pos + (m.end() if m else 0)
    span = name_span(ctx, start, numbered=True)
    if span is None:
        return None
    return span if plausible_name(ctx.text[span[0]:span[1]], type_) else None
