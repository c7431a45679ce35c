"""Every named query gives the same rows from Neo4j (Cypher) and the RDF store (SPARQL).

Both stores are loaded with the same fragments, built from the invented sample articles
under examples/articles; each query runs with no parameters and with parameters taken
from the data. A query missing in either language fails.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from extract.read import read_documents
from graph.model import Fragment, Graph
from graph.resolve import to_fragment
from loaders.neo4j import clear, write_fragments
from loaders.neo4j_store import Neo4jStore
from loaders.rdf import RdfStore
from queries import names, order_rows, read_query
from queries.run import run_named
from vnkg.api import record_for

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"
CATALOGUE = ("chairs", "person-meetings", "decree-trace", "decree-gaps", "career",
             "unit-people", "co-attendance", "locality-timeline", "decrees-cited", "sources")
Stores = tuple[RdfStore, Driver, dict[str, str]]


def sample_fragments() -> list[Fragment]:
    """The sample articles' fragments (without the gazetteer's reference fragment, whose
    thousands of localities make some SPARQL queries take minutes)."""
    return [to_fragment(record_for(doc), doc.text) for doc in read_documents([EXAMPLES])]


def most(graph: Graph, rel_types: tuple[str, ...], end: int, label: str) -> str | None:
    """The node of `label` at end 0 (source) or 1 (target) of the most `rel_types` edges."""
    counts = Counter(key[2 * end] for key in graph.edges if key[1] in rel_types
                     and graph.nodes[key[2 * end]].label == label)
    return counts.most_common(1)[0][0] if counts else None


def sample_values(fragments: list[Fragment]) -> dict[str, str]:
    """Parameter values found in the data: the busiest person, decree, unit and province."""
    graph = Graph()
    for frag in fragments:
        graph.add_fragment(frag)
    picks = {"person": most(graph, ("CHAIRED",), 0, "Person"),
             "decree": most(graph, ("CONCERNS",), 1, "Decree"),
             "unit": most(graph, ("IN_UNIT",), 1, "Unit")}
    values = {"person_id": picks["person"] or ""}
    for kind, node_id in picks.items():
        props = graph.nodes[node_id].props if node_id else {}
        values[kind] = str(props.get("number") or props.get("name") or "")
    provinces = Counter(graph.nodes[key[2]].props.get("province") for key in graph.edges
                        if key[1] == "HELD_IN")
    values["province"] = str(provinces.most_common(1)[0][0]) if provinces else ""
    return values


def cases(name: str, v: dict[str, str]) -> list[dict[str, Any]]:
    """The parameter sets a query is compared on (minus LEFT_OUT, see below)."""
    person, decree, unit, province = v["person"], v["decree"], v["unit"], v["province"]
    table: dict[str, list[dict[str, Any]]] = {
        "chairs": [{}, {"person": person}, {"decree": decree},
                   {"from": "2023-01-01", "to": "2024-12-31"}, {"locality": province}],
        "person-meetings": [{}, {"person": person}, {"person": v["person_id"]}],
        "decree-trace": [{}, {"decree": decree}, {"decree": decree, "province": province}],
        "decree-gaps": [{}, {"decree": decree, "province": province}],
        "career": [{}, {"person": person}],
        "unit-people": [{}, {"unit": unit}],
        "co-attendance": [{}, {"person": person, "min": 1}, {"min": 2}],
        "locality-timeline": [{}, {"locality": province}],
        "decrees-cited": [{}, {"province": province}],
        "sources": [{}, {"id": v["person_id"]}, {"id": person}],
    }
    return [p for p in table[name] if (name, tuple(sorted(p))) not in LEFT_OUT]


# Cases not compared, with the reason; empty now that every query runs fast in SPARQL and
# both languages take MIN over the same values.
LEFT_OUT: set[tuple[str, tuple[str, ...]]] = set()


@pytest.fixture(scope="module")
def stores(neo4j_driver: Driver) -> Iterator[Stores]:
    fragments = sample_fragments()
    clear(neo4j_driver)
    report = write_fragments(neo4j_driver, fragments)
    assert report.failed == []
    with RdfStore(None) as rdf:
        rdf.write_fragments(fragments)
        yield rdf, neo4j_driver, sample_values(fragments)
    clear(neo4j_driver)


def test_the_catalogue_is_complete_in_both_languages() -> None:
    assert sorted(CATALOGUE) == names("sparql") == names("cypher")


@pytest.mark.parametrize("name", CATALOGUE)
def test_same_rows_from_both_stores(name: str, stores: Stores) -> None:
    rdf, driver, values = stores
    if not cases(name, values):
        pytest.skip(f"{name}: every case is in LEFT_OUT (its SPARQL takes minutes on Oxigraph)")
    for params in cases(name, values):
        params = {k: v for k, v in params.items() if v not in ("", None)}
        query = read_query(name, "cypher")
        sparql_rows = order_rows(run_named(rdf, name, params), query.columns, query.lists)
        cypher_rows = run_named(Neo4jStore.from_driver(driver), name, params)
        assert cypher_rows == sparql_rows, f"{name} {params}"


def test_the_comparison_is_not_vacuous(stores: Stores) -> None:
    rdf, driver, _ = stores
    assert run_named(rdf, "chairs", {}) and run_named(Neo4jStore.from_driver(driver), "chairs", {})
