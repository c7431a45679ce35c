"""Dates as the genre writes them: 'Sáng nay (9/10)', 'Chiều 10.3', 'sáng 23-6-2025',
'Ngày 22 tháng 11 năm 2018', '(9- 11/5/2023)', 'Hôm nay, 9/12'; page stamps in any form
('Đăng ngày 05-03-2021 08:10', 'Thứ Sáu, 31/05/2024', a date glued to the first word); and the
order of the year sources: an explicit year, a page stamp or the article date (with roll-back
for a later month), the sentence's year rules (extract.years), a later reporting period.
Never a URL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnkg.extraction.text import fold
from vnkg.extraction.years import period_year, sentence_year

_TIME = (r"(?:(?:buổi\s+)?(?:sáng|chiều|tối|trưa|đêm)(?:\s+(?:nay|hôm\s+nay|qua|mai))?|"
         r"ngày|hôm\s+nay|hôm\s+qua|hôm|vào|từ)")
_DAY_MONTH = (r"(?P<d>\d{1,2})(?:\s*(?:-|–|và|,)\s*(?P<d2>\d{1,2}))?\s*(?P<s1>[/.-])\s*"
              r"(?P<m>\d{1,2})(?:(?P=s1)(?P<y>\d{4}))?(?![\d/])")
DATE_EXPR = re.compile(
    rf"(?<!\w)(?P<lead>{_TIME})(?:\s+ngày)?\s*,?\s*\(?\s*{_DAY_MONTH}\s*\)?"
    rf"|(?<!\w)(?P<lead2>{_TIME})\s*(?:ngày\s+)?(?P<d3>\d{{1,2}})\s+tháng\s+(?P<m3>\d{{1,2}})"
    rf"(?:\s+năm\s+(?P<y3>\d{{4}}))?"
    rf"|\((?P<d4>\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?\s*/\s*(?P<m4>\d{{1,2}})(?:/(?P<y4>\d{{4}}))?\)"
    rf"|(?<!\w)(?:từ\s+)?ngày\s+(?P<d5>\d{{1,2}})\s+(?:đến|tới)\s+(?:ngày\s+)?\d{{1,2}}\s*[/.-]\s*"
    rf"(?P<m5>\d{{1,2}})(?:[/.-](?P<y5>\d{{4}}))?",
    re.IGNORECASE)
# the same on folded text, factored so most positions fail on their first character
DATE_FOLDED = re.compile(
    rf"(?<!\w)(?=[sctđnhvb])(?:(?P<lead>{_TIME})(?:\s+ngày)?\s*,?\s*\(?\s*{_DAY_MONTH}\s*\)?"
    rf"|(?P<lead2>{_TIME})\s*(?:ngày\s+)?(?P<d3>\d{{1,2}})\s+tháng\s+(?P<m3>\d{{1,2}})"
    rf"(?:\s+năm\s+(?P<y3>\d{{4}}))?"
    rf"|(?:từ\s+)?ngày\s+(?P<d5>\d{{1,2}})\s+(?:đến|tới)\s+(?:ngày\s+)?\d{{1,2}}\s*[/.-]\s*"
    rf"(?P<m5>\d{{1,2}})(?:[/.-](?P<y5>\d{{4}}))?)"
    rf"|\((?P<d4>\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?\s*/\s*(?P<m4>\d{{1,2}})(?:/(?P<y4>\d{{4}}))?\)")
_AFTER = re.compile(
    r"\s*,?\s*(?:ngày\s+(?P<d>\d{1,2})\s*(?:/|-|\.|\s+tháng\s+)\s*(?P<m>\d{1,2})\s*"
    r"(?:/|-|\.|\s+năm\s+)\s*(?P<y>\d{4})|năm\s+(?P<yo>\d{4}))", re.IGNORECASE)
_DATE_LINE = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/])")
_STAMP = re.compile(r"^[^\n]*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}[^\n]*$", re.MULTILINE)
_FULL_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}")  # what a _STAMP line holds
_GLUED = re.compile(r"\s*\(?(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\)?"
                    r"(?:(?=[^\W\d_])|[ \t]+(?=[^\W\d_]))")
# a line that is only a page's date: weekday or 'Đăng ngày' label, time, date, time, zone,
# view counter ('Thứ Sáu, 31/05/2024 283 lượt xem', 'Đăng ngày 05-03-2021 08:10')
_SEP = r"[\s,|–-]*"
_CLOCK = r"(?:lúc\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?(?:\s*\(?gmt\s*[+-]\s*\d+\)?)?"
_PAGE_STAMP = re.compile(
    r"^[\s\W]*(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s*,?\s*|"
    r"(?:đăng|cập\s+nhật|ngày\s+đăng|xuất\s+bản|ngày)(?:\s+ngày|\s+lúc)?\s*:?\s*)?"
    rf"(?:{_CLOCK}{_SEP})?(\d{{1,2}})([/.-])(\d{{1,2}})\2(\d{{4}})(?:{_SEP}{_CLOCK})?"
    rf"(?:{_SEP}(?:\d[\d.,]*\s+lượt\s+xem|lượt\s+xem\s*:?\s*\d[\d.,]*))?[\s\W]*$")


@dataclass(frozen=True)
class DateExpr:
    """A day-and-month date written in the text, with its year when written."""

    start: int
    end: int
    day: int
    month: int
    year: int | None
    surface: str


def iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    """ISO date at the precision known, or None when the parts are not a date.

    >>> iso(2023, 10, 9)
    '2023-10-09'
    """
    if year is None or not 1900 <= year <= 2100:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= day <= 31 else None


def iso_after(text: str, pos: int, window: int = 40) -> tuple[str | None, int]:
    """A document date written right after `pos` ('ngày 01/3/2023', 'năm 2021')."""
    m = _AFTER.match(text, pos)
    if not m:
        later = re.search(r"ngày\s+\d{1,2}\s+tháng", text[pos:pos + window])
        if later is None:
            return None, pos
        m = _AFTER.match(text, pos + later.start())
        if not m:
            return None, pos
    if m.group("yo"):
        return iso(int(m.group("yo"))), m.end()
    return iso(int(m.group("y")), int(m.group("m")), int(m.group("d"))), m.end()


def find_dates(text: str, folded: str | None = None) -> list[DateExpr]:
    """Day-and-month date expressions introduced by a time word or written in parentheses.

    `folded` (the lower-cased text of the same length) makes the scan faster when given.
    """
    out = []
    for m in (DATE_EXPR.finditer(text) if folded is None else DATE_FOLDED.finditer(folded)):
        g = m.groupdict()
        key = next(k for k in ("", "3", "4", "5") if g["d" + k])
        d, mo, y = g["d" + key], g["m" + key], g["y" + key]
        day, month = int(d), int(mo)
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        out.append(DateExpr(m.start(), m.end(), day, month, int(y) if y else None,
                            _balanced(text[m.start():m.end()].strip(" ,"))))
    return out


def _balanced(surface: str) -> str:
    """Drop an unmatched parenthesis at either end: 'Sáng nay (9/10)' keeps both, '(9/10' none."""
    if surface.endswith(")") and surface.count(")") > surface.count("("):
        surface = surface[:-1].rstrip(" ,")
    if surface.startswith("(") and surface.count("(") > surface.count(")"):
        surface = surface[1:].lstrip()
    if surface.startswith("(") and surface.endswith(")"):
        surface = surface[1:-1].strip()
    return surface


def published_year_month(published: str | None) -> tuple[int | None, int | None]:
    if not published:
        return None, None
    parts = published.split("-")
    return int(parts[0]), int(parts[1]) if len(parts) > 1 else None


def year_for(d: DateExpr, sentence: str, published: str | None,
             date_line: str | None, *, raw: str | None = None, later: str = "") -> int | None:
    """The year of a day-month date: written, page stamp or article date, the sentence's own
    year rules (see `sentence_year`), a reporting period in the next sentences, else unknown.

    `sentence` has decree surfaces blanked; `raw` is the same sentence unblanked (a review of
    'N năm thực hiện' a decree of year Y is held in Y+N); `later` is the text that follows.
    """
    if d.year:
        return d.year
    for source in (date_line, published):
        y, m = published_year_month(source)
        if y:
            return y - 1 if m and d.month > m else y
    return sentence_year(d.month, sentence, raw or sentence) or period_year(later)


def stamp_month(published: str | None) -> str | None:
    """An article date as an undated meeting's date: year and month only, since a page's
    stamp alone never gives the event's day ('2024-05-31' -> '2024-05')."""
    return published[:7] if published else None


