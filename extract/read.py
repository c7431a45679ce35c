"""Read articles from .txt, .html and .jsonl files and folders of them, as Documents.

Text is NFC-normalised here, once; every offset downstream indexes that text. A broken file
or line is reported as a `Problem` and skipped; the other inputs still load.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vnkg.extraction import keys
from vnkg.extraction.decode import DecodeError, decode_bytes
from vnkg.extraction.document import Document
from vnkg.extraction.html import Page, html_to_text
from vnkg.extraction.pagehead import headline, published_date

__all__ = ["Problem", "headline", "jsonl_line", "nfc", "published_date", "read_documents"]

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
_SURROGATE = re.compile(r"[\ud800-\udfff]")  # a lone surrogate, which is not text
# every other space character, made a plain space one for one (a regex: str.translate is slow
# on non-ASCII text, and this runs over every article)
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
MAX_BYTES = 20 * 1024 * 1024  # a news article is a few kB; a bigger file is rarely one



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
    paths: Iterable[str | Path], problems: list[Problem] | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Document]:
    """Yield the documents in `paths` (files or folders, walked in sorted order).

    Problems are appended to `problems` when given, else raised as ValueError. Files over
    `max_bytes`, binary or empty files, undecodable bytes and a second document with an id
    already read (and other text) are problems; symlinked folders are followed once.
    """
    seen: dict[str, str] = {}
    for item in _walk(paths):
        if isinstance(item, Problem):
            _report(problems, item)
            continue
        try:
            for doc in _read_file(item, problems, max_bytes):
                if _first(doc, seen, problems):
                    yield doc
        except _Unreadable as err:
            _report(problems, Problem(str(item), err.line, str(err)))
        except (OSError, UnicodeError, ValueError) as err:
            if problems is None and isinstance(err, ValueError):
                raise  # already says where and why
            _report(problems, Problem(str(item), None, f"cannot read: {err}; check the file"))


def count_documents(paths: Iterable[str | Path]) -> int:
    """How many documents `paths` hold, counted without reading them: a .jsonl file's
    non-blank lines, one for any other article file. A progress bar's total.

    >>> count_documents([])
    0
    """
    total = 0
    for item in _walk(paths):
        if isinstance(item, Path):
            total += _lines(item) if item.suffix.lower() == ".jsonl" else 1
    return total


def _lines(path: Path) -> int:
    try:
        with open(path, "rb") as lines:
            return sum(1 for line in lines if line.strip())
    except OSError:
        return 0


def _first(doc: Document, seen: dict[str, str], problems: list[Problem] | None) -> bool:
    """True for the first document with its id; a later one with other text is a problem."""
    digest = hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()
    if doc.id not in seen:
        seen[doc.id] = digest
        return True
    if seen[doc.id] == digest:
        return False  # the same article given twice: nothing is lost by skipping it
    _report(problems, Problem(doc.path or doc.id, None,
                              f"duplicate id {doc.id!r} with other text (the first one is kept); "
                              "give each article its own id"))
    return False


def _walk(paths: Iterable[str | Path]) -> Iterator[Path | Problem]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk_folder(path)
        elif not path.exists() and not path.is_symlink():
            yield Problem(str(path), None, "no such file or folder; check the path")
        else:
            yield path


def _is_store(names: list[str]) -> bool:
    """A folder holding an embedded store's files: RocksDB's CURRENT and a MANIFEST-* or
    OPTIONS-* (a store's backup, `pyoxigraph.Store.backup`, has no IDENTITY until opened)."""
    return "CURRENT" in names and any(n.startswith(("MANIFEST-", "OPTIONS-")) for n in names)


def _walk_folder(root: Path) -> Iterator[Path | Problem]:
    """Article files under `root`, sorted; symlinked folders followed once (loops cut);
    hidden folders and store folders are not articles and are passed over."""
    visited: set[tuple[int, int]] = set()
    files: list[Path] = []
    others: list[Path] = []  # files of other types: reported, not read
    errors: list[OSError] = []
    for folder, dirs, names in os.walk(root, followlinks=True, onerror=errors.append):
        st = os.stat(folder)
        if (st.st_dev, st.st_ino) in visited:
            dirs[:] = []
            continue
        visited.add((st.st_dev, st.st_ino))
        if _is_store(names):  # 'vnkg build .' beside its own store: no articles in there
            dirs[:] = []
            continue
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files += [Path(folder, n) for n in names if Path(n).suffix.lower() in SUFFIXES]
        others += [Path(folder, n) for n in names
                   if Path(n).suffix.lower() not in SUFFIXES and not n.startswith(".")]
    for err in errors:
        yield Problem(str(err.filename or root), None,
                      f"cannot list the folder ({err.strerror}); check its permissions")
    for other in sorted(others):  # listed, so a folder of PDFs does not load "nothing" silently
        yield Problem(str(other), None, f"unsupported file type {other.suffix or '(none)'!r}: "
                      f"vnkg reads {', '.join(SUFFIXES)}; save it as text or HTML to include it")
    real: set[Path] = set()
    for child in sorted(files):
        try:
            target = child.resolve(strict=True)
        except (OSError, RuntimeError) as err:
            yield Problem(str(child), None, f"cannot follow the link ({err}); fix or remove it")
            continue
        if target not in real:
            real.add(target)
            yield child


def _read_file(path: Path, problems: list[Problem] | None, max_bytes: int
               ) -> Iterator[Document]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(f"unsupported file type {suffix!r}; expected one of {SUFFIXES}")
    data = _read_bytes(path, max_bytes)
    if suffix == ".jsonl":
        yield from _read_jsonl(path, data, problems)
        return
    try:
        raw = decode_bytes(data).text
    except DecodeError as err:
        raise _unreadable(data, err) from err
    if suffix in (".html", ".htm"):
        page = _html(raw)
        text = nfc(page.text)
        published = page.published or published_date(text)
        doc = Document(path.stem, text, str(path), None, page.title, published)
    else:
        text = nfc(raw)
        doc = Document(path.stem, text, str(path), None, headline(text), published_date(text))
    if not text.strip():
        raise _Unreadable("no article text in the file; remove it or fill it in")
    yield doc


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing what is not a regular file, empty, or over `max_bytes`."""
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):
        raise _Unreadable("not a regular file (a folder, pipe or device); pass article files")
    if st.st_size == 0:
        raise _Unreadable("empty file; remove it or fill it in")
    if st.st_size > max_bytes:
        raise _Unreadable(f"{st.st_size} bytes, over the limit of {max_bytes}; split the file "
                         "or raise the limit (max_bytes)")
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _Unreadable(f"over the limit of {max_bytes} bytes; split the file or raise it")
    return data


def _html(raw: str) -> Page:
    try:
        return html_to_text(raw)
    except AssertionError:
        # html.parser asserts on marked sections it does not know (`<![if ...]>`): read
        # them as text rather than lose the page
        return html_to_text(raw.replace("<![", "&lt;!["))


class _Unreadable(ValueError):
    """A file that cannot be read, and the line where that shows (when known)."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.line = line


def _unreadable(data: bytes, err: DecodeError) -> _Unreadable:
    if err.offset is None:
        return _Unreadable(err.reason)
    return _Unreadable(err.reason, data.count(b"\n", 0, err.offset) + 1)


def _read_jsonl(path: Path, data: bytes, problems: list[Problem] | None
                ) -> Iterator[Document]:
    lines = _jsonl_lines(data)
    for number, (offset, chunk) in enumerate(lines, 1):
        try:
            line = decode_bytes(chunk).text if isinstance(chunk, bytes) else chunk
        except DecodeError as err:
            at = "" if err.offset is None else f" (byte offset {offset + err.offset})"
            _report(problems, Problem(str(path), number, f"{err.reason}{at}"))
            continue
        if not line.strip():
            continue
        doc = _jsonl_row(path, number, line, problems)
        if doc is not None:
            yield doc


def _jsonl_lines(data: bytes) -> list[tuple[int, bytes | str]]:
    """The lines of a JSON Lines file with their byte offsets; UTF-16/32 decoded whole."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return [(0, line) for line in decode_bytes(data).text.split("\n")]
    nul = data.find(b"\0")
    if nul >= 0:
        raise _Unreadable(f"binary file (NUL byte at byte offset {nul}); pass only JSON Lines "
                          "of articles", data.count(b"\n", 0, nul) + 1)
    data = data.removeprefix(codecs.BOM_UTF8)
    out: list[tuple[int, bytes | str]] = []
    offset = 0
    for chunk in data.split(b"\n"):
        out.append((offset, chunk))
        offset += len(chunk) + 1
    return out


def jsonl_line(path: Path, number: int, raw: bytes) -> Document | None:
    """Line `number` (its bytes) of the JSON Lines file `path` as the document the reader
    makes of it, id and text alike; None where the reader skips or reports the line.

    >>> jsonl_line(Path("a.jsonl"), 3, '{"text": "Sáng 9/10"}\\n'.encode()).id
    'a-3'
    """
    raw = raw.rstrip(b"\n")
    try:
        line = decode_bytes(raw.removeprefix(codecs.BOM_UTF8) if number == 1 else raw).text
    except DecodeError:
        return None
    return _jsonl_row(path, number, line, []) if line.strip() else None


def jsonl_line_id(path: Path, number: int, raw: bytes) -> str | None:
    """The id of the document `jsonl_line` makes of line `number` (its bytes), None where
    it makes none, without making it (no NFC, no date: an index of a file's lines is made
    many times faster).

    >>> jsonl_line_id(Path("a.jsonl"), 3, b'{"text": "S\\u00e1ng 9/10"}'), jsonl_line_id(
    ...     Path("a.jsonl"), 4, b'{"id": "x", "text": " "}')
    ('a-3', None)
    """
    raw = raw.rstrip(b"\n")
    try:
        line = decode_bytes(raw.removeprefix(codecs.BOM_UTF8) if number == 1 else raw).text
    except DecodeError:
        return None
    row = _jsonl_valid(path, number, line, []) if line.strip() else None
    return None if row is None else _jsonl_id(path, number, row)


def _jsonl_valid(path: Path, number: int, line: str, problems: list[Problem] | None
                 ) -> dict[str, Any] | None:
    """The line's JSON object when it makes a document, else None (its problem reported)."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as err:
        _report(problems, Problem(str(path), number, f"not JSON ({err.msg}); fix the line"))
        return None
    if not isinstance(row, dict) or not isinstance(row.get("text"), str):
        _report(problems, Problem(str(path), number, "no 'text' string; add one"))
        return None
    if not row["text"].strip():
        _report(problems, Problem(str(path), number, "empty 'text'; add the article text"))
        return None
    if _SURROGATE.search(json.dumps(row, ensure_ascii=False)):
        _report(problems, Problem(str(path), number, "a lone surrogate escape (\\udXXX) is "
                                  "not text; fix the line"))
        return None
    return row


def _jsonl_id(path: Path, number: int, row: dict[str, Any]) -> str:
    return str(row.get("id") or f"{path.stem}-{number}")


def _jsonl_row(path: Path, number: int, line: str, problems: list[Problem] | None
               ) -> Document | None:
    row = _jsonl_valid(path, number, line, problems)
    if row is None:
        return None
    text = nfc(row["text"])
    doc_id = _jsonl_id(path, number, row)
    published = _iso(row.get("published")) or published_date(text)
    return Document(doc_id, text, str(path), _opt(row.get("url")), _opt(row.get("title")),
                    published)


def nfc(text: str) -> str:
    """NFC-normalise, drop a byte-order mark, and make every other space character (no-break
    space from `&nbsp;`, thin spaces...) a plain space, one for one: the text every offset
    indexes, where a name split by a no-break space still reads as one name.

    >>> nfc("\ufeffLo\u0300 Văn\u00a0Khiêm")
    'Lò Văn Khiêm'
    """
    return _SPACES.sub(" ", keys.nfc(text).lstrip("\ufeff"))


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
