"""Who chaired, attended or spoke: cue words placed before the names of a sentence (a lead:
'Dự hội nghị có A; B') or right after one person's posts (a trail: 'A - ... chủ trì').

A lead attendance cue covers every person of the sentence except one whose own trailing cue
says otherwise ('Dự ... có A, ...; B, ... chủ trì hội nghị': A attended, B chaired). Without a
lead, a trailing chair/attend cue also covers the persons listed before it ('Các đồng chí: A,
...; B, ... chủ trì').

Visit cues (kind 'visit' in cues.tsv) do not make the named leader of the delegation an
attendee ('do X ... làm trưởng đoàn đến thăm': X is 'other'); ceremonial acts (kind
'ceremony': trao hoa, đánh trống) count as attendance only for a person who did not chair.
Statements without a cue after the name are found in `extract.statements`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from vnkg.extraction import statements
from vnkg.extraction.context import Ctx
from vnkg.extraction.lexicon import bounded, lexicon, phrase_pattern
from vnkg.extraction.persons import Mention
from vnkg.extraction.posts import stop_regex
from vnkg.extraction.text import fold

_ASIDE_MAX = 90  # characters of a 'thay mặt <org>' aside between the posts and the cue


class Cue(NamedTuple):
    """A cue phrase found in a sentence."""

    start: int
    end: int
    type: str
    qualifier: str | None
    where: str  # lead, trail or both
    kind: str  # '', 'visit' or 'ceremony'


@dataclass(frozen=True)
class Role:
    """A relation of one mention to the meeting of its sentence."""

    mention: Mention
    type: str
    qualifier: str | None
    start: int
    end: int
    confidence: float
    kind: str = ""


def _cue_rows() -> dict[str, tuple[str, ...]]:
    return lexicon().cues.values


@cache
def _gap() -> re.Pattern[str]:
    """Linking words between a person's posts and a trailing cue (cue_gaps.tsv, 'word')."""
    words = [r[0] for r in lexicon().rows("cue_gaps.tsv") if r[1] == "word"]
    return re.compile(rf"[\s,)]*(?:(?:{phrase_pattern(words)})\s+)*")


@cache
def _aside() -> re.Pattern[str]:
    """'thay mặt <org>' (cue_gaps.tsv, 'aside'): the cue follows the organisation."""
    return bounded(lexicon().phrases("cue_gaps.tsv", "aside"))


@cache
def _head_after() -> re.Pattern[str]:
    """'làm trưởng đoàn', 'dẫn đầu' after the posts: the person leads the delegation."""
    return bounded(lexicon().phrases("delegation_heads.txt", "trail"))


@cache
def _head_before() -> re.Pattern[str]:
    """'đoàn (công tác ...) do' right before the person: the person leads the delegation."""
    lead = lexicon().pattern("delegation_heads.txt", "lead")
    return re.compile(rf"(?<!\w)đoàn(?!\w)[^,;.:]{{0,80}}(?<!\w)(?:{lead})\s*$")


def _cues_in(ctx: Ctx, start: int, end: int) -> list[Cue]:
    out = []
    rows = _cue_rows()
    for m in lexicon().cues.regex.finditer(ctx.folded, start, end):
        if not lexicon().is_cue(ctx.folded, m.start()):
            continue
        row = rows.get(" ".join(ctx.folded[m.start():m.end()].split()))
        if row:
            kind = row[3] if len(row) > 3 else ""
            out.append(Cue(m.start(), m.end(), row[0], row[1] or None, row[2], kind))
    return out


def find_roles(ctx: Ctx, mentions: list[Mention]) -> list[Role]:
    """Roles of every mention, sentence by sentence.

    >>> from vnkg.extraction.context import make_ctx
    >>> from vnkg.extraction.persons import find_mentions
    >>> ctx = make_ctx("d", "Đại tá Lò Văn Tám - Chính ủy Bộ CHQS tỉnh chủ trì hội nghị.", None)
    >>> [(r.type, r.mention.name) for r in find_roles(ctx, find_mentions(ctx))]
    [('CHAIRED', 'Lò Văn Tám')]
    """
    out: list[Role] = []
    by_sentence: dict[tuple[int, int], list[Mention]] = {}
    for m in mentions + statements.post_mentions(ctx, mentions):
        by_sentence.setdefault(ctx.sentence_of(m.start), []).append(m)
    for sent, group in by_sentence.items():
        out.extend(_sentence_roles(ctx, sent, group))
    return _ceremonies(out)


def _ceremonies(roles: list[Role]) -> list[Role]:
    """A ceremonial act ('trao hoa') is attendance only for a person who did not chair."""
    chairs = {fold(r.mention.name) for r in roles if r.type == "CHAIRED"}
    return [r for r in roles if r.kind != "ceremony" or fold(r.mention.name) not in chairs]


