"""Tenure events of a sentence: who was appointed, elected, transferred, left or retired,
to (or from) which posts, and the date tied to the event.

'Ông A, Phó Chủ tịch UBND huyện X được bổ nhiệm giữ chức Chủ tịch UBND huyện X kể từ tháng
3/2023': the subject is the person whose name (and posts) stands right before the cue, with
only link words ('đã', 'vừa') between; 'bổ nhiệm Đại tá B giữ chức Y' names the person after
the verb. The posts are those named after the cue ('giữ chức ...'), else the subject's own.
The cue words are lexicons/tenure_cues.tsv (uses start, object, end) and the election phrases
and verbs (lexicons/election_phrases.txt, election_verbs.txt).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vnkg.extraction.context import Ctx
from vnkg.extraction.lexicon import bounded, lexicon
from vnkg.extraction.mentions import Mention
from vnkg.extraction.posts import Post, parse_posts, role_at
from vnkg.extraction.tenure_dates import DatePhrase, date_at, first_date
from vnkg.extraction.text import fold

CUES = "tenure_cues.tsv"


@dataclass(frozen=True)
class Event:
    """One tenure event: its cue, the bound it sets, the person and the posts it concerns."""

    cue: str  # appointed, elected, transferred, left, retired
    side: str  # 'start' or 'end'
    start: int  # the cue phrase, in the NFC text
    end: int
    mention: Mention
    posts: list[Post]  # named after the cue
    own: list[Post]  # the subject's posts written before the cue (none in the object form)
    date: DatePhrase | None


@cache
def cue_table() -> dict[str, tuple[str, str]]:
    """Folded cue phrase -> (cue, use), election phrases (start) and verbs (object) included."""
    table = {fold(r[0]): (r[2] if len(r) > 2 else "", r[1]) for r in lexicon().rows(CUES)}
    for word in lexicon().words("election_phrases.txt"):
        table.setdefault(fold(word), ("elected", "start"))
    for word in lexicon().words("election_verbs.txt"):
        table.setdefault(fold(word), ("elected", "object"))
    return table


@cache
def _events() -> re.Pattern[str]:
    phrases = [k for k, (_, use) in cue_table().items() if use in ("start", "object", "end")]
    return bounded(phrases)


@cache
def words(use: str) -> re.Pattern[str]:
    """The tenure_cues.tsv words of one use, as a whole-word alternation group."""
    return re.compile(rf"(?:{lexicon().pattern(CUES, use)})(?!\w)")


@cache
def _links() -> re.Pattern[str]:
    """Only link words ('đã', 'vừa', 'chính thức') and separators."""
    return re.compile(rf"[\s,–—-]*(?:{words('link').pattern}[\s,]*)*")


@cache
def _post_link() -> re.Pattern[str]:
    return re.compile(rf"[\s,]*(?:{words('post_link').pattern}\s*)?")


@cache
def _give_to() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{words('give_to').pattern}\s*)?")


def phrase_key(folded: str) -> str:
    """A matched cue phrase as its table key: spaces (and a comma's) made single."""
    return " ".join(folded.replace(",", " , ").split()).replace(" , ", ", ")


def cue_of(folded: str) -> str:
    """The cue a matched phrase names ('' when it names none)."""
    return cue_table().get(phrase_key(folded), ("", ""))[0]


def find_events(ctx: Ctx, mentions: list[Mention]) -> list[Event]:
    """Every tenure event of the text whose person is named, in text order.

    >>> from vnkg.extraction.context import make_ctx
    >>> from vnkg.extraction.persons import find_mentions
    >>> ctx = make_ctx("x", "Ông Lê Văn Tư nghỉ hưu từ năm 2021.", None)
    >>> [(e.cue, e.date.date) for e in find_events(ctx, find_mentions(ctx))]
    [('retired', '2021')]
    """
    out = []
    for m in ctx.matches(_events()):
        event = _event(ctx, mentions, m)
        if event is not None:
            out.append(event)
    return out


def _event(ctx: Ctx, mentions: list[Mention], m: re.Match[str]) -> Event | None:
    """The event of one cue: its person (named after the verb, or after 'cho' / 'đối với',
    else before it), the posts named after it and the date tied to it."""
    cue, use = cue_table().get(phrase_key(m.group(0)), ("", ""))
    if not cue:
        return None
    sent = ctx.sentence_of(m.start())
    early = date_at(ctx.text, ctx.folded, m.end(), sent[1])  # 'nghỉ hưu từ ngày ... đối với A'
    who = object_at(ctx, mentions, early.end if early else m.end(), sent[1],
                    given=use != "object")
    named_after = who is not None
    who = who or (None if use == "object" else subject_of(ctx, mentions, m.start(), sent[0]))
    if who is None:
        return None
    pos = run_end(who) if named_after else m.end()
    before = early or date_at(ctx.text, ctx.folded, pos, sent[1])
    posts, after_posts = _posts_after(ctx, before.end if before and not named_after else pos,
                                      sent[1])
    if named_after and not posts:  # 'bầu đồng chí A giữ chức X': X is among A's posts
        posts = linked_posts(ctx, who)
        before = before or (tail_date(ctx, posts[-1]) if posts else None)
    date = before or (date_at(ctx.text, ctx.folded, after_posts, sent[1]) if posts else None) \
        or opening_date(ctx, sent[0], min(who.lead_start, m.start()))
    if named_after:  # the posts written with the name: left when the event ends them
        own = list(who.posts) if use == "end" else []
    else:
        own = [p for p in who.posts if p.end <= m.start()]
    return Event(cue, "end" if use == "end" else "start", m.start(), m.end(), who, posts, own,
                 date)


def subject_of(ctx: Ctx, mentions: list[Mention], cue_start: int,
               sent_start: int) -> Mention | None:
    """The person whose name (and posts) ends right before the cue, in its sentence."""
    before = [m for m in mentions if sent_start <= m.start and m.end <= cue_start]
    if not before:
        return None
    last = before[-1]
    if cue_start <= last.run_end:  # the cue sits in the name's run ('A được bầu làm X')
        return last
    gap = ctx.folded[run_end(last):cue_start]
    return last if _links().fullmatch(gap) else None


def run_end(m: Mention) -> int:
    """The end of a name and of the posts written after it."""
    return max([m.run_end, m.end] + [p.end for p in m.posts if p.start >= m.end])


def object_at(ctx: Ctx, mentions: list[Mention], pos: int, sent_end: int,
              given: bool = False) -> Mention | None:
    """The person named right after a verb ('bổ nhiệm Đại tá A', 'cho đồng chí A'); with
    `given`, only one after 'cho' / 'đối với' ('nghỉ hưu đối với Đại tá A')."""
    gap = _give_to().match(ctx.folded, pos)
    at = gap.end() if gap else pos
    if given and not ctx.folded[pos:at].strip():
        return None
    return next((m for m in mentions if m.lead_start == at and m.start < sent_end), None)


def linked_posts(ctx: Ctx, m: Mention) -> list[Post]:
    """The posts written after a name behind a link word ('A giữ chức X'), not an
    apposition ('A, Phó Chính ủy ...')."""
    after = [p for p in m.posts if p.start >= m.end]
    if not after:
        return []
    link = _post_link().match(ctx.folded, m.end, after[0].start)
    return after if link and link.end() == after[0].start and ctx.folded[
        m.end:after[0].start].strip(" ,") else []


def tail_date(ctx: Ctx, post: Post) -> DatePhrase | None:
    """A date phrase the post was read with at its end ('Bí thư Đảng ủy xã X năm 2020')."""
    at = first_date(ctx.folded, post.start, post.end)
    d = date_at(ctx.text, ctx.folded, at, post.end) if at < post.end else None
    return d if d is not None and d.end == post.end else None


def _posts_after(ctx: Ctx, pos: int, limit: int) -> tuple[list[Post], int]:
    """The posts named at `pos` after a link ('giữ chức Chủ tịch ...'), and where they end."""
    link = _post_link().match(ctx.folded, pos, limit)
    at = link.end() if link else pos
    if at >= limit or not role_at().match(ctx.folded, at):
        return [], pos
    posts, end = parse_posts(ctx.text, ctx.folded, at, first_date(ctx.folded, at, limit))
    return posts, end


def opening_date(ctx: Ctx, sent_start: int, limit: int) -> DatePhrase | None:
    """A dated phrase opening the sentence ('Năm 2021, ông A ...'); never one without a year,
    which a meeting's day ('Ngày 9/10, ...') often is."""
    d = date_at(ctx.text, ctx.folded, sent_start, limit)
    if d is None or d.date is None or not ctx.folded[d.end:limit].lstrip().startswith(","):
        return None
    return d
