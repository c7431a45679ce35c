"""Units (organisations): a head from the lexicon ('UBND', 'Ban CHQS', 'Ban Chỉ đạo', ...) and
what places it: a type word and name ('huyện Châu Đức'), a bare province ('Vĩnh Long'), a
number ('Quân khu 7'); steering committees may carry a subject first ('diễn tập KVPT'), named
bodies a proper name ('Báo Hà Tĩnh', 'Phòng Tài nguyên và Môi trường huyện'). Heads too common
as words ('bộ', 'phòng', 'báo') are in named_units.tsv, read here only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from vnkg.extraction.context import Ctx
from vnkg.extraction.lexicon import Table, bounded, lexicon, phrase_pattern
from vnkg.extraction.place_names import name_span, plausible_name
from vnkg.extraction.text import canonical, fold
from vnkg.extraction.unit_lists import listed_posts

_NUMBER = re.compile(r"\s+(?:\d{1,3}|[IVX]{1,4})(?!\w)")
_DESC_WORD = re.compile(r"[ \t]+([^\W\d_]+(?:['’&][^\W\d_]+)*)")
_JOIN = re.compile(r"(?:[ \t]+và|,)[ \t]+(?=\w)")
_JOINT = re.compile(r"\s+[-–]\s+(?=\w)")
_ABBR_IN_BRACKETS = re.compile(r"\s*\([A-ZĐ&]{2,8}\)")
_SUB_UNITS = ("military_unit", "militia")
_COMMITTEE_AFTER = re.compile(r"\s+(?:ủy|uỷ)(?!\w)")
_GAP = re.compile(r"[ .]*")


@cache
def heads() -> Table:
    """Every unit head: units.tsv and the named-only heads of named_units.tsv."""
    data = lexicon().rows("units.tsv") + lexicon().rows("named_units.tsv")
    values = {fold(r[0]): tuple(r[1:]) for r in data}
    return Table(bounded([r[0] for r in data]), values)


@cache
def _phrase_stops() -> re.Pattern[str]:
    """The two-word tail stops ('triển khai'), which stop only as a whole."""
    phrases = [r[0] for r in lexicon().rows("unit_tail_stops.txt") if " " in r[0]]
    return re.compile(rf"(?:{phrase_pattern(phrases)})(?!\w)")


def _capital_stop_at(ctx: Ctx, pos: int) -> bool:
    """Does a capitalised stop word ('Ngày', 'Tại') follow `pos`?"""
    w = _DESC_WORD.match(ctx.text, pos)
    return w is not None and w.group(1) in _capital_stops()


@cache
def _capital_stops() -> frozenset[str]:
    """The tail stops that end a tail even when capitalised ('Ngày', 'Tại')."""
    return frozenset(r[0] for r in lexicon().rows("unit_tail_stops.txt") if r[0][0].isupper())


@cache
def _post_words() -> frozenset[str]:
    return frozenset(fold(r[0]) for r in lexicon().rows("unit_post_words.txt"))


@cache
def _links() -> frozenset[str]:
    return frozenset(fold(r[0]) for r in lexicon().rows("unit_tail_links.txt"))


@cache
def _national() -> re.Pattern[str]:
    words = sorted((r[0] for r in lexicon().rows("unit_suffixes.txt")), key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


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
    named: bool = False  # a proper name follows the head ('Ủy ban Quốc phòng và An ninh')


def find_units(ctx: Ctx) -> list[Unit]:
    """Unit mentions grouped by canonical name.

    >>> from vnkg.extraction.context import make_ctx
    >>> [(u.name, u.kind) for u in find_units(make_ctx("d", "Bộ CHQS tỉnh Lai Châu", None))]
    [('Bộ Chỉ huy quân sự tỉnh Lai Châu', 'military_command')]
    """
    groups: dict[str, Unit] = {}
    found = []
    for m in ctx.matches(heads().regex):
        written = ctx.text[m.start():m.end()]
        named_only = lexicon().units.get(written) is None
        if named_only and written.isupper() and len(written) > 3:
            continue  # 'QUỐC PHÒNG' in a capitals headline
        if written[0].isupper() or (_abbreviated(written) and not named_only):
            found.append(_extend(ctx, m))
        elif _sub_unit_head(ctx, m) and (sub := _extend(ctx, m)) is not None and (
                sub.locality or sub.level):
            found.append(sub)  # 'tiểu đoàn bộ binh huyện': a sub-unit named by its place
    for head, (s, e) in listed_posts(ctx, heads()):  # 'ba đồn biên phòng A, B và C'
        value = heads().get(head) or ("", None)
        found.append(Unit(canonical(f"{value[0]} {ctx.text[s:e]}"), ctx.text[s:e],
                          value[1] or None, None, None, [(s, e)]))
    for unit in found:
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
    m = heads().regex.match(ctx.folded, pos)
    return _extend(ctx, m) if m else None


def _sub_unit_head(ctx: Ctx, m: re.Match[str]) -> bool:
    """Is the head a sub-unit's ('tiểu đoàn'), the only kind a lower-case head may start?"""
    head = heads().get(ctx.folded[m.start():m.end()])
    return head is not None and (head[1] or None) in _SUB_UNITS


