"""Statements without a speech cue after the name: reported speech ('Theo Đại tá X, ...'), a
nominalised statement ('Đây là chỉ đạo của X tại hội nghị ...'), a quotation introduced by a
speech verb or a colon, and a speaker named only by a post held by a person named earlier
('Kết luận hội nghị, đồng chí Chủ tịch UBND huyện yêu cầu ...').

Word lists are lexicons: speech_leads.txt, statement_nouns.txt, speech_verbs.txt,
quote_titles.txt.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from vnkg.extraction.context import Ctx
from vnkg.extraction.lexicon import bounded, lexicon
from vnkg.extraction.persons import Mention
from vnkg.extraction.posts import parse_posts, role_at
from vnkg.extraction.text import canonical, fold

_QUOTE = re.compile(r"[“\"][^”\"]{20,}[”\"]")
_AFTER_REPORTED = re.compile(r"\s*(?:,|thì(?!\w))")
_AFTER_NOMINAL = re.compile(r"[\s,]*(?:tại|trong|khi)(?!\w)")
_CLAUSE_START = re.compile(r"(?:^|[,;:]\s*)$")


class Statement(NamedTuple):
    """A mention found to speak, with the qualifier and the end of the evidence."""

    mention: Mention
    qualifier: str
    end: int


def _words(name: str) -> str:
    return lexicon().pattern(name)


@cache
def _reported_lead() -> re.Pattern[str]:
    """'Theo' (or 'theo lời', ...) opening a sentence or a clause right before a person."""
    return re.compile(rf"(?:^|[,;:(\-–—“\"])\s*(?<!\w)(?:{_words('speech_leads.txt')})\s*$")


@cache
def _nominal_lead() -> re.Pattern[str]:
    """'là yêu cầu của' / 'là lời phát biểu của' right before a person."""
    return re.compile(rf"(?<!\w)là\s+(?:{_words('statement_nouns.txt')})\s+của\s*$")


@cache
def _honorific_end() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_words('honorifics.tsv')})\s*$")


@cache
def _speech_verb() -> re.Pattern[str]:
    return bounded(lexicon().phrases("speech_verbs.txt"))


@cache
def _title_before_colon() -> re.Pattern[str]:
    """A colon after 'chủ đề', 'khẩu hiệu', ...: what follows is a title, not a statement."""
    return re.compile(rf"(?<!\w)(?:{_words('quote_titles.txt')})\s*$")


def reported(ctx: Ctx, sent: tuple[int, int], group: list[Mention]) -> list[Statement]:
    """'Theo Đại tá X, ...', 'Là yêu cầu của X tại hội nghị ...': the person spoke."""
    out = []
    for m in group:
        before = ctx.folded[sent[0]:m.lead_start]
        if _reported_lead().search(before) and _AFTER_REPORTED.match(ctx.folded, m.run_end):
            out.append(Statement(m, "theo", m.run_end))
        elif _nominal_lead().search(before) and _AFTER_NOMINAL.match(ctx.folded, m.run_end):
            out.append(Statement(m, "phát biểu", m.run_end))
    return out


def quoted(ctx: Ctx, sent: tuple[int, int], group: list[Mention]) -> list[Statement]:
    """A quotation introduced after a person's posts ('X, ... cho biết: “...”'): a statement.

    The quotation belongs to the last person before it, when a speech verb or a colon (not
    one after 'chủ đề' or 'khẩu hiệu') stands between the two.
    """
    q = _QUOTE.search(ctx.text, sent[0], sent[1])
    if q is None:
        return []
    speaker = None
    for m in group:
        if m.run_end <= q.start():
            speaker = m
    if speaker is None or not _introduces(ctx, speaker.run_end, q.start()):
        return []
    return [Statement(speaker, "phát biểu", q.end())]


def _introduces(ctx: Ctx, start: int, end: int) -> bool:
    if _speech_verb().search(ctx.folded, start, end):
        return True
    for i in range(start, end):
        if ctx.folded[i] == ":" and not _title_before_colon().search(ctx.folded, start, i):
            return True
    return False


def post_mentions(ctx: Ctx, mentions: list[Mention]) -> list[Mention]:
    """Unnamed office-holders standing for a person named earlier with that post.

    In a sentence without any named person, 'đồng chí Chủ tịch UBND huyện' at the start of
    a clause is the one person named before with exactly that post (none when two are).
    The returned mentions carry that person's name; they are used for roles only.
    """
    named = {ctx.sentence_of(m.start) for m in mentions}
    out: list[Mention] = []
    for s0, s1 in ctx.sentences:
        if (s0, s1) in named or not lexicon().cues.regex.search(ctx.folded, s0, s1):
            continue
        pos = s0
        for hit in role_at().finditer(ctx.folded, s0, s1):
            if hit.start() < pos:
                continue
            found = _post_mention(ctx, mentions, (s0, s1), hit.start())
            if found is not None:
                out.append(found)
                pos = found.run_end
    return out


def _post_mention(ctx: Ctx, mentions: list[Mention], sent: tuple[int, int],
                  start: int) -> Mention | None:
    lead = _clause_lead(ctx, sent[0], start)
    if lead is None:
        return None
    posts, run_end = parse_posts(ctx.text, ctx.folded, start, sent[1])
    if not posts:
        return None
    key = fold(canonical(posts[0].surface))
    holders = {fold(m.name): m for m in mentions if m.start < start
               and any(_same_post(key, fold(canonical(p.surface))) for p in m.posts)}
    if len(holders) != 1:
        return None
    ref = next(iter(holders.values()))
    return Mention(start, run_end, ref.name, posts=posts, run_end=run_end, lead_start=lead)


def _clause_lead(ctx: Ctx, sent_start: int, start: int) -> int | None:
    """Start of '[đồng chí] <post>' when it opens the sentence or a clause, else None."""
    before = ctx.folded[sent_start:start]
    hon = _honorific_end().search(before)
    lead = sent_start + hon.start() if hon else start
    if not _CLAUSE_START.search(ctx.folded[sent_start:lead].rstrip() if hon else before.rstrip()):
        return None
    return lead


@cache
def _level_end() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{lexicon().level_words})$")


def _same_post(unnamed: str, held: str) -> bool:
    """The same post, or the held one adds the place an unnamed 'Chủ tịch UBND huyện' omits."""
    return held == unnamed or (held.startswith(unnamed + " ")
                               and bool(_level_end().search(unnamed)))
