"""Dates as the genre writes them: 'Sáng nay (9/10)', 'Chiều 10.3', 'sáng 23-6-2025',
'Ngày 22 tháng 11 năm 2018', '(9- 11/5/2023)', 'Hôm nay, 9/12'; and the year rules: an
explicit year, a page stamp or the article date (with roll-back for a later month), the year
rules of the meeting's sentence (spec/gold.md: an anniversary range's later year, a congress's
first term year, 'sơ kết N năm thực hiện' a document of year Y is Y+N, a November/December
meeting planning year X+1 is X, a January/February review of X is X+1), else a reporting
period in the next sentences. Never a URL. The cue words are in lexicons/year_cues.tsv.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract import lexicon as lx
from extract.text import fold

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
_YEAR = re.compile(r"(?<![\d/.-])(?:19|20)\d{2}(?![\d/])")
_DATE_LINE = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/])")
_STAMP = re.compile(r"^[^\n]*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}[^\n]*$", re.MULTILINE)
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
# 'd/m/Y0 – d/m/Y1', '2025 - 2030': an anniversary, a term or a period, not one year
_RANGE = re.compile(r"(?:(?P<d0>\d{1,2})\s*[/.-]\s*(?P<m0>\d{1,2})\s*[/.-]\s*)?"
                    r"(?P<y0>(?:19|20)\d{2})\s*[-–—]\s*"
                    r"(?:(?P<d1>\d{1,2})\s*[/.-]\s*(?P<m1>\d{1,2})\s*[/.-]\s*)?"
                    r"(?P<y1>(?:19|20)\d{2})(?!\d)")
_PART_OF_YEAR = re.compile(r"(?:tháng\s+\d{1,2}|quý\s+[ivx\d]+|tháng\s+(?:đầu|cuối))\s+năm\s+$")
_TYPO_YEAR = re.compile(r"(năm\s+)2((?:19|20)\d{2})(?!\d)")
_TERM_OR_PERIOD = re.compile(r"(?:nhiệm\s+kỳ|giai\s+đoạn|khóa)\s*$")
_PERIOD = re.compile(r"giai\s+đoạn\s*(?:19|20)\d{2}\s*[-–—]\s*((?:19|20)\d{2})(?!\d)")
_COUNTED = re.compile(r"kỷ\s+niệm\s+(\d{1,3})\s+năm\b")
_PRACTICE = re.compile(r"(?:sơ|tổng)\s+kết\s+(\d{1,2})\s+năm\s+(?:triển\s+khai\s+)?"
                       r"(?:thực\s+hiện|thi\s+hành)")
_TERM = re.compile(r"nhiệm\s+kỳ\s*((?:19|20)\d{2})\s*[-–—]\s*(?:19|20)\d{2}")
_HORIZON = 2040  # no news date lies beyond it: a founding year plus a count that does is wrong
_ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


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


def sentence_year(month: int, sentence: str, raw: str) -> int | None:
    """The year a careful reader gets from the meeting's sentence (spec/gold.md, meetings).

    >>> sentence_year(3, "kỷ niệm 65 năm Ngày truyền thống (3/3/1959 - 3/3/2024)", "")
    2024
    >>> sentence_year(12, "hội nghị triển khai nhiệm vụ năm 2025", "")
    2024
    """
    low = _TYPO_YEAR.sub(r"\1 \2", fold(sentence))  # 'năm 22024' is 2024 (typo in the source)
    for rule in (_anniversary, _anniversary_count, _term, _period_review):
        if (y := rule(low)) is not None:
            return y
    if (y := _years_of_practice(fold(raw))) is not None:
        return y
    low = _RANGE.sub(lambda r: " " * len(r.group(0)), low)
    years = sorted({int(y) for y in _YEAR.findall(low)})
    if len(years) == 1:
        return years[0] + _shift(month, low, _YEAR.search(low))
    if len(years) == 2 and years[1] == years[0] + 1 and _cued(low, "review", "plan"):
        return years[0] if month >= 10 else years[1]
    return None


def _anniversary(low: str) -> int | None:
    """The later year of an anniversary range: 'kỷ niệm … (3/3/1959 - 3/3/2024)', a range of
    the same day and month, or one as long as the 'N năm' before it."""
    cued = lx.year_cues("anniversary").search(low) is not None
    counts = {int(n) for n in re.findall(r"(\d{1,3})\s+năm\b", low)}
    ends = [int(r.group("y1")) for r in _RANGE.finditer(low)
            if not _TERM_OR_PERIOD.search(low, max(0, r.start() - 12), r.start())
            and (cued or int(r.group("y1")) - int(r.group("y0")) in counts
                 or (r.group("m0") and (r.group("d0"), r.group("m0")) ==
                     (r.group("d1"), r.group("m1"))))]
    return max(ends) if ends else None


def _term(low: str) -> int | None:
    """A congress (or first session) of 'nhiệm kỳ Y0 - Y1' is held in Y0."""
    term = _TERM.search(low)
    return int(term.group(1)) if term and lx.year_cues("term").search(low) else None


def _period_review(low: str) -> int | None:
    """A final review of 'giai đoạn Y0 - Y1' ('tổng kết', 'Đại hội thi đua') is held in Y1."""
    period = _PERIOD.search(low)
    if period and lx.year_cues("period_review").search(low, 0, period.start()):
        return int(period.group(1))
    return None


def _anniversary_count(low: str) -> int | None:
    """'kỷ niệm 65 năm Ngày truyền thống (1959)': the founding year plus the count."""
    m = _COUNTED.search(low)
    if not m:
        return None
    founded = _YEAR.search(low, m.end())
    if founded is None or int(founded.group(0)) + int(m.group(1)) > _HORIZON:
        return None  # 'kỷ niệm 20 năm ..., năm 2024': the year written is this year, not 0
    return int(founded.group(0)) + int(m.group(1))


def _years_of_practice(low: str) -> int | None:
    """'sơ kết 5 năm thực hiện Nghị định số 21/2019/NĐ-CP': the document's year plus five."""
    m = _PRACTICE.search(low)
    if not m:
        return None
    issued = _ANY_YEAR.search(low, m.end(), m.end() + 120)
    return int(issued.group(1)) + int(m.group(1)) if issued else None