def _abbreviated(s: str) -> bool:
    return any(c.isupper() for c in s[1:])


def _extend(ctx: Ctx, m: re.Match[str]) -> Unit | None:
    head = heads().get(ctx.folded[m.start():m.end()])
    if head is None:
        return None
    canon_head, kind, desc = head[0], head[1] or None, head[2]
    end = m.end()
    word = _DESC_WORD.match(ctx.folded, end)
    if word and word.group(1) in _post_words():
        return None  # 'Tiểu đoàn trưởng': a post
    num = _NUMBER.match(ctx.text, end)
    if num and kind == "military_unit":
        end = num.end()
    end = _skip_abbreviation(ctx, end)
    loc, level, end = _locality_after(ctx, end)
    if loc is None and level is None and desc != "0":
        tail_end = _skip_abbreviation(ctx, _descriptive_tail(ctx, end, desc in "nN", desc in "2N"))
        loc2, level2, end2 = _locality_after(ctx, tail_end)
        if (loc2 or level2) and tail_end > end:
            loc, level, end = loc2, level2, end2
        elif tail_end > end and (inner := _inner_unit(ctx, tail_end)) is not None:
            loc, level, end = inner.locality, inner.level, inner.spans[0][1]
        else:
            end = tail_end
    if loc is None and level is None and (inner := _inner_unit(ctx, end)) is not None:
        loc, level, end = inner.locality, inner.level, inner.spans[0][1]
    elif loc is None and level is None and (top := _national().match(ctx.text, end)):
        end = top.end()
    if end == m.end() and desc in ("2", "N"):
        return None  # 'Phòng', 'Trung tâm' alone name nothing
    if loc is None and level is None and (joint := _joint(ctx, end)) is not None:
        loc, level, end = joint.locality, joint.level, joint.spans[0][1]  # 'Đảng ủy - Bộ CHQS'
    surface = ctx.text[m.start():end].strip()
    rest = _ABBR_IN_BRACKETS.sub("", surface[len(ctx.text[m.start():m.end()]):])
    name = canonical(canon_head + rest)
    national = len(head) > 3 and head[3] == "national"
    named = any(w[:1].isupper() for w in rest.split())
    return Unit(name, surface, kind, loc, level, [(m.start(), m.start() + len(surface))],
                national, named)


def _skip_abbreviation(ctx: Ctx, pos: int) -> int:
    """Step over a bracketed abbreviation that repeats the name: 'Bộ Chỉ huy Quân sự (CHQS)'."""
    m = _ABBR_IN_BRACKETS.match(ctx.text, pos)
    return m.end() if m else pos


def _inner_unit(ctx: Ctx, pos: int) -> Unit | None:
    """A unit named right after another, which it belongs to: 'Ban Dân vận Thành ủy'."""
    sp = pos + 1 if ctx.text[pos:pos + 1] == " " else pos
    if not ctx.text[sp:sp + 1].isupper():
        return None
    m = heads().regex.match(ctx.folded, sp)
    return _extend(ctx, m) if m else None


def _joint(ctx: Ctx, pos: int) -> Unit | None:
    """A joint body written 'Đảng ủy - Bộ CHQS tỉnh': the second unit places both."""
    j = _JOINT.match(ctx.text, pos)
    if j is None or not ctx.text[j.end()].isupper():
        return None
    m = lexicon().units.regex.match(ctx.folded, j.end())
    return _extend(ctx, m) if m else None


