"""The streamed RDF exports hold what the store holds, on the embedded store and on SPARQL
servers of both kinds: compared as sets of quads and triples (typed literals included),
with and without the reference gazetteer's graph."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import BinaryIO

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib import Graph as RdfGraph
from rdflib.namespace import RDF

from vnkg.extraction.gazetteer import place
from vnkg.graph.model import Fragment, Node
from vnkg.graph.rdf import graph_iri
from vnkg.graph.reference import gazetteer_props, locality_node
from vnkg.graph.vocab import VNKG
from vnkg.loaders import rdf_dump
from vnkg.loaders.export import export_graph
from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.loaders.rdf import REFERENCE, RdfBase
from vnkg.loaders.shares import split
from vnkg.loaders.sparql_store import SparqlStore

XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")


@pytest.fixture(params=["embedded", "sparql", "union-sparql"])
def filled(request: pytest.FixtureRequest, tmp_path: Path,
           sample_fragment: Callable[..., Fragment], hostile: str) -> Iterator[RdfBase]:
    """A store of each RDF kind holding two articles and a small stand-in for the
    gazetteer's graph (a district only it names, and a province the articles name too)."""
    store: RdfBase
    if request.param == "embedded":
        store = OxigraphStore(tmp_path / "store")
    else:
        fixture = "sparql_server" if request.param == "sparql" else "union_sparql_server"
        store = SparqlStore(request.getfixturevalue(fixture))
        store.update("DROP SILENT ALL")
    reference = sample_fragment(REFERENCE)
    reference.add_node(Node("locality/2024-067", "Locality", {"name": "Nà Lừ", "type": "huyện"}))
    with store:
        store.write_fragments([sample_fragment("a1", name=hostile), sample_fragment("a2"),
                               reference])
        yield store


def _named(store: RdfBase, reference: bool) -> set[tuple[object, ...]]:
    skip = None if reference else graph_iri(REFERENCE)
    return {q for q in store.quads() if q[3] != skip}


def _union(store: RdfBase, reference: bool) -> set[tuple[object, ...]]:
    if reference:
        return set(store.union_triples())
    named = {q[:3] for q in _named(store, False)}
    subjects = {t[0] for t in named}
    return named | {t for t in _union_only(store) if t[0] in subjects}


def _union_only(store: RdfBase) -> set[tuple[object, ...]]:
    """What the union holds alone: triples no named graph states."""
    named = {q[:3] for q in store.quads()}
    return {t for t in store.union_triples() if t not in named}


@pytest.mark.parametrize("reference", [True, False])
def test_nquads_hold_the_named_graphs(filled: RdfBase, tmp_path: Path, reference: bool) -> None:
    [path] = export_graph(filled, "nquads", tmp_path / "g.nq", reference)
    back = Dataset()
    back.parse(path, format="nquads")
    default = back.default_graph.identifier
    quads = {(s, p, o, g) for s, p, o, g in back.quads() if g != default}
    assert quads == _named(filled, reference)
    own = {(s, p, o) for s, p, o, g in back.quads() if g == default}
    assert own == _union_only(filled)
    assert {p for _, p, _ in own} <= {RDF.type, VNKG.id, VNKG.key, VNKG.subject, VNKG.object}
    assert own or not filled._keeps_union()  # a server whose default graph is the union
    assert any(isinstance(q[2], Literal) and q[2].datatype == XSD_DATE for q in quads)


@pytest.mark.parametrize("reference", [True, False])
def test_jsonld_gives_a_statement_its_evidence_in_one_node_object(
        filled: RdfBase, tmp_path: Path, reference: bool) -> None:
    # the evidence is the articles' graphs' alone (graph.rdf), read after the union's runs
    [path] = export_graph(filled, "jsonld", tmp_path / "g.jsonld", reference)
    nodes = json.loads(path.read_text(encoding="utf-8"))["@graph"]
    linked = [n for n in nodes if "vnkg:evidence" in n]
    assert linked
    if not getattr(filled, "union_default", False):  # a server's unsorted answer aside
        assert all("vnkg:subject" in n for n in linked)
        ids = [n["@id"] for n in nodes]
        assert len(ids) == len(set(ids))