def _shift(month: int, low: str, year: re.Match[str] | None) -> int:
    """-1 for a November/December meeting setting next year's tasks ('triển khai nhiệm vụ
    năm X+1'), +1 for a January/February one reviewing last year ('tổng kết năm X'), else 0."""
    if year is None or _PART_OF_YEAR.search(low, 0, year.start()):
        return 0  # 'tháng 1 năm 2024', 'quý IV năm 2024': a part of the year, held in it
    cue = _last_cue(low[:year.start()])
    if month >= 11 and cue == "plan":
        return -1
    if month <= 2 and cue == "review":
        return 1
    return 0


def _last_cue(before: str) -> str | None:
    """Which comes last before a year: a review word or a plan word."""
    best, use = -1, None
    for kind in ("review", "plan"):
        for m in lx.year_cues(kind).finditer(before):
            if m.start() > best:
                best, use = m.start(), kind
    return use


def _cued(low: str, *uses: str) -> bool:
    return any(lx.year_cues(u).search(low) for u in uses)


def title_year(title: str) -> str | None:
    """The year an undated meeting's title states: one year of the event itself ('diễn tập …
    năm 2022'), or the first of a congress's term. A term or period range, or the year a
    review or a plan is about ('tổng kết năm 2023', 'tuyển quân năm 2024'), dates nothing:
    such a meeting may fall in the year before or after, and the text does not say.

    >>> title_year("Hội nghị tổng kết nhiệm kỳ 2021-2025"), title_year("Đại hội nhiệm kỳ 2025-2030")
    (None, '2025')
    >>> title_year("cuộc diễn tập năm 2022"), title_year("hội nghị tổng kết năm 2022")
    ('2022', None)
    """
    low = fold(title)
    if (y := _term(low)) is not None:
        return str(y)
    low = _RANGE.sub(lambda r: " " * len(r.group(0)), low)
    years = sorted(set(_YEAR.findall(low)))
    first = _YEAR.search(low)
    if len(years) != 1 or first is None or _last_cue(low[:first.start()]) is not None:
        return None
    return years[0]


def stamp_month(published: str | None) -> str | None:
    """An article date as an undated meeting's date: year and month only, since a page's
    stamp alone never gives the event's day ('2024-05-31' -> '2024-05')."""
    return published[:7] if published else None


def period_year(later: str) -> int | None:
    """The year of the first reporting period in the text after a date ('6 tháng đầu năm
    2021', 'quý II năm 2021'): the meeting reports on it, so it is held that year."""
    low = fold(later)
    for m in lx.year_cues("period").finditer(low):
        y = re.match(r"\s*((?:19|20)\d{2})(?!\d)", low[m.end():])
        if y:
            return int(y.group(1))
    return None


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
    out = []
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
