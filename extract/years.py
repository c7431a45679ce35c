"""The year rules a careful reader applies to a meeting whose date has no year
(spec/gold.md, meetings): an anniversary range's later year, a congress's (or first
session's) first term year, a final review of a period in its last year, 'sơ kết N năm thực
hiện' a document of year Y in Y+N, a November/December meeting planning year X+1 in X, a
January/February review of X in X+1, else the one year of the sentence; and a reporting
period in the next sentences. The cue words are in lexicons/year_cues.tsv.
"""

from __future__ import annotations

import re

from vnkg.extraction.lexicon import lexicon
from vnkg.extraction.text import fold

_YEAR = re.compile(r"(?<![\d/.-])(?:19|20)\d{2}(?![\d/])")
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
    cued = lexicon().year_cues("anniversary").search(low) is not None
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
    return int(term.group(1)) if term and lexicon().year_cues("term").search(low) else None


def _period_review(low: str) -> int | None:
    """A final review of 'giai đoạn Y0 - Y1' ('tổng kết', 'Đại hội thi đua') is held in Y1."""
    period = _PERIOD.search(low)
    if period and lexicon().year_cues("period_review").search(low, 0, period.start()):
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
        for m in lexicon().year_cues(kind).finditer(before):
            if m.start() > best:
                best, use = m.start(), kind
    return use


def _cued(low: str, *uses: str) -> bool:
    return any(lexicon().year_cues(u).search(low) for u in uses)


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


def period_year(later: str) -> int | None:
    """The year of the first reporting period in the text after a date ('6 tháng đầu năm
    2021', 'quý II năm 2021'): the meeting reports on it, so it is held that year."""
    low = fold(later)
    for m in lexicon().year_cues("period").finditer(low):
        y = re.match(r"\s*((?:19|20)\d{2})(?!\d)", low[m.end():])
        if y:
            return int(y.group(1))
    return None