@pytest.mark.parametrize("reference", [True, False])
def test_turtle_and_jsonld_hold_the_union(filled: RdfBase, tmp_path: Path,
                                          reference: bool) -> None:
    want = _union(filled, reference)
    [ttl] = export_graph(filled, "turtle", tmp_path / "g.ttl", reference)
    assert set(RdfGraph().parse(ttl, format="turtle")) == want
    [jsonld] = export_graph(filled, "jsonld", tmp_path / "g.jsonld", reference)
    assert set(RdfGraph().parse(jsonld, format="json-ld")) == want
    nala = URIRef("https://vnkg.dev/id/locality/2024-067")
    assert any(t[0] == nala for t in want) == reference


def test_jsonld_is_written_node_by_node_with_the_prefixes(filled: RdfBase) -> None:
    out = io.BytesIO()
    rdf_dump.write_rdf(filled, "jsonld", out)
    text = out.getvalue().decode()
    doc = json.loads(text)
    assert doc["@context"] == rdf_dump.jsonld_context()
    assert "schema:name" in text and "https://schema.org/name" not in text
    assert len(text.splitlines()) > len(doc["@graph"])  # one line per node object


def test_unknown_streamed_format_is_refused(filled: RdfBase) -> None:
    with pytest.raises(ValueError, match="choose one of nquads, turtle, jsonld"):
        rdf_dump.write_rdf(filled, "rdfxml", io.BytesIO())


def test_server_union_is_read_in_pages(filled: RdfBase, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    want = _union(filled, True)
    monkeypatch.setattr(rdf_dump, "PAGE", 7)  # many pages over the same data
    [ttl] = export_graph(filled, "turtle", tmp_path / "g.ttl")
    assert set(RdfGraph().parse(ttl, format="turtle")) == want


@pytest.mark.parametrize("fmt", ["nquads", "turtle", "jsonld"])
def test_without_the_gazetteer_a_locality_the_articles_only_name_is_still_described(
        filled: RdfBase, tmp_path: Path, fmt: str) -> None:
    known = place("001")
    assert known is not None
    ba_dinh = locality_node(known)
    reference = Fragment(REFERENCE, None)
    for node in (ba_dinh, Node("locality/2024-067", "Locality", {"name": "Nà Lừ"})):
        reference.add_node(node)
    filled.write_reference(lambda: reference, "with Ba Đình")
    article = Fragment("a3", "2024-05")
    article.add_node(Node(ba_dinh.id, "Locality", gazetteer_props(ba_dinh.id) or {}))
    filled.write_fragments([article])
    assert not [o for s, p, o in filled._triples(str(graph_iri("a3")))
                if str(s).endswith(ba_dinh.id) and "name" in str(p)]  # only named there
    [path] = export_graph(filled, fmt, tmp_path / f"g.{fmt}", reference=False)
    text = path.read_text("utf-8")
    assert "Ba \\u0110\\u00ECnh" in text or "Ba Đình" in text
    assert "Nà Lừ" not in text and "N\\u00E0 L\\u1EEB" not in text


@pytest.mark.parametrize("reference", [True, False])
def test_nquads_written_on_two_processes_are_the_bytes_of_one(
        articles_store: Path, tmp_path: Path, reference: bool,
        processes_run: Callable[[ModuleType], list[int]]) -> None:
    written = processes_run(rdf_dump)
    (tmp_path / ".two.nq.vnkg-parts-killed").mkdir()  # left by an export killed midway
    with OxigraphStore(articles_store) as store:
        [one] = export_graph(store, "nquads", tmp_path / "one.nq", reference, jobs=1)
        [two] = export_graph(store, "nquads", tmp_path / "two.nq", reference, jobs=2)
    assert written == [2]  # the second export's graphs were written by two processes
    assert one.read_bytes() and one.read_bytes() == two.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.nq", "two.nq"]  # parts gone


def test_a_failed_tail_of_the_shared_nquads_is_raised_and_leaves_no_parts(
        articles_store: Path, tmp_path: Path,
        processes_run: Callable[[ModuleType], list[int]]) -> None:
    written = processes_run(rdf_dump)

    def tail(out: BinaryIO) -> None:
        out.write(b"<urn:a> <urn:b> <urn:c> .\n")
        raise OSError("disk full")

    with OxigraphStore(articles_store) as store, store.reader() as opens:
        graphs = sorted(store._graph_names())
        target = tmp_path / "g.nq"
        with target.open("wb") as out, pytest.raises(OSError, match="disk full"):
            rdf_dump.write_graphs_shared(opens, split(graphs, 2), out, tail)
    assert written == [2]  # the graphs' processes ran beside the tail, which failed
    assert [p.name for p in tmp_path.iterdir()] == ["g.nq"]
