"""Who chaired, attended or spoke: cue words placed before the names of a sentence (a lead:
'Dự hội nghị có A; B') or right after one person's posts (a trail: 'A - ... chủ trì').

A lead attendance cue covers every person of the sentence except one whose own trailing cue
says otherwise ('Dự ... có A, ...; B, ... chủ trì hội nghị': A attended, B chaired). Without a
lead, a trailing chair/attend cue also covers the persons listed before it ('Các đồng chí: A,
...; B, ... chủ trì').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract import lexicon as lx
from extract.context import Ctx
from extract.persons import Mention

_GAP = re.compile(r"[\s,]*(?:(?:đã|cũng|đến|cùng|có|và|tới|về|thì)\s+)*")
_QUOTE = re.compile(r"[“\"][^”\"]{20,}[”\"]")
_SAYS = re.compile(r"(?:cho\s+biết|nói|khẳng\s+định|nhấn\s+mạnh|chia\s+sẻ|cho\s+rằng|phát\s+biểu|"
                   r"bày\s+tỏ|:)")


@dataclass(frozen=True)
class Role:
    """A relation of one mention to the meeting of its sentence."""

    mention: Mention
    type: str
    qualifier: str | None
    start: int
    end: int
    confidence: float


def _cue_rows() -> dict[str, tuple[str, ...]]:
    return lx.cues().values


def _cues_in(ctx: Ctx, start: int, end: int) -> list[tuple[int, int, str, str | None, str]]:
    out = []
    rows = _cue_rows()
    for m in lx.cues().regex.finditer(ctx.folded, start, end):
        if not lx.is_cue(ctx.folded, m.start()):
            continue
        row = rows.get(" ".join(ctx.folded[m.start():m.end()].split()))
        if row:
            out.append((m.start(), m.end(), row[0], row[1] or None, row[2]))
    return out


def find_roles(ctx: Ctx, mentions: list[Mention]) -> list[Role]:
    """Roles of every mention, sentence by sentence.

    >>> from extract.context import make_ctx
    >>> from extract.persons import find_mentions
    >>> ctx = make_ctx("d", "Đại tá Lò Văn Tám - Chính ủy Bộ CHQS tỉnh chủ trì hội nghị.", None)
    >>> [(r.type, r.mention.name) for r in find_roles(ctx, find_mentions(ctx))]
    [('CHAIRED', 'Lò Văn Tám')]
    """
    out: list[Role] = []
    by_sentence: dict[tuple[int, int], list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(ctx.sentence_of(m.start), []).append(m)
    for sent, group in by_sentence.items():
        out.extend(_sentence_roles(ctx, sent, group))
    return out


def _sentence_roles(ctx: Ctx, sent: tuple[int, int], group: list[Mention]) -> list[Role]:
    group = sorted(group, key=lambda m: m.start)
    cues = _cues_in(ctx, sent[0], sent[1])
    first = group[0].lead_start
    lead = [c for c in cues if c[1] <= first and c[4] in ("lead", "both")]
    own = {id(m): _trailing(ctx, m, cues) for m in group}
    roles: list[Role] = []
    lead_attend = [c for c in lead if c[2] == "ATTENDED"]
    lead_other = [c for c in lead if c[2] != "ATTENDED"]
    for i, m in enumerate(group):
        mine = own[id(m)]
        for c in mine:
            roles.append(_role(m, c, 0.9))
        if lead_attend and not any(c[2] in ("CHAIRED", "ATTENDED") for c in mine):
            roles.append(_role(m, lead_attend[-1], 0.85))
        for c in lead_other:  # 'Chủ trì có A và B' covers all; 'Phát biểu ..., A' the first
            if i == 0 or (c[2] == "CHAIRED" and not mine):
                roles.append(_role(m, c, 0.85))
    if not lead_attend:
        roles.extend(_shared_trailing(group, own))
        roles.extend(_closing_cue(group, own, cues))
    if not any(r.type == "SPOKE_AT" for r in roles):
        roles.extend(_quoted(ctx, sent, group))
    return _one_statement(roles)


def _role(m: Mention, c: tuple[int, int, str, str | None, str], confidence: float) -> Role:
    return Role(m, c[2], c[3], min(m.lead_start, c[0]), max(m.run_end, c[1]), confidence)


def _trailing(ctx: Ctx, m: Mention, cues: list) -> list[tuple[int, int, str, str | None, str]]:
    """Cues right after this mention's posts (words like 'đã', 'cùng' may stand between)."""
    gap = _GAP.match(ctx.folded, m.run_end)
    low, pos = m.run_end, gap.end() if gap else m.run_end
    out = []
    for c in cues:
        if low <= c[0] <= pos and c[4] in ("trail", "both"):
            out.append(c)
            low = pos = _after_joined(ctx, c[1])
    return out


def _after_joined(ctx: Ctx, end: int) -> int:
    """Position of a second cue joined by 'và' or ',' ('dự và chủ trì', 'dự, chỉ đạo')."""
    m = re.match(r"\s*(?:,|và)\s*", ctx.folded[end:end + 6])
    return end + m.end() if m else -1


def _shared_trailing(group: list[Mention], own: dict[int, list]) -> list[Role]:
    """A trailing chair/attend cue covers the cue-less persons listed before it."""
    out = []
    pending: list[Mention] = []
    for m in group:
        cs = [c for c in own[id(m)] if c[2] in ("CHAIRED", "ATTENDED")]
        if not own[id(m)]:
            pending.append(m)
            continue
        for p in pending:
            for c in cs:
                out.append(_role(p, c, 0.75))
        pending = []
    return out


def _closing_cue(group: list[Mention], own: dict[int, list], cues: list) -> list[Role]:
    """'A, ...; B, ... cùng lãnh đạo các ban, ngành đã tham dự': a cue closing the list."""
    owned = {c for cs in own.values() for c in cs}
    last_end = max(m.run_end for m in group)
    closing = [c for c in cues if c[0] >= last_end and c not in owned
               and c[2] in ("CHAIRED", "ATTENDED") and c[4] in ("trail", "both")]
    if not closing:
        return []
    return [_role(m, closing[0], 0.7) for m in group if not own[id(m)]]


def _quoted(ctx: Ctx, sent: tuple[int, int], group: list[Mention]) -> list[Role]:
    """A quotation introduced after a person's posts ('X, ... cho biết: “...”'): a statement."""
    q = _QUOTE.search(ctx.text, sent[0], sent[1])
    if q is None:
        return []
    speaker = None
    for m in group:
        if m.run_end <= q.start():
            speaker = m
    if speaker is None or not _SAYS.search(ctx.folded, speaker.run_end, q.start()):
        return []
    return [Role(speaker, "SPOKE_AT", "phát biểu", speaker.lead_start, q.end(), 0.6)]


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
