"""Shards as files: named from their articles, read back by `vnkg load` like any records
file, a bad line reported with the shard and line it is on."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from vnkg.extraction.document import Document
from vnkg.extraction.read import Problem
from vnkg.graph.overrides import read_overrides
from vnkg.graph.records import record_fragments
from vnkg.graph.shards import extract_shards, partitions, shard_name

DOCS = [Document(id=f"t{i}", text=f"Sáng 9/10, đồng chí Lò Văn Khiêm số {i} dự hội nghị.")
        for i in range(5)]


def test_a_shard_is_named_from_its_articles_ids_and_texts() -> None:
    assert shard_name(DOCS[:2]) == shard_name(list(DOCS[:2]))
    assert shard_name(DOCS[:2]) != shard_name(DOCS[1:3])
    edited = [DOCS[0], Document(id="t1", text="Chiều 9/10, ...")]
    assert shard_name(edited) != shard_name(DOCS[:2])


def test_partitions_keep_the_order() -> None:
    assert [[d.id for d in p] for p in partitions(DOCS, 2)] == [["t0", "t1"], ["t2", "t3"],
                                                                 ["t4"]]
    with pytest.raises(ValueError, match="`partition`"):
        next(partitions(DOCS, 0))


def test_a_folder_of_shards_loads_and_a_bad_line_names_its_shard(tmp_path: Path) -> None:
    report = extract_shards(DOCS, tmp_path, size=2)
    assert len(report.written) == 3 and report.documents == 5
    bad = report.written[0]
    lines = gzip.decompress(bad.read_bytes()).splitlines(keepends=True)
    bad.write_bytes(gzip.compress(lines[0] + b"{not json\n"))
    problems: list[Problem] = []
    fragments = list(record_fragments(tmp_path, problems, read_overrides(None)))
    assert len(fragments) == 4
    assert [(p.path, p.line) for p in problems] == [(str(bad), 2)]


def test_a_folder_without_records_is_an_error_saying_so(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no records in the folder"):
        list(record_fragments(tmp_path, [], read_overrides(None)))
