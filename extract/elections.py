"""Posts given by an election rather than written beside the name.

'Ông A được bầu làm Chủ tịch UBND huyện', 'Đại hội bầu đồng chí A giữ chức Bí thư; B, C giữ
chức Phó Bí thư', 'A và B lần lượt giữ chức Chủ tịch và Phó Chủ tịch HĐND huyện'. An
appointment ('bổ nhiệm A giữ chức X') names a post not yet held, so it gives none.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from vnkg.extraction.context import Ctx
from vnkg.extraction.lexicon import bounded, lexicon, phrase_pattern
from vnkg.extraction.posts import Post, parse_posts, role_at

if TYPE_CHECKING:
    from vnkg.extraction.mentions import Mention

_CONNECTORS = ("là", "làm", "giữ chức", "giữ chức vụ")
_LIST_JOIN = re.compile(r"\s*(?:,|;|\bvà\b)\s*")


@cache
def _elected() -> re.Pattern[str]:
    """'(đã) được bầu (giữ chức) ...' right after a name: the post it gives follows."""
    alt = phrase_pattern([r[0] for r in lexicon().rows("election_phrases.txt")
                             if r[0] not in _CONNECTORS])
    return re.compile(rf"\s*,?\s*(?:(?:đã|vừa)\s+)?(?:{alt})\s+(?=\w)")


@cache
def _connector() -> re.Pattern[str]:
    """'giữ chức / làm / là' right after a name that an election verb stands before."""
    return re.compile(rf"\s*(?:{phrase_pattern(list(_CONNECTORS))})\s+(?=\w)")


# 'Ông X (hiện) là Chủ tịch UBND xã': the post is stated after 'là'
_APPOSITION = re.compile(r"\s*,?\s*(?:hiện\s+|nay\s+|đang\s+)?là\s+(?=\w)")


@cache
def _election_verb() -> re.Pattern[str]:
    return bounded(lexicon().phrases("election_verbs.txt"))


@cache
def _respectively() -> re.Pattern[str]:
    """'lần lượt (được bầu giữ chức | là | giữ chức) ...' before the posts of a name list."""
    alt = lexicon().pattern("election_phrases.txt")
    return re.compile(rf"lần\s+lượt\s+(?:(?:đã|vừa)\s+)?(?:(?:{alt})\s+)?(?=\w)")


def elected_post_start(ctx: Ctx, start: int, end: int) -> int | None:
    """Where the post given by an election to the name at [start, end) begins, if any."""
    el = _elected().match(ctx.folded, end) or _APPOSITION.match(ctx.folded, end)
    if el is None and _election_verb().search(ctx.folded, ctx.sentence_of(start)[0], start):
        el = _connector().match(ctx.folded, end)
    return el.end() if el and role_at().match(ctx.folded, el.end()) else None


def assign_elections(ctx: Ctx, mentions: list[Mention]) -> None:
    """Share an elected post with the bare names listed before ('B, C giữ chức Phó Bí thư'),
    then give 'lần lượt' posts one by one."""
    for i, m in enumerate(mentions):
        if m.posts and elected_post_start(ctx, m.start, m.end) is not None:
            for other in _bare_chain(ctx, mentions[:i], m.lead_start):
                other.posts = list(m.posts)
    for r in _respectively().finditer(ctx.folded):
        _assign_respectively(ctx, mentions, r)


def _bare_chain(ctx: Ctx, before: list[Mention], pos: int) -> list[Mention]:
    """The names without posts that end right before `pos`, joined by ',' or 'và'."""
    group: list[Mention] = []
    sent_start = ctx.sentence_of(pos)[0]
    for m in reversed([m for m in before if m.start >= sent_start]):
        if m.posts or not _LIST_JOIN.fullmatch(ctx.folded[m.run_end:pos]):
            break
        group.insert(0, m)
        pos = m.lead_start
    return group


def _assign_respectively(ctx: Ctx, mentions: list[Mention], r: re.Match[str]) -> None:
    """'A và B lần lượt giữ chức Chủ tịch và Phó Chủ tịch HĐND huyện': the n-th post is the
    n-th name's; a bare head borrows the organisation of the last post."""
    sent = ctx.sentence_of(r.start())
    group: list[Mention] = []
    pos = r.start()
    for m in reversed([m for m in mentions if sent[0] <= m.start and m.end <= r.start()]):
        gap = ctx.folded[m.run_end:pos]
        if m.posts or (group and not _LIST_JOIN.fullmatch(gap)) or (
                not group and gap.strip(" ,")):
            break
        group.insert(0, m)
        pos = m.lead_start
    pieces = _post_list(ctx, r.end(), sent[1])
    if len(group) < 2 or len(pieces) != len(group):
        return
    tail = pieces[-1]
    for m, post in zip(group, pieces, strict=True):
        if post.unit_start is None and tail.unit_start is not None and post is not tail:
            extra = ctx.text[tail.role_end or tail.start:tail.end]
            post = replace(post, surface=post.surface + extra, unit_start=tail.unit_start)
        m.posts = [post]


def _post_list(ctx: Ctx, start: int, limit: int) -> list[Post]:
    """Posts joined by ',', ';' or 'và' from `start` (a role) to the first stop."""
    out: list[Post] = []
    pos = start
    while pos < limit and role_at().match(ctx.folded, pos):
        join = next((j for j in _LIST_JOIN.finditer(ctx.folded, pos, limit)
                     if role_at().match(ctx.folded, j.end())), None)
        end = join.start() if join else limit
        posts, _ = parse_posts(ctx.text, ctx.folded, pos, end)
        if not posts:
            break
        out.append(posts[0])
        if join is None or posts[0].end < join.start():
            break
        pos = join.end()
    return out
