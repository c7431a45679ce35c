"""Which posts belong to which person when a sentence names several of them.

Posts stand after a name ('A, Chính ủy ...'), before it ('Bí thư Tỉnh ủy A') or both ('Giám đốc
Sở X A, Phó Trưởng ban ...'). In a list written post-first ('Phó Bí thư Tỉnh ủy A, Trưởng Ban
Tuyên giáo B và Giám đốc Công an C') the posts after A are B's, not A's: so the posts glued
before each name are settled first, and the posts after a name stop where the next person's
begin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from vnkg.extraction.context import Ctx
from vnkg.extraction.elections import assign_elections, elected_post_start
from vnkg.extraction.lexicon import bounded, lexicon
from vnkg.extraction.posts import Post, parse_posts, photo_note, role_at, stop_regex


@dataclass
class Mention:
    """One mention of a person: the name span, what stands before it and its posts."""

    start: int
    end: int
    name: str
    rank: str | None = None
    honorific: str | None = None
    posts: list[Post] = field(default_factory=list)
    run_end: int = 0  # end of the name and its posts: where a trailing cue may start
    lead_start: int = 0  # start of honorific/rank/posts written before the name
    post_pos: int | None = None  # where the posts written after the name start


_CLAUSE_MARKS = ",;:("


def photo_note_end(text: str, end: int) -> int:
    """Past a lower-case photo note right after a name ('X (đứng) - Chính ủy ...'), else `end`."""
    note = photo_note().match(text, end)
    if note and not any(c.isupper() for c in note.group(0)):
        return note.end()
    return end


def post_before(ctx: Ctx, start: int, floor: int = 0, extend: bool = True) -> int | None:
    """Start of the posts written right before a name ('Bí thư Tỉnh ủy X'), if any.

    Nothing before `floor` (the previous person's name) counts; `extend` also takes earlier
    comma-separated posts of the same run ('Ủy viên TW Đảng, Bí thư Tỉnh ủy X').
    """
    sent_start = max(ctx.sentence_of(start)[0], floor)
    clause_start = max(ctx.folded.rfind(c, sent_start, start) for c in _CLAUSE_MARKS) + 1
    clause_start = max(clause_start, sent_start)
    last, first = None, 0
    for m in role_at().finditer(ctx.folded, clause_start, start):
        if last is None or ctx.folded[last.end():m.start()].strip():
            first = m.start()  # 'Phó Bí thư Thường trực': role words in a row are one post
        last = m
    if last is None or stop_regex().search(ctx.folded, last.end(), start):
        return None
    while extend and first > sent_start:
        sep = _POST_SEP_BEFORE.search(ctx.folded, sent_start, first)
        if sep is None:
            return first
        if sep.group(1) != ",":  # 'Chỉ huy trưởng kiêm Chính ủy X', 'Bí thư - Chủ tịch X'
            joined = _earlier_post(ctx, max(clause_start, sent_start), sep.start())
            return joined if joined is not None else first
        comma = sep.start()
        prev = max(max(ctx.folded.rfind(c, sent_start, comma) for c in _CLAUSE_MARKS) + 1,
                   sent_start)
        stops = list(stop_regex().finditer(ctx.folded, prev, comma))
        sub = stops[-1].end() if stops else prev
        sub += len(ctx.folded[sub:first]) - len(ctx.folded[sub:first].lstrip())
        earlier = role_at().match(ctx.folded, sub)
        if not earlier or sub >= comma:
            return first
        first = earlier.start()
        if stops or prev == sent_start:
            return first
    return first


_POST_SEP_BEFORE = re.compile(r"\s*(,|\s[-–—]|\skiêm)\s*$")


def _earlier_post(ctx: Ctx, low: int, end: int) -> int | None:
    """Start of a post that runs from `low`..`end` with no stop, if one starts there."""
    for m in role_at().finditer(ctx.folded, low, end):
        if not stop_regex().search(ctx.folded, m.end(), end):
            return m.start()
    return None


def settle_posts(ctx: Ctx, mentions: list[Mention], anchored: set[int]) -> None:
    """Give every mention (sorted by start) its posts before and after the name.

    `anchored` holds the starts of mentions with an honorific or rank before the name: their
    lead is that anchor, not a post.
    """
    pre_end: dict[int, int] = {}
    for i, m in enumerate(mentions):
        prev = mentions[i - 1] if i and _same_sentence(ctx, mentions[i - 1], m) else None
        floor, extend = _floor(ctx, prev, m, anchored)
        if m.start in anchored:
            comma = _comma_before(ctx, m.lead_start)  # or a dash
            if comma is not None and (prev is None or floor > prev.end):
                pre = post_before(ctx, comma, floor, extend)  # 'Thứ trưởng ..., Thượng tướng X'
                if pre is not None:
                    m.lead_start, pre_end[m.start] = pre, comma
            continue
        pre = post_before(ctx, m.start, floor, extend)
        m.lead_start = pre if pre is not None else m.start
        pre_end[m.start] = m.start
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        pre_posts: list[Post] = []
        if m.lead_start < pre_end.get(m.start, m.lead_start):
            pre_posts, _ = parse_posts(ctx.text, ctx.folded, m.lead_start, pre_end[m.start])
        limit = ctx.sentence_of(m.start)[1]
        if nxt is not None and m.end < nxt.lead_start < limit:
            limit = nxt.lead_start
        after: list[Post] = []
        m.run_end = photo_note_end(ctx.text, m.end)
        if m.post_pos is None:
            m.post_pos = elected_post_start(ctx, m.start, m.end)
        if m.post_pos is not None and m.post_pos < limit:
            after, run_end = parse_posts(ctx.text, ctx.folded, m.post_pos, limit)
            m.run_end = max(run_end, m.end)
        m.posts = pre_posts + after
    assign_elections(ctx, mentions)
    share_plural_headers(ctx, mentions)


def _comma_before(ctx: Ctx, pos: int) -> int | None:
    """End of the posts that may stand before an anchor at `pos`: a comma, a spaced dash or
    just a space after a word."""
    k = pos
    while k > 0 and ctx.folded[k - 1] in " \t":
        k -= 1
    if k > 0 and ctx.folded[k - 1] == ",":
        return k - 1
    dashed = k > 1 and ctx.folded[k - 1] in "-–—" and ctx.folded[k - 2] in " \t"
    if dashed:
        return k - 1
    last = re.search(r"\w+$", ctx.text[max(0, k - 20):k]) if k < pos else None
    if last and (last.group(0)[0].isupper() or last.group(0)[0].isdigit()
                 or _ends_with_level(ctx, k)):
        return k  # 'Phó Chủ tịch UBND xã ông X', 'Chính ủy Bộ CHQS tỉnh Đại tá X'
    return None


def _ends_with_level(ctx: Ctx, k: int) -> bool:
    """Does a level word ('xã', 'thành phố') end right at `k`?"""
    return any(m.end() == k for m in
               lexicon().locality_types.regex.finditer(ctx.folded, max(0, k - 20), k))


def _same_sentence(ctx: Ctx, a: Mention, b: Mention) -> bool:
    return ctx.sentence_of(a.start) == ctx.sentence_of(b.start)


_SEMI = re.compile(r";")


def _floor(ctx: Ctx, prev: Mention | None, m: Mention, anchored: set[int]) -> tuple[int, bool]:
    """Where this name's own posts may begin, and whether earlier comma posts count.

    After a post-first neighbour ('Phó Bí thư A, Trưởng Ban B') the whole span after A is B's;
    after a name-first one ('Đại tá A, Chính ủy ..., Trưởng Ban B') only the last post is,
    unless a semicolon closes A's entry.
    """
    if prev is None:
        return 0, True
    semis = list(_SEMI.finditer(ctx.folded, prev.end, m.start))
    if semis:
        return semis[-1].end(), True
    post_first = prev.start not in anchored and prev.lead_start < prev.start
    return prev.end, post_first


@cache
def _plural_head() -> re.Pattern[str]:
    return bounded(lexicon().phrases("plural_heads.txt"), not_after=r"\w",
                   end=r"\s+(?:đồng\s+chí\s+)?(?=\w)")


_HEADER_TAIL = re.compile(r"(?:\s*(?::|\blà\b|\bgồm\b|\bcó\b))*\s*$")
_NAME_JOIN = re.compile(r"\s*(?:,|;|\bvà\b)\s*")


def share_plural_headers(ctx: Ctx, mentions: list[Mention]) -> None:
    """'các Phó Chủ tịch UBND huyện A và B', 'hai Phó Chủ tịch ... là ông A và ông B': the
    header post is each listed name's."""
    for h in _plural_head().finditer(ctx.folded):
        pos = h.end()
        if not role_at().match(ctx.folded, pos):
            continue
        sent_end = ctx.sentence_of(pos)[1]
        chain = _name_chain(ctx, [m for m in mentions
                                  if pos <= m.lead_start and m.start < sent_end])
        if len(chain) < 2:
            continue
        head_end = pos + len(_HEADER_TAIL.sub("", ctx.folded[pos:chain[0].lead_start]))
        if head_end <= pos:
            head_end = chain[0].start if chain[0].lead_start == pos else pos
        header, run_end = parse_posts(ctx.text, ctx.folded, pos, head_end)
        if len(header) != 1 or ctx.text[run_end:head_end].strip():
            continue
        for m in chain:
            m.posts = header + [p for p in m.posts if p.start >= m.start]


def _name_chain(ctx: Ctx, after: list[Mention]) -> list[Mention]:
    """The first mentions of `after` joined only by ',', ';' or 'và' (no posts in between)."""
    chain: list[Mention] = []
    for m in after:
        if chain:
            prev = chain[-1]
            if prev.run_end > prev.end or any(p.start >= prev.end for p in prev.posts):
                break
            if not _NAME_JOIN.fullmatch(ctx.folded[prev.end:m.lead_start]) or m.posts:
                break  # a name with posts of its own is another entry
        chain.append(m)
    return chain
