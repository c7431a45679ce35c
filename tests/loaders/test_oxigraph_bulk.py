"""New articles go in through Oxigraph's bulk loader; a crash in the middle is undone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat

from vnkg.graph.model import Fragment
from vnkg.graph.rdf import graph_iri, to_ntriples
from vnkg.loaders import oxigraph_store
from vnkg.loaders.oxigraph_bulk import PENDING, holds_graph
from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.loaders.rdf_updates import nquads as _nquads

EVERYTHING = "SELECT ?g ?s ?p ?o WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } }"


def dump(rdf: OxigraphStore) -> set[tuple[object, ...]]:
    return {tuple(row.values()) for row in rdf.select(EVERYTHING)}


def test_bulk_write_interrupted_before_its_stamps_is_undone_on_open(
        tmp_path: Path, sample_fragment: Callable[..., Fragment], union_gap: str) -> None:
    other = sample_fragment("a2", name="Lò Văn Khác")
    with OxigraphStore(tmp_path / "s") as rdf:
        rdf.write_fragments([sample_fragment("a1")])
        before = dump(rdf)
        store = rdf.oxigraph
        g = f"<{graph_iri('a2')}>"
        # the first two steps of a bulk write; the process dies before the third
        store.update(f"INSERT DATA {{ GRAPH <{PENDING}> {{ {g} <{PENDING}> true . }} }}")
        store.bulk_load(_nquads(to_ntriples(other), g).encode(),
                        format=RdfFormat.N_QUADS)
        assert dump(rdf) != before
        del store  # the store's lock goes with its last reference
    with OxigraphStore(tmp_path / "s") as rdf:
        assert dump(rdf) == before
        assert rdf.articles() == ["a1"]
        assert rdf.write_fragments([other]).written == ["a2"]
        assert rdf.read_fragment("a2") == other
        assert int(rdf.select(union_gap)[0]["n"]) == 0


def test_a_batch_of_new_articles_leaves_no_mark(tmp_path: Path,
                                                sample_fragment: Callable[..., Fragment]) -> None:
    with OxigraphStore(tmp_path / "s") as rdf:
        rdf.write_fragments([sample_fragment(f"a{i}") for i in range(5)])
        marks = rdf.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{PENDING}> {{ ?s ?p ?o }} }}")
        assert marks[0]["n"] == 0
        assert all(rdf.digest(f"a{i}") for i in range(5))


def union_holds(rdf: OxigraphStore, name: str) -> bool:
    rows = rdf.select("SELECT ?n WHERE { ?p <https://schema.org/name> ?n }")
    return name in {str(row["n"]) for row in rows}


def test_a_statement_the_union_lost_is_written_to_it_again(
        tmp_path: Path, sample_fragment: Callable[..., Fragment], union_gap: str) -> None:
    # a2 names the same person as a1, whose statements the bulk path has just written to
    # the union; then a1 is replaced without them, so the union loses them, and a2 (new)
    # must put them back rather than trust what the bulk path remembers writing
    with OxigraphStore(tmp_path / "s") as rdf:
        rdf.write_fragments([sample_fragment("a1")])
        rdf.write_fragments([sample_fragment("a1", name="Lò Văn Khác")])
        assert not union_holds(rdf, "Hoàng Văn Thạch")
        assert rdf.write_fragments([sample_fragment("a2")]).written == ["a2"]
        assert union_holds(rdf, "Hoàng Văn Thạch")
        assert int(rdf.select(union_gap)[0]["n"]) == 0


def test_a_store_that_at_least_doubled_by_bulk_writes_is_compacted_on_close(
        tmp_path: Path, sample_fragment: Callable[..., Fragment],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(oxigraph_store, "COMPACT_FROM", 3)
    with OxigraphStore(tmp_path / "s") as rdf:  # two batches of two: four new graphs
        rdf.write_fragments([sample_fragment(f"a{i}") for i in range(2)])
        rdf.write_fragments([sample_fragment(f"a{i}") for i in range(2, 4)])
        before = dump(rdf)
    assert rdf.compacted
    with OxigraphStore(tmp_path / "s") as rdf:  # three onto four: it did not double
        assert dump(rdf) == before
        rdf.write_fragments([sample_fragment(f"a{i}") for i in range(4, 7)])
    assert not rdf.compacted
    with OxigraphStore(tmp_path / "s") as rdf:
        rdf.write_fragments([sample_fragment(f"a{i}") for i in range(7, 9)])
    assert not rdf.compacted  # under COMPACT_FROM
    with OxigraphStore(tmp_path / "s") as rdf:
        assert rdf.articles() == [f"a{i}" for i in range(9)]


def test_a_build_that_fails_closes_the_store_without_compacting_it(
        tmp_path: Path, sample_fragment: Callable[..., Fragment],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(oxigraph_store, "COMPACT_FROM", 3)
    with pytest.raises(KeyboardInterrupt), OxigraphStore(tmp_path / "s") as rdf:
        rdf.write_fragments([sample_fragment(f"a{i}") for i in range(4)])
        raise KeyboardInterrupt  # the user stops the build: it should stop at once
    assert not rdf.compacted
    with OxigraphStore(tmp_path / "s") as rdf:
        assert rdf.articles() == [f"a{i}" for i in range(4)]


def test_a_graph_is_held_while_it_has_quads_whatever_its_name_says() -> None:
    """The graph's name is asked first; a graph whose quads were all deleted keeps its name
    in Oxigraph, and is not held."""
    from pyoxigraph import NamedNode, Store

    store, g = Store(), "https://example.org/g"
    assert not holds_graph(store, g)
    store.update(f"INSERT DATA {{ GRAPH <{g}> {{ <urn:s> <urn:p> 'Hòa' }} }}")
    assert holds_graph(store, g)
    store.update(f"DELETE DATA {{ GRAPH <{g}> {{ <urn:s> <urn:p> 'Hòa' }} }}")
    assert store.contains_named_graph(NamedNode(g))
    assert not holds_graph(store, g)
