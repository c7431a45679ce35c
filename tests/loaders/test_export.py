"""Whole-graph exports read back equal to the store: Turtle, N-Quads, CSV, Cypher."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

from rdflib import Dataset
from rdflib import Graph as RdfGraph
from rdflib.compare import isomorphic

from vnkg.graph.model import Fragment
from vnkg.loaders.export import export_graph
from vnkg.loaders.neo4j_export import ARRAY_DELIMITER, cypher_literal
from vnkg.loaders.neo4j_rows import stated_json
from vnkg.loaders.oxigraph_store import OxigraphStore


def _store(tmp_path: Path, sample_fragment: Callable[..., Fragment], hostile: str,
           folder: Path | None = None) -> OxigraphStore:
    """Two invented articles, the first with the hostile name, in a new store (in `folder`,
    else tmp_path/s)."""
    store = OxigraphStore(folder or tmp_path / "s")
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
    assert rows[0][:3] == ["id:ID", ":LABEL", "sources:string[]"]
    # the value rule keeps the smallest name; what each article stated is kept beside it
    assert [r[rows[0].index("name:string")] for r in rows[1:]] == ["Hoàng Văn Thạch"]
    stated = [json.loads(e) for e in rows[1][rows[0].index("stated:string[]")].split("\x1f")]
    assert ["a1", "name", hostile] in stated
    assert [r[2] for r in rows[1:]] == [f"a1{ARRAY_DELIMITER}a2"]
    with (tmp_path / "csv" / "relationships_CHAIRED.csv").open(encoding="utf-8") as f:
        header, *chaired = list(csv.reader(f))
    assert header[:3] == [":START_ID", ":END_ID", ":TYPE"]
    evidence = chaired[0][header.index("evidence:string[]")].split(ARRAY_DELIMITER)
    assert len(evidence) == 2 and hostile in json.loads(evidence[0])["text"]
    args = (tmp_path / "csv" / "import.args").read_text("utf-8").splitlines()
    assert "--nodes=nodes_Person.csv" in args and "--multiline-fields=true" in args


def test_csv_holds_the_reference_gazetteer_unless_left_out(
        tmp_path: Path, sample_fragment: Callable[..., Fragment], hostile: str,
        reference_copy: Callable[[Path], Path]) -> None:
    with _store(tmp_path, sample_fragment, hostile, reference_copy(tmp_path / "s")) as store:
        store.write_base(reference=True)  # stored already: nothing is written again
        export_graph(store, "csv", tmp_path / "with")
        export_graph(store, "csv", tmp_path / "without", reference=False)
        [script] = export_graph(store, "cypher", tmp_path / "without.cypher", reference=False)
    def count(folder: str) -> int:
        with (tmp_path / folder / "nodes_Locality.csv").open(encoding="utf-8") as f:
            return len(f.readlines()) - 1
    assert count("without") == 1 and count("with") > 10_000
    assert "reference" not in script.read_text("utf-8")


def test_cypher_script_escapes_every_value(tmp_path: Path,
                                           sample_fragment: Callable[..., Fragment],
                                           hostile: str) -> None:
    with _store(tmp_path, sample_fragment, hostile) as store:
        [path] = export_graph(store, "cypher", tmp_path / "g.cypher")
    script = path.read_text("utf-8")
    assert cypher_literal(stated_json("a1", "name", hostile)) in script
    assert "MERGE (n:Person" in script and "MERGE (a)-[r:CHAIRED]->(b)" in script
    assert "MATCH (a:Person {id: row[0]}) MATCH (b:Meeting {id: row[1]})" in script
    assert "CREATE CONSTRAINT vnkg_person_id IF NOT EXISTS" in script
    for line in script.splitlines()[1:]:
        assert line.endswith(";") and ("UNWIND" in line or "CONSTRAINT" in line)
    assert cypher_literal("a'b\\") == "'a\\'b\\\\'"
