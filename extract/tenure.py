"""The tenure of each post a person holds, as the text states it (TENURE_CONTRACT.md):
`positions[j].tenure = {status, start, end}`.

Cues written on the post itself: 'nguyên Chủ tịch' (former; it ended), 'quyền Chủ tịch'
(acting), 'tân Chủ tịch' (new; it started), 'Bí thư Huyện ủy nhiệm kỳ 2020 - 2025' (the
term's years). Events about the post (extract.tenure_events): appointed, elected,
transferred (the new post starts, the posts left end), left ('thôi giữ chức'), retired
('nghỉ hưu'), each with the date written with it ('từ ngày 15/3/2023') at its precision.
A cue is kept on a position of the person's record whose title is the post's (or a longer
form of it); a post the record does not list ('được bổ nhiệm giữ chức X' with X named
nowhere else) is not added, so the positions stay what the text says the person holds.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from vnkg.extraction.context import Ctx
from vnkg.extraction.lexicon import lexicon
from vnkg.extraction.mentions import Mention
from vnkg.extraction.posts import Post, shorter_form
from vnkg.extraction.record_builder import RecordBuilder
from vnkg.extraction.tenure_dates import DatePhrase, bound, judge
from vnkg.extraction.tenure_events import CUES, Event, cue_of, find_events, words
from vnkg.extraction.text import fold

Cue = tuple[str | None, str | None, dict[str, Any] | None]  # status, side, bound
_STATUS = {"new": "new", "acting": "acting", "former": "former"}  # cue -> status it gives
_SIDE = {"new": "start", "former": "end"}  # a post cue's bound
_WEIGHT = {None: 0, "current": 1, "new": 2, "acting": 3, "former": 4}  # which status wins


@cache
def _prefix() -> re.Pattern[str]:
    """'nguyên ' / 'quyền ' opening a post."""
    return re.compile(rf"{words('prefix').pattern}\s+")


@cache
def _before() -> re.Pattern[str]:
    """'tân ' right before a post."""
    return re.compile(rf"(?<![\w/])(?:{lexicon().pattern(CUES, 'before')})\s+$")


@cache
def _term() -> re.Pattern[str]:
    """', khóa XV, nhiệm kỳ 2020 - 2025' right after a post."""
    lead = words("term_lead").pattern
    return re.compile(rf"[\s,]*(?:{lead}\s+[ivxlcdm\d]+[\s,]*)?(?P<cue>{words('term').pattern})"
                      r"\s*(?P<y0>\d{1,6})\s*[-–—]\s*(?P<y1>\d{1,6})(?!\d)")


def add_tenures(ctx: Ctx, mentions: list[Mention], persons: dict[str, dict[str, Any]],
                builder: RecordBuilder) -> None:
    """Give the positions of `persons` the tenure cues their mentions' posts and the
    sentence's events state (`tenure` only on a position with a cue).

    >>> from vnkg.extraction.pipeline import run
    >>> from vnkg.extraction.document import Document
    >>> s = run(Document(id="x", text="Dự có ông Lê Văn Tư, nguyên Chủ tịch UBND huyện A Lưới."))
    >>> s.record["persons"][0]["positions"][0]["tenure"]["status"]
    'former'
    """
    for m in mentions:
        person = persons.get(fold(m.name))
        if person is None:
            continue
        for post in m.posts:
            for cue in post_cues(ctx, post):
                note(person, post, builder, cue)
    for event in find_events(ctx, mentions):
        person = persons.get(fold(event.mention.name))
        if person is not None:
            _apply(ctx, event, person, builder)


def post_cues(ctx: Ctx, post: Post) -> list[Cue]:
    """The cues written on a post: its prefix, the word before it and its term."""
    out: list[Cue] = []
    folded = ctx.folded
    if (p := _prefix().match(folded, post.start)) is not None:
        out.append(_word_cue(ctx, p.start(), folded[p.start():p.end()].strip()))
    w = _before().search(folded, max(0, post.start - 12), post.start)
    if w is not None and _lower_or_first(ctx, w.start()):
        out.append(_word_cue(ctx, w.start(), folded[w.start():w.end()].strip()))
    if (t := _term().match(folded, post.end)) is not None:
        out.extend(_term_cues(ctx, t))
    return out


def _word_cue(ctx: Ctx, start: int, word: str) -> Cue:
    """The status a cue word gives ('nguyên' former, 'quyền' acting, 'tân' new) and the
    undated bound it states, if any ('nguyên' an end, 'tân' a start)."""
    cue = cue_of(word)
    side = _SIDE.get(cue)
    span = (start, start + len(word))
    return (_STATUS.get(cue), side,
            bound(None, cue, ctx.text[span[0]:span[1]], span, ctx.text) if side else None)


def _lower_or_first(ctx: Ctx, pos: int) -> bool:
    """'tân' in lower case, or capitalised only as a sentence's first word (not the end of a
    name: 'Nguyễn Văn Tân Chủ tịch ...')."""
    return ctx.text[pos].islower() or not ctx.text[ctx.sentence_of(pos)[0]:pos].strip(" \"“(-")


def _term_cues(ctx: Ctx, t: re.Match[str]) -> list[Cue]:
    span = (t.start("cue"), t.end())
    surface = ctx.text[span[0]:span[1]]
    out: list[Cue] = []
    for side, group in (("start", "y0"), ("end", "y1")):
        date, precision, problem = judge(None, None, t.group(group))
        phrase = DatePhrase(span[0], span[1], surface, date, precision, problem)
        out.append((None, side, bound(phrase, "term", surface, span, ctx.text)))
    return out


def _apply(ctx: Ctx, event: Event, person: dict[str, Any], builder: RecordBuilder) -> None:
    """An event's bound on the posts it names, else on the subject's own posts; a transfer
    also ends the posts written before it."""
    surface = ctx.text[event.start:event.end]
    span = (event.start, event.posts[-1].end if event.posts else event.end)
    b = bound(event.date, event.cue, surface, span, ctx.text)
    targets = event.posts or event.own
    for post in targets:
        note(person, post, builder, (None, event.side, b))
        for cue in post_cues(ctx, post):
            note(person, post, builder, cue)
    if not targets and event.cue == "retired":  # 'ông A nghỉ hưu': every post still open
        for pos in person["positions"]:
            if "tenure" not in pos or pos["tenure"]["end"] is None:
                _merge(pos, (None, "end", b))
    if event.cue == "transferred" and event.posts:
        new = {fold(builder.title(p)) for p in event.posts}
        for post in event.own:
            if fold(builder.title(post)) not in new:
                note(person, post, builder, (None, "end", b))


def note(person: dict[str, Any], post: Post, builder: RecordBuilder, cue: Cue) -> bool:
    """Merge a cue into the tenure of the person's position filed as this post; False when
    the person holds no such position."""
    position = match_position(person["positions"], builder.title(post), post.role)
    if position is None:
        return False
    _merge(position, cue)
    return True


def _merge(position: dict[str, Any], cue: Cue) -> None:
    """A stronger status wins ('former' over 'new'); a bound with a date replaces one without,
    else the first bound found stays."""
    status, side, b = cue
    tenure = position.setdefault("tenure", {"status": None, "start": None, "end": None})
    if _WEIGHT[status] > _WEIGHT[tenure["status"]]:
        tenure["status"] = status
    if side and b and (tenure[side] is None
                       or (tenure[side]["date"] is None and b["date"] is not None)):
        tenure[side] = b


def match_position(positions: list[dict[str, Any]], title: str,
                   role: str) -> dict[str, Any] | None:
    """The position filed under `title`, else one of the same role that `title` is a shorter
    form of ('Chính ủy X' is not 'Phó Chính ủy X').

    >>> p = {"title": "Chủ tịch UBND huyện Krông Ana", "role": "Chủ tịch"}
    >>> match_position([p], "Chủ tịch UBND huyện", "Chủ tịch") is p
    True
    """
    key = fold(title)
    for p in positions:
        if fold(p["title"]) == key:
            return p
    for p in positions:
        t = fold(p["title"])
        if fold(p.get("role") or "") == fold(role) and (t.startswith(key)
                                                          or shorter_form(key, t)):
            return p
    return None
