"""Every RDF export of the sample articles passes Apache Jena's strict validation, and the
store conforms to the SHACL shapes of vnkg's model (graph/model_shapes.ttl) under pySHACL."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph as RdfGraph
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.term import Node

from vnkg.graph.model_shapes import model_shapes
from vnkg.graph.rdf import to_ntriples
from vnkg.graph.reference import reference_fragment
from vnkg.graph.vocab import VNKG
from vnkg.loaders.export import export_graph
from vnkg.loaders.oxigraph_store import OxigraphStore

Riot = Callable[[Path], subprocess.CompletedProcess[str]]
Triple = tuple[Node, Node, Node]
Pattern = tuple[Node | None, Node | None, Node | None]
SUFFIX = {"turtle": "ttl", "nquads": "nq", "jsonld": "jsonld"}


@pytest.fixture(scope="module")
def shapes() -> RdfGraph:
    text = (resources.files("vnkg.graph") / "model_shapes.ttl").read_text("utf-8")
    return RdfGraph().parse(data=text, format="turtle")


@pytest.mark.parametrize("fmt", ["turtle", "nquads", "jsonld"])
def test_jena_validates_every_export_strictly(fmt: str, articles_store: Path, tmp_path: Path,
                                              riot: Riot) -> None:
    with OxigraphStore(articles_store) as store:
        [path] = export_graph(store, fmt, tmp_path / f"g.{SUFFIX[fmt]}", reference=False)
    done = riot(path)
    assert done.returncode == 0 and "ERROR" not in done.stdout + done.stderr, done.stderr[-2000:]
    assert "WARN" not in done.stdout + done.stderr, done.stderr[-2000:]


def test_jena_validates_the_gazetteer_s_statements(tmp_path: Path, riot: Riot) -> None:
    """The reference localities (290k statements), written as the stores write them."""
    path = tmp_path / "reference.nt"
    path.write_text("".join(f"{line} .\n" for line in to_ntriples(reference_fragment())),
                    "utf-8")
    done = riot(path)
    assert done.returncode == 0 and "ERROR" not in done.stderr, done.stderr[-2000:]


def test_jena_rejects_an_ill_typed_date(tmp_path: Path, riot: Riot) -> None:
    bad = tmp_path / "bad.nt"
    bad.write_text('<https://vnkg.dev/id/m> <https://schema.org/startDate> '
                   '"2024-13"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> .\n', "utf-8")
    done = riot(bad)
    assert done.returncode != 0 or "WARN" in done.stderr or "ERROR" in done.stderr


def test_the_shipped_shapes_are_the_schema_s(shapes: RdfGraph) -> None:
    assert isomorphic(shapes, model_shapes()), \
        "graph/model_shapes.ttl is stale: write model_shapes() to it again"


def test_the_store_conforms_to_the_model_shapes(union: RdfGraph, shapes: RdfGraph) -> None:
    conforms, _, text = pyshacl.validate(union, shacl_graph=shapes)
    assert conforms, text[:3000]


def validate_changed(union: RdfGraph, shapes: RdfGraph, add: list[Triple],
                     remove: list[Pattern] | None = None) -> tuple[bool, str]:
    """pySHACL's verdict and report on a copy of the shared `union`, changed."""
    changed = RdfGraph()
    changed += union
    for pattern in remove or []:
        changed.remove(pattern)
    for triple in add:
        changed.add(triple)
    conforms, _, text = pyshacl.validate(changed, shacl_graph=shapes)
    return bool(conforms), str(text)


def test_the_shapes_find_a_string_date_and_a_stray_property(union: RdfGraph,
                                                             shapes: RdfGraph) -> None:
    meeting = next(iter(union.subjects(None, URIRef("https://schema.org/Event"))))
    conforms, text = validate_changed(union, shapes, [
        (meeting, URIRef("https://schema.org/startDate"), Literal("ngày 5/3")),
        (meeting, URIRef("https://schema.org/headline2"), Literal("x"))])
    assert not conforms
    assert "OrConstraintComponent" in text and "ClosedConstraintComponent" in text


def test_the_shapes_find_an_evidence_span_not_named_by_its_article(
        union: RdfGraph, shapes: RdfGraph) -> None:
    """A span is its article's IRI with #char=START,END, holding only its words."""
    statement = next(iter(union.subjects(VNKG["evidence"], None)))
    stray = URIRef("https://vnkg.dev/id/evidence/0123456789abcdef")
    conforms, text = validate_changed(union, shapes, [
        (statement, VNKG["evidence"], stray),
        (stray, VNKG["text"], Literal("chủ trì", lang="vi"))])
    assert not conforms and "PatternConstraintComponent" in text
    assert str(stray) in text


def test_the_shapes_find_a_holding_summary_without_its_holder_or_with_a_bad_date(
        union: RdfGraph, shapes: RdfGraph) -> None:
    """The union's holding summaries (loaders.rdf_summaries) have a shape of their own."""
    summary = next(iter(union.subjects(VNKG["heldPost"], None)))
    last = VNKG["lastSeen"]
    conforms, text = validate_changed(
        union, shapes, [(summary, last, Literal("5/3/2024"))],
        remove=[(summary, VNKG["holder"], None), (summary, last, None)])
    assert not conforms and str(summary) in text
    assert "MinCountConstraintComponent" in text and "PatternConstraintComponent" in text
