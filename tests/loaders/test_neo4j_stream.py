"""The Neo4j exports' rows read in bounded memory (loaders.neo4j_stream) are the rows the
Bolt loader merges in memory (neo4j_rows.Rows), in key order, whatever the size of the
sorted runs; and the CSV and Cypher exports are the same bytes however often they are
written."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from vnkg.graph.model import Fragment
from vnkg.loaders import neo4j_stream, shares
from vnkg.loaders.export import export_graph
from vnkg.loaders.neo4j_rows import Rows, fragment_rows
from vnkg.loaders.neo4j_stream import sorted_rows
from vnkg.loaders.oxigraph_store import OxigraphStore


def _in_memory(store: OxigraphStore) -> Rows:
    return Rows.of([fragment_rows(store.read_fragment(a)) for a in store.articles()])


@pytest.mark.parametrize("run", [neo4j_stream.RUN, 40])
def test_streamed_rows_are_the_rows_merged_in_memory(
        articles_store: Path, run: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(neo4j_stream, "RUN", run)  # small runs: many, merged in passes
    monkeypatch.setattr(neo4j_stream, "FAN_IN", 3)
    with OxigraphStore(articles_store) as store:
        whole = _in_memory(store)
        with sorted_rows(store) as rows:
            nodes = [((label, r["id"]), r) for label, r in rows.nodes()]
            edges = [((*group, r["source"], r["target"]), r) for group, r in rows.edges()]
            loads = list(rows.loads())
            assert [k for k, _ in nodes] == sorted(k for k, _ in nodes)
            assert [k for k, _ in edges] == sorted(k for k, _ in edges)
            assert len(nodes) > 100 and len(edges) > 100
    assert dict(nodes) == {(label, key): r for label, by_id in whole.nodes.items()
                           for key, r in by_id.items()}
    assert dict(edges) == {(*group, *ends): r for group, by_ends in whole.edges.items()
                           for ends, r in by_ends.items()}
    assert loads == whole.loads


def _digest(path: Path) -> dict[str, Any]:
    files = sorted(path.iterdir()) if path.is_dir() else [path]
    return {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in files}


@pytest.mark.parametrize("fmt", ["csv", "cypher"])
def test_the_neo4j_exports_are_the_same_bytes_every_time(
        articles_store: Path, fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with OxigraphStore(articles_store) as store:
        export_graph(store, fmt, tmp_path / "one")
        monkeypatch.setattr(neo4j_stream, "RUN", 25)
        export_graph(store, fmt, tmp_path / "two")
    assert _digest(tmp_path / "one")
    assert list(_digest(tmp_path / "one").values()) == list(_digest(tmp_path / "two").values())


@pytest.mark.parametrize("fmt", ["csv", "cypher"])
def test_the_neo4j_exports_read_on_two_processes_are_the_bytes_of_one(
        articles_store: Path, fmt: str, tmp_path: Path,
        processes_run: Callable[[ModuleType], list[int]]) -> None:
    shared = processes_run(neo4j_stream)
    with OxigraphStore(articles_store) as store:
        export_graph(store, fmt, tmp_path / "one", jobs=1)
        export_graph(store, fmt, tmp_path / "two", jobs=2)
    assert shared == [2]  # the second export was read by two spawned processes
    assert list(_digest(tmp_path / "one").values()) == list(_digest(tmp_path / "two").values())


def test_a_store_in_memory_is_read_in_this_process(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shares, "SHARE", 1)
    with OxigraphStore(None) as store:
        store.write_fragments([Fragment(a, "2024-05") for a in ("a1", "a2", "a3")])
        with store.reader() as reader:
            assert reader is None
        with sorted_rows(store, jobs=2) as rows:
            assert [r["article"] for r in rows.loads()] == ["a1", "a2", "a3"]