def page_stamp(line: str) -> str | None:
    """The ISO day of a line that is only a page's date stamp, or of a date glued to the
    first word of the text ('25/02/2024Trong …'); else None.

    >>> page_stamp("Đăng ngày 05-03-2021 08:10"), page_stamp("Thứ Sáu, 31/05/2024 283 lượt xem")
    ('2021-03-05', '2024-05-31')
    >>> page_stamp("Sáng 9/10/2024, hội nghị")
    """
    m = _PAGE_STAMP.match(fold(line)) or glued(line)
    if not m:
        return None
    return iso(int(m.group(4)), int(m.group(3)), int(m.group(1)))


def glued(line: str) -> re.Match[str] | None:
    """A full date glued to the first word of a line ('25/02/2024Trong …'), or before a
    capitalised one ('25/02/2024 Trong …'): a page's stamp run into its text."""
    m = _GLUED.match(line)
    return m if m and (m.end() == len(line) or line[m.end()].isupper()
                       or not line[m.end() - 1].isspace()) else None


def date_lines(text: str) -> list[tuple[int, str]]:
    """(line start, ISO date) of each short line carrying a full date, and of a date glued to
    the first word of a line: an article's date stamp ('Đăng ngày 05-03-2021 08:10')."""
    out: list[tuple[int, str]] = []
    if not _FULL_DATE.search(text):  # no line to look at: skip the line-by-line scan
        return out
    for m in _STAMP.finditer(text):
        line = m.group(0).strip()
        d = _DATE_LINE.search(line) if len(line) <= 60 else glued(line)
        if d:
            day = iso(int(d.group(4)), int(d.group(3)), int(d.group(1)))
            if day:
                out.append((m.start(), day))
    return out


def last_date_line(text: str, pos: int, lines: list[tuple[int, str]] | None = None) -> str | None:
    """The nearest date stamp line before `pos` (`lines` from `date_lines`, when at hand), else
    the first one after it (a page that puts its 'Ngày đăng: …' below the text)."""
    best = None
    for start, day in lines if lines is not None else date_lines(text):
        if start > pos:  # a stamp glued to the sentence's first word starts where it does
            return best or day
        best = day
    return best
