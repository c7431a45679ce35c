"""Whole-graph exports read back equal to the store: Turtle, N-Quads, CSV, Cypher."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from rdflib import Dataset
from rdflib import Graph as RdfGraph
from rdflib.compare import isomorphic

from vnkg.graph.model import Fragment
from vnkg.loaders.export import cypher_literal, export_graph
from vnkg.loaders.oxigraph_store import OxigraphStore


def _store(tmp_path: Path, sample_fragment: Callable[..., Fragment], hostile: str
           ) -> OxigraphStore:
    store = OxigraphStore(tmp_path / "s")
    store.write_fragments([sample_fragment("a1", name=hostile), sample_fragment("a2")])
    return store


def test_nquads_keep_every_named_graph(tmp_path: Path, sample_fragment: Callable[..., Fragment],
                                       hostile: str) -> None:
    with _store(tmp_path, sample_fragment, hostile) as store:
        [path] = export_graph(store, "nquads", tmp_path / "g.nq")
        back = Dataset()
        back.parse(path, format="nquads")
        for article in ("a1", "a2"):
            from vnkg.graph.rdf import graph_iri

            mine = RdfGraph()
            for *t, g in store.quads():
                if g == graph_iri(article):
                    mine.add(tuple(t))  # type: ignore[arg-type]
            theirs = back.graph(graph_iri(article))
            assert isomorphic(mine, theirs), article


def test_turtle_is_the_union(tmp_path: Path, sample_fragment: Callable[..., Fragment],
                             hostile: str) -> None:
    with _store(tmp_path, sample_fragment, hostile) as store:
        [path] = export_graph(store, "turtle", tmp_path / "g.ttl")
        back = RdfGraph().parse(path, format="turtle")
        union = RdfGraph()
        for t in store.union_triples():
            union.add(t)
        assert isomorphic(back, union)
        [jsonld] = export_graph(store, "jsonld", tmp_path / "g.jsonld")
        assert isomorphic(RdfGraph().parse(jsonld, format="json-ld"), union)


def test_csv_follows_neo4j_admin_headers(tmp_path: Path, sample_fragment: Callable[..., Fragment],
                                         hostile: str) -> None:
    with _store(tmp_path, sample_fragment, hostile) as store:
        files = export_graph(store, "csv", tmp_path / "csv")
    names = {f.name for f in files}
    assert {"nodes_Person.csv", "relationships_CHAIRED.csv"} <= names
    with (tmp_path / "csv" / "nodes_Person.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0][0] == "id:ID" and rows[0][-1] == ":LABEL" and "sources:string[]" in rows[0]
    assert hostile in [r[rows[0].index("name")] for r in rows[1:]]
    with (tmp_path / "csv" / "relationships_CHAIRED.csv").open(encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header[:3] == [":START_ID", ":END_ID", ":TYPE"]


def test_cypher_script_escapes_every_value(tmp_path: Path,
                                           sample_fragment: Callable[..., Fragment],
                                           hostile: str) -> None:
    with _store(tmp_path, sample_fragment, hostile) as store:
        [path] = export_graph(store, "cypher", tmp_path / "g.cypher")
    script = path.read_text("utf-8")
    assert cypher_literal(hostile) in script
    assert "MERGE (n:Person" in script and "MERGE (a)-[r:CHAIRED]->(b)" in script
    for line in script.splitlines()[1:]:
        assert line.endswith(";")
    assert cypher_literal("a'b\\") == "'a\\'b\\\\'"
