"""A SELECT's rows on the embedded store (loaders.oxigraph_terms.select) hold what each
term gives (to_value): strings of every escape, language tags, numbers, dates, other
datatypes, blank nodes, IRIs inside and outside vnkg's, unbound cells, a single unbound
column and a query without variables. A store's read (plain_triples) takes each term as
the read through rdflib's terms does."""

from __future__ import annotations

from typing import Any

import pytest
from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, Store

from vnkg.graph import rdf_read
from vnkg.loaders.oxigraph_terms import plain_triples, select, to_rdflib, to_value

XSD = "http://www.w3.org/2001/XMLSchema#"
HOSTILE = ['tab\there', 'line\nbreak', 'cr\rreturn', 'quote " and \\ backslash', "it's",
           'ends with \\', '"', '\\"', 'NUL \x00 bell \x07 del \x7f', 'Hòa Bình ✓ 𝔘',
           '\\u00e0 not an escape', '', ' ', '@vi', '^^<x>', '<not an iri>', '_:b1']
TYPED = [("42", "integer"), ("-7", "integer"), ("007", "integer"), ("1.5", "decimal"),
         ("-0.0", "decimal"), ("1.5e3", "double"), ("1E-2", "double"), ("INF", "double"),
         ("NaN", "double"), ("true", "boolean"), ("0", "boolean"), ("2024-05-02", "date"),
         ("2024-05", "gYearMonth"), ("2024", "gYear"), ("2024-05-02T10:00:00", "dateTime"),
         ("12", "int"), ("3", "nonNegativeInteger"), ("abc", "anyURI"), ("x y", "token")]


def _terms() -> list[Any]:
    terms: list[Any] = [Literal(v) for v in HOSTILE]
    terms += [Literal(v, language="vi") for v in HOSTILE[:4]]
    terms += [Literal(v, datatype=NamedNode(XSD + t)) for v, t in TYPED]
    terms += [NamedNode("https://vnkg.dev/id/person/l%C3%B2-th%E1%BB%8B-a"),
              NamedNode("https://vnkg.dev/id/locality/x"), NamedNode("http://example.org/a#b"),
              BlankNode("b1")]
    return terms


def _typed(row: dict[str, Any]) -> list[tuple[str, str]]:
    """A row's cells by type and repr (the same however they compare)."""
    return [(type(v).__name__, repr(v)) for v in row.values()]


@pytest.fixture
def store() -> Store:
    """An in-memory store stating each term once, as the object of <urn:s> <urn:p>."""
    ox = Store()
    for i, term in enumerate(_terms()):
        ox.add(Quad(NamedNode(f"urn:s{i:03d}"), NamedNode("urn:p"), term, DefaultGraph()))
    return ox


def test_every_kind_of_cell_reads_as_its_term_does(store: Store) -> None:
    query = ("SELECT ?s ?o ?none WHERE { ?s <urn:p> ?o OPTIONAL { ?s <urn:q> ?none } } "
             "ORDER BY ?s")
    rows = select(store, query, {})
    terms = [(q.subject, q.object) for q in sorted(store, key=lambda q: q.subject.value)]
    assert len(rows) == len(_terms())
    expected = [{"s": to_value(s), "o": to_value(o), "none": None} for s, o in terms]
    assert [_typed(r) for r in rows] == [_typed(r) for r in expected]  # NaN is not NaN
    values = [r["o"] for r in rows]
    assert set(HOSTILE) <= set(values) and 42 in values and 1500.0 in values


def test_an_unbound_single_column_and_no_columns_keep_their_rows(store: Store) -> None:
    assert select(store, "SELECT ?x WHERE { ?s <urn:p> ?o OPTIONAL { ?s <urn:q> ?x } }",
                  {}) == [{"x": None}] * len(_terms())
    assert select(store, "SELECT * WHERE { }", {}) == [{}]
    assert select(store, "SELECT ?x WHERE { ?x <urn:none> ?y }", {}) == []


def test_a_bound_parameter_reads_back_as_itself(store: Store) -> None:
    for value in HOSTILE:
        assert select(store, "SELECT ?v WHERE { }", {"v": value}) == [{"v": value}]


def test_a_store_read_takes_each_term_as_rdflib_gives_it(store: Store) -> None:
    """The embedded store reads articles from pyoxigraph's terms (plain_triples); a SPARQL
    server's answers and the views go through rdflib's terms: the reader gets the same."""
    quads = sorted(store, key=lambda q: q.subject.value)
    direct = list(plain_triples(quads))
    through = list(rdf_read.plain_triples(
        (to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)) for q in quads))
    assert [repr(t) for t in direct] == [repr(t) for t in through]  # types too; NaN is not NaN
    assert len(direct) == len(_terms())
