"""Sharded records: the articles cut into partitions, each partition's records in one gzipped
JSON Lines file (a shard) named from its inputs, written whole or not at all.

Why: an extraction spread over many processes or machines (graph.cluster) must be resumable
and must give the same records as one process. A shard's name is a hash of its articles' ids
and texts, so the same inputs name the same shards on every run and machine; a shard is
written to a temporary name and renamed, so a file with a shard's name is complete, and a
run finding it skips that partition. The records inside are written exactly as
`vnkg extract` writes them (graph.records.write_records), in input order.

>>> from vnkg.extraction.document import Document
>>> shard_name([Document(id="a1", text="Sáng 9/10, ...")])
'records-fe77e429e2b5127a.jsonl.gz'
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from vnkg import extraction  # its engine loads on first use
from vnkg.extraction.document import Document
from vnkg.graph.records import write_records

SUFFIX = ".jsonl.gz"
PREFIX = "records-"
TEMP = ".tmp"  # a shard being written: `.NAME.tmp`, renamed to NAME once complete
PARTITION = 1000  # articles per shard


@dataclass
class ShardReport:
    """What a sharded extraction did: the shards it wrote, those already there (complete,
    from an earlier run: not redone), the articles read, and the shards in the folder that
    none of these inputs name (from other or older inputs: `vnkg load` of the folder would
    load them too)."""

    folder: Path
    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    documents: int = 0
    stale: list[Path] = field(default_factory=list)


def shard_name(docs: list[Document]) -> str:
    """The shard of these documents: a hash of each one's id and text, in order."""
    digest = hashlib.sha256()
    for doc in docs:
        text = hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()
        digest.update(f"{doc.id}\t{text}\n".encode("utf-8", "surrogatepass"))
    return f"{PREFIX}{digest.hexdigest()[:16]}{SUFFIX}"


def partitions(docs: Iterable[Document], size: int = PARTITION) -> Iterator[list[Document]]:
    """The documents, `size` at a time, in order (the last partition may be smaller)."""
    if size < 1:
        raise ValueError(f"`partition` takes a whole number of 1 or more, not {size!r}")
    it = iter(docs)
    while part := list(islice(it, size)):
        yield part


def shard_bytes(docs: list[Document]) -> bytes:
    """The shard of `docs`: their records as `vnkg extract` writes them, gzipped with no
    timestamp (the same bytes on every run). What a worker computes."""
    text = io.StringIO()
    write_records((extraction.extract_record(doc) for doc in docs), text)
    return gzip.compress(text.getvalue().encode("utf-8"), mtime=0)


def write_shard(folder: Path, name: str, data: bytes) -> Path:
    """Write a shard under a temporary name, then rename it: complete or absent."""
    path = folder / name
    temp = folder / f".{name}{TEMP}"
    with open(temp, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temp, path)
    return path


def shard_files(folder: Path) -> list[Path]:
    """The complete shards in `folder`, sorted by name."""
    return sorted(p for p in folder.glob(f"{PREFIX}*{SUFFIX}") if p.is_file())


def finish(report: ShardReport, names: set[str]) -> ShardReport:
    """After a run: note the shards no input named, and remove temporary files a killed
    run left behind for shards that are now complete."""
    report.written.sort()
    report.stale = [p for p in shard_files(report.folder) if p.name not in names]
    for name in names:
        (report.folder / f".{name}{TEMP}").unlink(missing_ok=True)
    return report


def extract_shards(docs: Iterable[Document], folder: str | Path,
                   size: int = PARTITION) -> ShardReport:
    """Extract `docs` in this process into shards of `size` articles under `folder`,
    skipping the shards already there; the same shards a cluster writes (graph.cluster).

        extract_shards(read_documents(["articles"]), "shards")
    """
    report = ShardReport(Path(folder))
    report.folder.mkdir(parents=True, exist_ok=True)
    names: set[str] = set()
    for name, part in missing_parts(docs, size, report, names):
        report.written.append(write_shard(report.folder, name, shard_bytes(part)))
    return finish(report, names)


def missing_parts(docs: Iterable[Document], size: int, report: ShardReport, names: set[str]
                  ) -> Iterator[tuple[str, list[Document]]]:
    """The partitions of `docs` whose shard is not in the report's folder yet, with their
    shard names; every name goes into `names`, the shards already there into the report."""
    for part in partitions(docs, size):
        name = shard_name(part)
        names.add(name)
        report.documents += len(part)
        if (report.folder / name).exists():
            report.kept.append(report.folder / name)
        else:
            yield name, part
