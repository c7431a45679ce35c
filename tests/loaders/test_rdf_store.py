"""The embedded store: one named graph per article, idempotent loads, replacement, queries."""

from __future__ import annotations

from pathlib import Path

from loaders.rdf import RdfStore, run_named
from tests.graph.test_rdf import HOSTILE, sample_fragment


def test_second_write_changes_nothing(tmp_path: Path) -> None:
    with RdfStore(tmp_path / "s") as store:
        first = store.write_fragments([sample_fragment("a1"), sample_fragment("a2")])
        before = store.count()
        second = store.write_fragments([sample_fragment("a1"), sample_fragment("a2")])
        assert first.written == ["a1", "a2"] and second.unchanged == ["a1", "a2"]
        assert store.count() == before
        assert store.articles() == ["a1", "a2"]


def test_changed_article_replaces_only_its_own_statements(tmp_path: Path) -> None:
    with RdfStore(tmp_path / "s") as store:
        store.write_fragments([sample_fragment("a1"), sample_fragment("a2")])
        changed = sample_fragment("a1")
        del changed.edges[("person/p1", "SPOKE_AT", "meeting/m1")]
        store.write_fragments([changed])
        assert store.read_fragment("a1") == changed
        assert store.read_fragment("a2") == sample_fragment("a2")
        graph = store.read_graph()
        assert graph.sources_of(graph.edges[("person/p1", "SPOKE_AT", "meeting/m1")]) == ["a2"]
        assert graph.sources_of(graph.nodes["person/p1"]) == ["a1", "a2"]


def test_store_persists_on_disk(tmp_path: Path) -> None:
    with RdfStore(tmp_path / "s") as store:
        store.write_fragments([sample_fragment("a1")])
    with RdfStore(tmp_path / "s") as store:
        assert store.read_fragment("a1") == sample_fragment("a1")


def test_named_query_binds_hostile_parameters(tmp_path: Path) -> None:
    with RdfStore(tmp_path / "s") as store:
        store.write_fragments([sample_fragment("a1", name=HOSTILE)])
        rows = run_named(store, "chairs", {"person": HOSTILE})
        assert [r["person_name"] for r in rows] == [HOSTILE]
        assert run_named(store, "chairs", {"person": '" } ; DROP ALL ; #'}) == []
        assert store.count() > 0