def _descriptive_tail(ctx: Ctx, pos: int, proper: bool = False, commas: bool = False) -> int:
    """End of the words naming a unit's subject before its place ('diễn tập KVPT', 'Quốc
    phòng và An ninh', '123'); a proper name must start capitalised. Stop words end it only
    when written in lower case; 'và' (a comma, in a capitalised name) goes on before a
    capitalised word, a link word ('về') before a word that is no cue."""
    num = _NUMBER.match(ctx.text, pos)
    end = num.end() if num and not proper else pos
    capitalised = proper and commas
    ends = [end]
    for n in range(12):
        nxt = _tail_word(ctx, end, first=n == 0 and end == pos, proper=proper)
        if n == 0 and nxt is not None:
            capitalised = commas and ctx.text[end + 1:end + 2].isupper()
        if nxt is None and n and (j := _JOIN.match(ctx.text, end)) and (
                "và" in j.group(0) or capitalised):
            nxt = _tail_word(ctx, j.end() - 1, first=False, proper=True, capital=True)
        if nxt is None and n and (link := _DESC_WORD.match(ctx.folded, end)) and \
                link.group(1) in _links():
            after = _tail_word(ctx, link.end(), first=False, proper=False)
            cue = lexicon().cues.regex.match(ctx.folded, link.end() + 1)
            nxt = after if after is not None and cue is None else None
        if nxt is None:
            break
        ends.append(nxt)
        end = nxt
    if len(ends) > 1 and _capital_stop_at(ctx, end) and ctx.text[ends[-2] + 1].islower():
        end = ends[-2]  # 'Đồn Biên phòng Tr’hy nhân Ngày …': 'nhân' opens the date
    num = _NUMBER.match(ctx.text, end)
    counted = num and re.match(r" [^\W\d_]", ctx.text[num.end():num.end() + 2]) and \
        ctx.text[num.end() + 1].islower()  # 'tổng kết 10 năm': a count, not a number
    return num.end() if num and end > pos and not counted else end


def _tail_word(ctx: Ctx, pos: int, first: bool, proper: bool,
               capital: bool = False) -> int | None:
    """End of the next word of a unit's tail at `pos`, or None where the tail stops."""
    w = _DESC_WORD.match(ctx.folded, pos)
    if not w:
        return None
    s = w.start(1)
    upper = ctx.text[s].isupper()
    if ((first and proper) or capital) and not upper:
        return None
    stop = w.group(1) in lexicon().unit_tail_stops or bool(_phrase_stops().match(ctx.folded, s))
    if (stop and (not upper or ctx.text[s:w.end()] in _capital_stops())) or \
            ctx.in_person(s, w.end()):
        return None
    if lexicon().locality_types.regex.match(ctx.folded, s):
        return None
    # a capitalised unit head, post or cue starts something else ('Phòng' only after 'và' or
    # a comma: inside a name it is a word, 'Khu vực Phòng thủ')
    starts = ((heads() if capital else lexicon().units), lexicon().roles, lexicon().cues)
    if upper and any(tab.regex.match(ctx.folded, s) for tab in starts):
        return None
    return w.end()


def _locality_after(ctx: Ctx, pos: int) -> tuple[tuple[str, str | None] | None, str | None, int]:
    """(place, bare level word, end) of what follows a unit head."""
    sp = pos + 1 if ctx.text[pos:pos + 1] == " " else pos
    t = lexicon().locality_types.regex.match(ctx.folded, sp)
    if t and _COMMITTEE_AFTER.match(ctx.folded, t.end()):
        t = None  # 'Văn phòng Tỉnh ủy': a committee, not the level word 'tỉnh'
    if t:
        type_ = lexicon().locality_types.get(ctx.folded[t.start():t.end()])
        name = _cap_words(ctx, t.end(), type_[0] if type_ else None)
        if name:
            return (ctx.text[name[0]:name[1]], type_[0] if type_ else None), None, name[1]
        return None, type_[0] if type_ else None, t.end()
    alias = lexicon().locality_aliases.regex.match(ctx.folded, sp)
    if alias:  # 'TPHCM'
        bare, kind = lexicon().locality_aliases.values[" ".join(ctx.folded[sp:alias.end()].split())]
        return (bare, kind), None, alias.end()
    p = lexicon().province_regex.match(ctx.folded, sp)
    if p and ctx.text[sp].isupper():
        prov = lexicon().provinces.get(ctx.folded[p.start():p.end()])
        return (ctx.text[p.start():p.end()], prov), None, p.end()
    return None, None, pos


def _cap_words(ctx: Ctx, pos: int, type_: str | None) -> tuple[int, int] | None:
    """The place name after a type word, by the localities' own rule (`places.name_span`):
    capitalised words or a number, stopping before a person, a cue verb ('huyện Phát biểu'),
    a unit or a document; a one-word name must be a known place."""
    m = _GAP.match(ctx.text[pos:pos + 4])
    start = pos + (m.end() if m else 0)
    span = name_span(ctx, start, numbered=True)
    if span is None:
        return None
    return span if plausible_name(ctx.text[span[0]:span[1]], type_) else None
