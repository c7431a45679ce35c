"""Meetings the article reports: a dated lead sentence ('Sáng 26/7, X tổ chức Hội nghị ...'),
else the first gathering named ('Hội nghị', 'cuộc diễn tập ...') dated by the header if any.

A date governs its own clause of the sentence; its year comes from the date, the page's stamp,
the sentence's year rules (extract.dates), an earlier year of the sentence, else the headline.
The gathering words, the organising verbs and the words they make a gathering are lexicons.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from vnkg.extraction.context import Ctx
from vnkg.extraction.dates import (
    DateExpr,
    date_lines,
    find_dates,
    iso,
    last_date_line,
    stamp_month,
    year_for,
)
from vnkg.extraction.lexicon import lexicon, phrase_pattern
from vnkg.extraction.pagehead import headline
from vnkg.extraction.text import fold
from vnkg.extraction.years import sentence_year, title_year

_TITLE_END = re.compile(r"[;\n]|(?<![A-ZĐ])\.(?=\s|[A-ZĐ]|$)|"
                        r"\s+(?:với\s+sự|có\s|vào\s+(?:sáng|chiều|tối|ngày)|do\s+(?:đồng\s+chí|đ/c|[A-ZĐ]))|,\s+(?=[A-ZĐ])|$")


@cache
def _organise() -> re.Pattern[str]:
    """An organising verb and what may stand between it and the gathering it introduces."""
    return re.compile(rf"(?<!\w)(?:{lexicon().organise_verbs})\s+(?:thành\s+công\s+)?"
                      r"(?:các\s+|cuộc\s+|buổi\s+)?(?=\w)")


@cache
def _organised() -> re.Pattern[str]:
    """Words that are a gathering right after an organising verb ('tổ chức sơ kết …')."""
    return re.compile(rf"(?:{lexicon().organised_events})(?!\w)")


def _not_meeting(folded: str, pos: int) -> bool:
    """'lễ hội', 'thăm hỏi'; or the name of an anniversary ('kỷ niệm 35 năm Ngày hội Quốc
    phòng toàn dân'): the day remembered, not the gathering."""
    return (lexicon().not_meetings.match(folded, pos) is not None
            or _ANNIVERSARY_OF.search(folded, max(0, pos - 24), pos) is not None)


_ANNIVERSARY_OF = re.compile(r"(?:\d+\s+năm|kỷ\s+niệm)\s+$")


@cache
def meeting_noun() -> re.Pattern[str]:
    """Gathering words (lexicon), plus 'lễ'/'họp' before a word and 'thăm, chúc mừng'."""
    words = phrase_pattern(list(lexicon().meeting_words))
    return re.compile(rf"(?<!\w)(?:{words}|lễ(?=\s+\w)|họp(?=\s+\w)|"
                      rf"thăm(?=,?\s+(?:và\s+)?chúc))(?!\w)")


def _is_conference(word: str) -> bool:
    key = " ".join(word.split())
    return lexicon().meeting_words.get(key) == "conference" or key in ("lễ", "họp")


@dataclass
class Meeting:
    """One gathering: where it is named and dated, and what the record needs about it."""

    title: str
    start: int
    end: int
    date: str | None
    date_surface: str | None
    kind: str | None
    sentence: tuple[int, int]
    spans: list[tuple[int, int]] = field(default_factory=list)


def find_meetings(ctx: Ctx, skip: Sequence[tuple[int, int]] = ()) -> list[Meeting]:
    """Dated meetings first; one undated meeting when the text names a gathering but no date.

    >>> from vnkg.extraction.context import make_ctx
    >>> ctx = make_ctx("d", "Sáng 2/3, huyện tổ chức hội nghị.", None)
    >>> [(m.title, m.date_surface) for m in find_meetings(ctx)]
    [('hội nghị', 'Sáng 2/3')]

    Dates inside `skip` spans (a decree's 'ngày 12/10/2022') do not date meetings.
    """
    out: list[Meeting] = []
    stamps = date_lines(ctx.text)
    dates = [d for d in find_dates(ctx.text, ctx.folded)
             if not any(a <= d.start < b for a, b in skip) and not _document_date(ctx, d)]
    head = headline(ctx.text)
    for i, d in enumerate(dates):
        fallback = _prior_year(ctx, dates, i) or _headline_year(head, d)
        m = _dated(ctx, d, _clause(ctx, dates, i), skip, stamps, fallback)
        if m and not any(o.sentence == m.sentence or _same(o, m) for o in out):
            out.append(m)
    if not out:
        m = _undated(ctx)
        if m:
            out.append(m)
    return out


def _same(a: Meeting, b: Meeting) -> bool:
    """One gathering told twice (a lead repeated under the headline): same day, same title;
    the first telling keeps the later one's mention."""
    if a.date_surface != b.date_surface or fold(a.title) != fold(b.title):
        return False
    a.spans.extend(b.spans)
    return True


def _clause(ctx: Ctx, dates: list[DateExpr], i: int) -> tuple[int, int]:
    """The part of its sentence a date governs, between the clause breaks (the last ';' or ','
    between two dates of the sentence): 'Ngày D1, A ban hành …; đến ngày D2, B triệu tập hội
    nghị' gives the meeting D2's date."""
    s0, s1 = ctx.sentence_of(dates[i].start)
    start = _break(ctx, dates[i - 1], dates[i]) if i > 0 and dates[i - 1].start >= s0 else s0
    last = i + 1 == len(dates) or dates[i + 1].start >= s1
    return start, s1 if last else _break(ctx, dates[i], dates[i + 1])


def _break(ctx: Ctx, a: DateExpr, b: DateExpr) -> int:
    """The last ';' or ',' between two dates that closes a clause of the first (not the comma
    right after its own lead: 'Chiều 10.8, …')."""
    between = ctx.text[a.end:b.start]
    lead = len(between) - len(between.lstrip(" ,"))
    cut = max(between.rfind(";"), between.rfind(","))
    return a.end + cut + 1 if cut >= lead else b.start


def _document_date(ctx: Ctx, d: DateExpr) -> bool:
    """A document's date, right after its number ('Nghị quyết 28-NQ/TW ngày 22/9/2008')."""
    return (ctx.folded.startswith("ngày", d.start)
            and _AFTER_NUMBER.search(ctx.folded, max(0, d.start - 40), d.start) is not None)


_AFTER_NUMBER = re.compile(r"\d+[ \t]*[-/][ \t]*[^\W\d_][\w/.-]*[ \t]*,?[ \t]*$")


def _headline_year(head: str | None, d: DateExpr) -> int | None:
    """The year the article's headline gives a date of its lead ('Lễ giao nhận quân năm 2024'
    above 'Sáng 26/2, …'), by the same rules as the meeting's own sentence."""
    return sentence_year(d.month, head, head) if head and d.start > len(head) else None


def _prior_year(ctx: Ctx, dates: list[DateExpr], i: int) -> int | None:
    """The year of an earlier date of the same sentence that states one, for a later date
    that does not ('Ngày 2-3-2020, A …; đến ngày 15-4, B tổ chức hội nghị')."""
    s0 = ctx.sentence_of(dates[i].start)[0]
    for x in reversed(dates[:i]):
        if x.start < s0:
            break
        if x.year and x.month <= dates[i].month:
            return x.year
    return None


def _dated(ctx: Ctx, d: DateExpr, clause: tuple[int, int], skip: Sequence[tuple[int, int]],
           stamps: list[tuple[int, str]], prior: int | None = None) -> Meeting | None:
    sent = ctx.sentence_of(d.start)
    noun = _noun_in(ctx, clause[0], clause[1])
    if noun is None:
        return None
    sentence = _blank(ctx.text, sent, skip)  # a decree's 'năm 2015' does not date the meeting
    year = year_for(d, sentence, ctx.published, last_date_line(ctx.text, sent[0], stamps),
                    raw=ctx.text[sent[0]:sent[1]], later=ctx.text[sent[1]:sent[1] + 800]) \
        or prior
    date = iso(year, d.month, d.day) if year else None
    title, end = _title(ctx, noun.start(), sent[1])
    # an unknown year leaves the date empty (the schema wants ISO); date_surface keeps it
    return Meeting(title, noun.start(), end, date, d.surface, _kind(title),
                   sent, [(noun.start(), end)])


def _blank(text: str, sent: tuple[int, int], skip: Sequence[tuple[int, int]]) -> str:
    chars = list(text[sent[0]:sent[1]])
    for a, b in skip:
        for i in range(max(a, sent[0]), min(b, sent[1])):
            chars[i - sent[0]] = " "
    return "".join(chars)


def _noun_in(ctx: Ctx, start: int, end: int) -> re.Match[str] | None:
    """The gathering a sentence reports: what 'tổ chức' introduces, else the first one named."""
    for v in _organise().finditer(ctx.folded, start, end):
        m = meeting_noun().match(ctx.folded, v.end()) or _organised().match(ctx.folded, v.end())
        if m and not _not_meeting(ctx.folded, m.start()):
            return m
    for m in meeting_noun().finditer(ctx.folded, start, end):
        if not _not_meeting(ctx.folded, m.start()):
            return m
    return None


def _title(ctx: Ctx, start: int, limit: int) -> tuple[str, int]:
    m = _TITLE_END.search(ctx.text, start + 1, limit)
    end = m.start() if m else limit
    written = ctx.text[start:end].rstrip(" ,.;:")
    return " ".join(written.split()[:30]), start + len(written)


def _kind(title: str) -> str | None:
    low = fold(title)
    for word, kind in lexicon().meeting_kinds:
        if word in low:
            return kind
    return None


def _undated(ctx: Ctx) -> Meeting | None:
    """The article's gathering: its first conference-like mention, else the first activity."""
    nouns = [m for m in meeting_noun().finditer(ctx.folded)
             if not _not_meeting(ctx.folded, m.start())]
    if not nouns:
        return None
    noun = next((m for m in nouns if _is_conference(m.group(0))), nouns[0])
    sent = ctx.sentence_of(noun.start())
    title, end = _title(ctx, noun.start(), sent[1])
    date = stamp_month(ctx.published) or title_year(title)
    return Meeting(title, noun.start(), end, date, None, _kind(title), sent,
                   [(noun.start(), end)])


def meeting_for(meetings: list[Meeting], pos: int) -> Meeting | None:
    """The meeting a statement at `pos` is about: the last one named before it, else the first."""
    before = [m for m in meetings if m.sentence[0] <= pos]
    if before:
        return before[-1]
    return meetings[0] if meetings else None


def iso_or_none(value: str | None) -> str | None:
    return value if value and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value) else None
