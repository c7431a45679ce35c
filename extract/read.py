"""Read articles from .txt, .html and .jsonl files and folders of them, as Documents.

Text is NFC-normalised here, once; every offset downstream indexes that text. A broken file
or line is reported as a `Problem` and skipped; the other inputs still load.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from extract.document import Document
from extract.html import html_to_text

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")

_HEADER_DATE = re.compile(r"^\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)\b")
_PAGE_DATE = re.compile(
    r"^[\s\W]*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"
    r"(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?(?:\s*GMT\s*[+-]\s*\d+)?[\s\W]*$"
)


@dataclass(frozen=True)
class Problem:
    """One input that could not be read: where, and why (and so what to do)."""

    path: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"


def read_documents(
    paths: Iterable[str | Path], problems: list[Problem] | None = None
) -> Iterator[Document]:
    """Yield the documents in `paths` (files or folders, walked in sorted order).

    Problems are appended to `problems` when given, else raised as ValueError.

    >>> docs = list(read_documents(["examples/articles"]))  # doctest: +SKIP
    """
    for path in _walk(paths):
        try:
            yield from _read_file(path, problems)
        except (OSError, UnicodeDecodeError, ValueError) as err:
            _report(problems, Problem(str(path), None, f"cannot read: {err}"))


def _walk(paths: Iterable[str | Path]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            seen: set[Path] = set()
            for child in sorted(path.rglob("*")):
                real = child.resolve()
                if child.is_file() and child.suffix.lower() in SUFFIXES and real not in seen:
                    seen.add(real)
                    yield child
        else:
            yield path


def _read_file(path: Path, problems: list[Problem] | None) -> Iterator[Document]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(path, problems)
        return
    raw = path.read_text(encoding="utf-8-sig")
    if suffix in (".html", ".htm"):
        page = html_to_text(raw)
        text = nfc(page.text)
        published = page.published or published_date(text)
        yield Document(path.stem, text, str(path), None, page.title, published)
    elif suffix == ".txt":
        text = nfc(raw)
        yield Document(path.stem, text, str(path), None, None, published_date(text))
    else:
        raise ValueError(f"unsupported file type {suffix!r}; expected one of {SUFFIXES}")


def _read_jsonl(path: Path, problems: list[Problem] | None) -> Iterator[Document]:
    with path.open(encoding="utf-8-sig") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                _report(problems, Problem(str(path), number, f"not JSON ({err.msg}); fix the line"))
                continue
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                _report(problems, Problem(str(path), number, "no 'text' string; add one"))
                continue
            text = nfc(row["text"])
            doc_id = str(row.get("id") or f"{path.stem}-{number}")
            published = _iso(row.get("published")) or published_date(text)
            yield Document(doc_id, text, str(path), _opt(row.get("url")), _opt(row.get("title")),
                           published)


def nfc(text: str) -> str:
    """NFC-normalise and drop a byte-order mark; the text every offset indexes."""
    return unicodedata.normalize("NFC", text).lstrip("\ufeff")


def published_date(text: str) -> str | None:
    """The publication date stated at the top of a page: a ` date 2024-04` header line, or a
    line (or ` | `-separated segment) that is only a date, such as `13/01/2026 14:41 GMT+7`.

    >>> published_date(" date 2024-04 Quang cảnh hội nghị")
    '2024-04'
    >>> published_date("Tin địa phương | 03/01/2024 | Sáng 3/1, ...")
    '2024-01-03'
    """
    head = _HEADER_DATE.match(text)
    if head:
        return head.group(1)
    for segment in re.split(r"\n| \| ", text[:600])[:12]:
        m = _PAGE_DATE.match(segment)
        if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(1)) <= 31:
            return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    return None


def _iso(value: object) -> str | None:
    if isinstance(value, str):
        m = re.match(r"\d{4}(-\d{2}(-\d{2})?)?", value.strip())
        return m.group(0) if m else None
    return None


def _opt(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _report(problems: list[Problem] | None, problem: Problem) -> None:
    if problems is None:
        raise ValueError(str(problem))
    problems.append(problem)
