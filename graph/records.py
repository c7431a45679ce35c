"""Records as files: JSON Lines written and read, each line read checked against the record's
shape (extract.record_types), and the fragments they resolve to. The seam between an
extractor (vnkg's own, an LLM, a human annotator) and the graph."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from vnkg.extraction.read import Problem
from vnkg.extraction.record_types import record_problems
from vnkg.graph.model import Fragment
from vnkg.graph.overrides import Overrides, apply_overrides
from vnkg.graph.resolve import to_fragment

Record = dict[str, Any]


def write_records(records: Iterable[Record], out: IO[str]) -> int:
    """Write records as JSON Lines; returns how many."""
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def read_records(path: str | Path, problems: list[Problem] | None = None) -> Iterator[Record]:
    """Read records from a JSON Lines file, each checked against the record's shape
    (extract.record_types): a bad line is reported (file, line, the fields at fault and
    what they should be) and skipped; without `problems` it raises ValueError."""
    for _, record in numbered_records(path, problems):
        yield record


def numbered_records(path: str | Path, problems: list[Problem] | None
                     ) -> Iterator[tuple[int, Record]]:
    """The well-formed records of `path` with their line numbers; the others go to
    `problems` (without it: a ValueError)."""
    with open_records(path) as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                report_problem(problems, Problem(str(path), number, f"not JSON ({err.msg}, "
                                                 f"column {err.colno}); fix or remove the line"))
                continue
            faults = record_problems(record)
            if faults:
                said = "; ".join(f"field {field} {what}" for field, what in faults[:3])
                more = f" (and {len(faults) - 3} more)" if len(faults) > 3 else ""
                report_problem(problems, Problem(
                    str(path), number, f"not a vnkg record: {said}{more}; fix the line, or "
                    "extract its article again"))
                continue
            yield number, record


def report_problem(problems: list[Problem] | None, problem: Problem) -> None:
    """Add `problem` to `problems`, or raise it as a ValueError when there is no list."""
    if problems is None:
        raise ValueError(str(problem))
    problems.append(problem)


def open_records(path: str | Path) -> IO[str]:
    """A file of records to read as text: JSON Lines, or gzipped JSON Lines (`.gz`, the
    shards of `vnkg extract --shards`)."""
    if str(path).endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def record_files(path: str | Path) -> list[Path]:
    """The record files `path` names: itself, or the `.jsonl` and `.jsonl.gz` files in the
    folder (and below), sorted; a folder without any is an error saying what it holds."""
    path = Path(path)
    if not path.is_dir():
        return [path]
    found = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
                   and p.name.endswith((".jsonl", ".jsonl.gz")))
    if not found:
        raise FileNotFoundError(f"no records in the folder {path} (.jsonl or .jsonl.gz files); "
                                "name a file of records or a folder of shards")
    return found


def is_records(path: str | Path) -> bool:
    """Whether `path` is a file of records (its first line names a schema), not articles."""
    with open_records(path) as f:
        first = f.readline()
    try:
        return "schema" in json.loads(first)
    except (json.JSONDecodeError, TypeError):
        return False


def record_fragments(path: str | Path, problems: list[Problem], fixes: Overrides
                     ) -> Iterator[Fragment]:
    """The fragments of the records in `path` (a file, or a folder of them: shards); a
    record the resolver cannot read (an id that names nothing, say) is reported and skipped
    like a malformed one."""
    for file in record_files(path):
        yield from _fragments(file, problems, fixes)


def _fragments(path: Path, problems: list[Problem], fixes: Overrides) -> Iterator[Fragment]:
    for number, record in numbered_records(path, problems):
        try:
            fragment = to_fragment(record)
        except (KeyError, TypeError, ValueError, IndexError) as err:
            problems.append(Problem(str(path), number, f"cannot resolve this record ({err!r}); "
                                    "fix the line, or extract its article again"))
            continue
        yield apply_overrides(fragment, fixes)
