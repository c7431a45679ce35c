"""One contract, run against every RDF store: the embedded Oxigraph on disk and a remote
SPARQL 1.1 server. Named graphs per article, idempotent loads, replacement, bound queries."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from loaders.rdf import RdfStore
from loaders.sparql_store import SparqlStore
from queries.run import run_named
from tests.graph.test_rdf import HOSTILE, sample_fragment


@pytest.fixture(params=["embedded", "remote"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RdfStore]:
    if request.param == "embedded":
        rdf = RdfStore(tmp_path / "store")
    else:
        rdf = SparqlStore(request.getfixturevalue("sparql_server"))
        rdf.update("DROP SILENT ALL")
    with rdf:
        yield rdf


def test_second_write_changes_nothing(store: RdfStore) -> None:
    first = store.write_fragments([sample_fragment("a1"), sample_fragment("a2")])
    before = store.count()
    second = store.write_fragments([sample_fragment("a1"), sample_fragment("a2")])
    assert first.written == ["a1", "a2"] and second.unchanged == ["a1", "a2"]
    assert store.count() == before
    assert store.articles() == ["a1", "a2"]


def test_changed_article_replaces_only_its_own_statements(store: RdfStore) -> None:
    store.write_fragments([sample_fragment("a1"), sample_fragment("a2")])
    changed = sample_fragment("a1")
    del changed.edges[("person/p1", "SPOKE_AT", "meeting/m1")]
    assert store.write_fragments([changed]).written == ["a1"]
    assert store.read_fragment("a1") == changed
    assert store.read_fragment("a2") == sample_fragment("a2")
    graph = store.read_graph()
    assert graph.sources_of(graph.edges[("person/p1", "SPOKE_AT", "meeting/m1")]) == ["a2"]
    assert graph.sources_of(graph.nodes["person/p1"]) == ["a1", "a2"]


UNION_GAP = """SELECT (COUNT(*) AS ?n) WHERE {
  { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }
  UNION { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } } }"""


def test_default_graph_is_the_union_after_every_write(store: RdfStore) -> None:
    def gap() -> int:
        return int(store.query(UNION_GAP)[0]["n"])

    store.write_fragments([sample_fragment("a1"), sample_fragment("a2"), sample_fragment("a3")])
    assert gap() == 0 and len(store.query("SELECT * WHERE { ?s ?p ?o }")) > 0
    new = "Hoàng Văn Thạch Mới"  # a1 and a2 change in one batch; a3 keeps the old name
    store.write_fragments([sample_fragment("a1", name=new), sample_fragment("a2", name=new),
                           sample_fragment("a4", name=new)])
    assert gap() == 0
    names = store.query("PREFIX schema: <https://schema.org/> SELECT ?n WHERE { "
                        "<https://vnkg.dev/id/person/p1> schema:name ?n }")
    assert sorted(r["n"] for r in names) == ["Hoàng Văn Thạch", "Hoàng Văn Thạch Mới"]
    store.delete_article("a3")
    assert gap() == 0
    assert [r["n"] for r in store.query("PREFIX schema: <https://schema.org/> SELECT ?n "
                                        "WHERE { <https://vnkg.dev/id/person/p1> schema:name "
                                        "?n }")] == ["Hoàng Văn Thạch Mới"]
    for article in store.articles():
        store.delete_article(article)
    assert store.query("SELECT * WHERE { ?s ?p ?o }") == []


def test_named_query_binds_hostile_parameters(store: RdfStore) -> None:
    store.write_fragments([sample_fragment("a1", name=HOSTILE)])
    before = store.count()
    rows = run_named(store, "chairs", {"person": HOSTILE})
    assert [r["person_name"] for r in rows] == [HOSTILE]
    assert run_named(store, "chairs", {"person": '" } ; DROP ALL ; #'}) == []
    assert run_named(store, "chairs", {"person": "person/p1", "from": "2024-01-01"}) == rows
    assert run_named(store, "chairs", {"to": "2023-12-31"}) == []
    assert run_named(store, "chairs", {"person": ""}) == run_named(store, "chairs") == rows
    assert store.count() == before


def test_embedded_store_persists_and_locks(tmp_path: Path) -> None:
    with RdfStore(tmp_path / "s") as rdf:
        rdf.write_fragments([sample_fragment("a1")])
    with RdfStore(tmp_path / "s") as rdf:
        assert rdf.read_fragment("a1") == sample_fragment("a1")


def test_store_written_before_the_union_was_kept_is_filled_on_open(tmp_path: Path) -> None:
    with RdfStore(tmp_path / "s") as rdf:
        rdf.write_fragments([sample_fragment("a1")])
        rdf.update("CLEAR DEFAULT")
        assert rdf.query("SELECT * WHERE { ?s ?p ?o }") == []
    with RdfStore(tmp_path / "s") as rdf:
        assert int(rdf.query(UNION_GAP)[0]["n"]) == 0
        assert [r["person_name"] for r in run_named(rdf, "chairs")] == ["Hoàng Văn Thạch"]