def _sentence_roles(ctx: Ctx, sent: tuple[int, int], group: list[Mention]) -> list[Role]:
    group = sorted(group, key=lambda m: m.start)
    cues = _cues_in(ctx, sent[0], sent[1])
    first = group[0].lead_start
    lead = [c for c in cues if c.end <= first and c.where in ("lead", "both")]
    own = {id(m): _trailing(ctx, m, cues) for m in group}
    roles: list[Role] = []
    lead_attend = [c for c in lead if c.type == "ATTENDED"]
    lead_other = [c for c in lead if c.type != "ATTENDED"]
    for i, m in enumerate(group):
        mine = own[id(m)]
        for c in mine:
            roles.append(_role(m, c, 0.9))
        if lead_attend and not any(c.type in ("CHAIRED", "ATTENDED") for c in mine):
            roles.append(_role(m, lead_attend[-1], 0.85))
        for c in lead_other:  # 'Chủ trì có A và B' covers all; 'Phát biểu ..., A' the first
            if i == 0 or (c.type == "CHAIRED" and not mine):
                roles.append(_role(m, c, 0.85))
    if not lead_attend:
        roles.extend(_shared_trailing(group, own))
        roles.extend(_closing_cue(group, own, cues))
    spoken = {id(r.mention) for r in roles if r.type == "SPOKE_AT"}
    found = statements.reported(ctx, sent, group)
    if not spoken and not found:
        found = statements.quoted(ctx, sent, group)
    roles.extend(Role(s.mention, "SPOKE_AT", s.qualifier, s.mention.lead_start, s.end, 0.6)
                 for s in found if id(s.mention) not in spoken)
    return _one_statement(_not_delegation_heads(ctx, roles))


def _not_delegation_heads(ctx: Ctx, roles: list[Role]) -> list[Role]:
    """Drop visit attendance of a delegation's named leader ('X ... làm trưởng đoàn đến thăm')."""
    return [r for r in roles if not (r.kind == "visit" and r.type == "ATTENDED"
                                     and _leads_delegation(ctx, r.mention))]


def _leads_delegation(ctx: Ctx, m: Mention) -> bool:
    gap = _gap().match(ctx.folded, m.run_end)
    if gap and _head_after().match(ctx.folded, gap.end()):
        return True
    sent_start = ctx.sentence_of(m.start)[0]
    return bool(_head_before().search(ctx.folded[sent_start:m.lead_start]))


def _role(m: Mention, c: Cue, confidence: float) -> Role:
    return Role(m, c.type, c.qualifier, min(m.lead_start, c.start), max(m.run_end, c.end),
                confidence, c.kind)


def _trailing(ctx: Ctx, m: Mention, cues: list[Cue]) -> list[Cue]:
    """Cues right after this mention's posts (words like 'đã', 'cùng' may stand between)."""
    gap = _gap().match(ctx.folded, m.run_end)
    low, pos = m.run_end, gap.end() if gap else m.run_end
    aside = _aside().match(ctx.folded, pos)
    if aside:
        pos = _after_aside(ctx, aside.end(), cues, pos)
    out = []
    for c in cues:
        if low <= c.start <= pos and c.where in ("trail", "both"):
            out.append(c)
            low = pos = _after_joined(ctx, c.end)
    return out


def _after_aside(ctx: Ctx, start: int, cues: list[Cue], default: int) -> int:
    """Where the cue after 'thay mặt Đảng ủy, Bộ CHQS tỉnh' starts (`default` when none).

    The aside names whom the person stands for: it ends at the first verb or list word that
    ends a post (words like 'lãnh đạo' excepted), which must be a trailing cue within a short
    reach, inside the same clause.
    """
    for stop in stop_regex().finditer(ctx.folded, start, start + _ASIDE_MAX):
        if re.search(r"[.;:\n]", ctx.folded[start:stop.start()]) or ctx.in_person(
                start, stop.start()):
            return default
        hit = [c for c in cues if c.start == stop.start() and c.where in ("trail", "both")]
        if hit:
            return hit[0].start
        if " ".join(stop.group(0).split()) not in lexicon().word_set("cue_gaps.tsv", "aside_word"):
            return default
    return default




def _after_joined(ctx: Ctx, end: int) -> int:
    """Position of a second cue joined by 'và' or ',' ('dự và chủ trì', 'dự, chỉ đạo')."""
    m = re.match(r"\s*(?:,|và)\s*", ctx.folded[end:end + 6])
    return end + m.end() if m else -1


def _shared_trailing(group: list[Mention], own: dict[int, list[Cue]]) -> list[Role]:
    """A trailing chair/attend cue covers the cue-less persons listed before it."""
    out = []
    pending: list[Mention] = []
    for m in group:
        cs = [c for c in own[id(m)] if c.type in ("CHAIRED", "ATTENDED")]
        if not own[id(m)]:
            pending.append(m)
            continue
        for p in pending:
            for c in cs:
                out.append(_role(p, c, 0.75))
        pending = []
    return out


def _closing_cue(group: list[Mention], own: dict[int, list[Cue]],
                 cues: list[Cue]) -> list[Role]:
    """'A, ...; B, ... cùng lãnh đạo các ban, ngành đã tham dự': a cue closing the list."""
    owned = {c for cs in own.values() for c in cs}
    last_end = max(m.run_end for m in group)
    closing = [c for c in cues if c.start >= last_end and c not in owned
               and c.type in ("CHAIRED", "ATTENDED") and c.where in ("trail", "both")]
    if not closing:
        return []
    return [_role(m, closing[0], 0.7) for m in group if not own[id(m)]]


def _one_statement(roles: list[Role]) -> list[Role]:
    """One SPOKE_AT per person and sentence: a 'phát biểu ...' qualifier beats a verb."""
    best: dict[int, Role] = {}
    out = []
    for r in roles:
        if r.type != "SPOKE_AT":
            out.append(r)
            continue
        prev = best.get(id(r.mention))
        if prev is None or _rank(r) > _rank(prev):
            best[id(r.mention)] = r
    return out + list(best.values())


def _rank(r: Role) -> int:
    q = r.qualifier or ""
    return 2 if q.startswith("phát biểu ") or q in ("tham luận", "kết luận") else (
        1 if q else 0)
