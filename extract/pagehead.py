"""The head of a page: its headline and its publication date, read from the lines above the
body text (a ` date 2024-04` header, a weekday date line, 'Đăng ngày …', a site banner)."""

from __future__ import annotations

import re

from vnkg.extraction.dates import page_stamp

_HEADER_DATE = re.compile(r"^\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)\b")
_SEGMENT_SEP = re.compile(r"\n| \| ")
_FULL_STOP = re.compile(r"[.…](?:\s|$)")


def published_date(text: str) -> str | None:
    """The publication date stated at the top of a page: a ` date 2024-04` header line, else
    the last date stamp of the page's head (a line or ` | `-separated segment that is only a
    date, a weekday and a date, 'Đăng ngày …', or a date glued to the first word), so that a
    site's current-date banner above the headline gives way to the article's own date line.

    >>> published_date(" date 2024-04 Quang cảnh hội nghị")
    '2024-04'
    >>> published_date("Tin địa phương | 03/01/2024 | Sáng 3/1, ...")
    '2024-01-03'
    """
    head = _HEADER_DATE.match(text)
    if head:
        return head.group(1)
    stamps = [day for _, day in _head_stamps(_head_segments(text))]
    return stamps[-1] if stamps else None


def headline(text: str) -> str | None:
    """A plain-text article's headline: the line just above its date line, else its first
    line when that reads as a headline (a few words, no closing stop, no date header).

    >>> headline("Hội nghị tổng kết công tác quân sự năm 2023\\n\\nSáng 9/12, …")
    'Hội nghị tổng kết công tác quân sự năm 2023'
    """
    segments = _head_segments(text)
    stamps = _head_stamps(segments)
    if stamps:
        before = [seg for seg in segments[:stamps[-1][0]] if seg.strip()]
        if before and _headline_like(before[-1]):
            return before[-1].strip()
    first = next((seg for seg in segments if seg.strip()), "")
    return first.strip() if _headline_like(first) and page_stamp(first) is None else None


def _head_segments(text: str) -> list[str]:
    """The lines (and ` | ` segments) of a page's head, up to its first line of body text."""
    out = []
    for segment in _SEGMENT_SEP.split(text[:1500])[:16]:
        out.append(segment)
        if len(segment.split()) >= 12 and _FULL_STOP.search(segment):
            break  # a sentence of body text (a long headline has no full stop)
    return out


def _head_stamps(segments: list[str]) -> list[tuple[int, str]]:
    """(segment index, ISO day) of the date stamps among a page's head segments."""
    out = []
    for i, segment in enumerate(segments):
        day = page_stamp(segment) if i == 0 or len(segment) <= 80 else None
        if day:
            out.append((i, day))
    return out


def _headline_like(line: str) -> bool:
    words = line.split()
    return (4 <= len(words) <= 40 and not line.rstrip().endswith((".", "!", "?", ":", ";"))
            and not _HEADER_DATE.match(line))
