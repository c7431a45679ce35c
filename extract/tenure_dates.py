"""Dates tied to a tenure or promotion cue: 'từ ngày 15/3/2023', 'kể từ tháng 3/2023',
'năm 2021', 'ngày 15 tháng 3 năm 2023', and a term's years ('nhiệm kỳ 2020 - 2025').

A date keeps the precision the text gives (a year stays a year, a month a month; a day is
never invented). A date that cannot exist or lacks its year ('31/2', 'tháng 13', 'năm 22024',
'15/3') is no date: the phrase is still returned, with its date None and a `problem` saying
why. ISO strings come from `extract.dates.iso`; the lead words ('kể từ', 'từ', 'vào') are the
`date_lead` rows of lexicons/tenure_cues.tsv.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import cache

from vnkg.extraction.dates import iso
from vnkg.extraction.lexicon import lexicon

_N = r"\d{1,6}"  # as many digits as written: 'năm 22024' must be seen whole to be refused
_SEP = r"\s*[/.-]\s*"
_GAP = re.compile(r"[\s,(]*")


@dataclass(frozen=True)
class DatePhrase:
    """A date phrase as written, what it means and, when it means no date, why."""

    start: int
    end: int
    surface: str  # NFC, as written, lead word included
    date: str | None  # ISO at the precision written
    precision: str | None  # 'day', 'month', 'year'; None iff date is None
    problem: str | None


@cache
def _phrase() -> re.Pattern[str]:
    """A date phrase on folded text, at a position (see `date_at`)."""
    lead = lexicon().pattern("tenure_cues.tsv", "date_lead")
    return re.compile(
        rf"(?P<lead>(?:{lead})\s+)?(?:"
        rf"ngày\s+(?P<d>{_N})(?:{_SEP}|\s+tháng\s+)(?P<m>{_N})"
        rf"(?:(?:{_SEP}|\s+năm\s+)(?P<y>{_N}))?"
        rf"|tháng\s+(?P<m2>{_N})(?:(?:{_SEP}|\s+năm\s+)(?P<y2>{_N}))?"
        rf"|năm\s+(?P<y3>{_N})"
        rf"|(?<=\s)(?P<d4>{_N}){_SEP}(?P<m4>{_N}){_SEP}(?P<y4>{_N})"
        rf"|(?<=\s)(?P<m5>{_N}){_SEP}(?P<y5>\d{{4,6}}))(?![\d/])")


def date_at(text: str, folded: str, pos: int, limit: int) -> DatePhrase | None:
    """The date phrase starting at `pos` (after spaces, commas or an opening bracket) and
    ending by `limit`, else None. A bare '15/3/2023' needs a lead word ('từ 15/3/2023').

    >>> t = "được bổ nhiệm từ ngày 15/3/2023."
    >>> date_at(t, t, 13, len(t)).date, date_at("năm 22024", "năm 22024", 0, 9).problem
    ('2023-03-15', 'impossible year: 22024')
    """
    start = _GAP.match(folded, pos, limit)
    at = start.end() if start else pos
    m = _phrase().match(folded, at, limit)
    if m is None or (not m.group("lead") and (m.group("d4") or m.group("m5"))):
        return None
    g = m.groupdict()
    day = g["d"] or g["d4"]
    month = g["m"] or g["m2"] or g["m4"] or g["m5"]
    year = g["y"] or g["y2"] or g["y3"] or g["y4"] or g["y5"]
    date, precision, problem = judge(day, month, year)
    return DatePhrase(m.start(), m.end(), text[m.start():m.end()], date, precision, problem)


def first_date(folded: str, pos: int, limit: int) -> int:
    """Where the first date phrase between `pos` and `limit` starts, else `limit`: a post
    named after a cue ends there ('giữ chức Chủ tịch UBND xã Tà Xùa năm 2023')."""
    for m in _phrase().finditer(folded, pos, limit):
        if m.group("lead") or not (m.group("d4") or m.group("m5")):
            return m.start()
    return limit


def judge(day: str | None, month: str | None, year: str | None
          ) -> tuple[str | None, str | None, str | None]:
    """(ISO date, precision, problem) of the parts written; a problem means no date.

    >>> judge("31", "2", None), judge(None, "3", "2023")
    ((None, None, 'impossible date: 31/2'), ('2023-03', 'month', None))
    >>> judge("29", "2", "2023")[2], judge(None, "13", "2023")[2], judge("15", "3", None)[2]
    ('impossible date: 29/2/2023', 'impossible month: 13', 'no year written: 15/3')
    """
    written = "/".join(p for p in (day, month, year) if p)
    if day is None and year is None:
        written = f"tháng {month}"
    if month is not None and not 1 <= int(month) <= 12:
        return None, None, f"impossible month: {int(month)}"
    if day is not None and month is not None:
        leap_or_year = int(year) if year and len(year) == 4 else 2000  # 29/2 exists some year
        if not 1 <= int(day) <= calendar.monthrange(leap_or_year, int(month))[1]:
            return None, None, f"impossible date: {written}"
    if year is None:
        return None, None, f"no year written: {written}"
    if len(year) != 4:
        return None, None, f"impossible year: {year}"
    date = iso(int(year), int(month) if month else None, int(day) if day else None)
    if date is None:
        return None, None, f"year out of range: {year}"  # dates.iso: 1900 to 2100
    return date, ("day" if day else "month" if month else "year"), None


def bound(phrase: DatePhrase | None, cue: str, surface: str, evidence: tuple[int, int],
          text: str) -> dict[str, object]:
    """A tenure BOUND (TENURE_CONTRACT.md): the date phrase's date, surface and problem when
    one is tied to the cue, else the cue's own surface and no date; `evidence` is the cue's
    span, stretched over the date phrase, with its words from the article's `text` (as a
    relation's evidence has them: records loaded without the article still show them)."""
    start, end = evidence
    if phrase is not None:
        start, end = min(start, phrase.start), max(end, phrase.end)
    return {"date": phrase.date if phrase else None,
            "precision": phrase.precision if phrase else None,
            "surface": phrase.surface if phrase else surface,
            "cue": cue,
            "evidence": {"start": start, "end": end, "text": text[start:end]},
            "problem": phrase.problem if phrase else None}
