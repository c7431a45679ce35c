"""Every named query gives the same rows from the three stores: the embedded Oxigraph, a
SPARQL 1.1 server (`oxigraph serve`) and Neo4j (Cypher).

The stores are loaded with the same fragments and the reference gazetteer: the invented
sample articles under examples/articles, then the seed and dev articles of the shared
corpus. Each query runs with no parameters and with parameters taken from the data. A
query missing in either language fails.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from extract import extract_record
from extract.read import read_documents
from graph.model import Fragment, Graph
from graph.resolve import to_fragment
from loaders.neo4j_store import Neo4jStore
from loaders.oxigraph_store import OxigraphStore
from loaders.sparql_store import SparqlStore
from loaders.store import Store
from queries import names
from queries.run import run_named

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"
CATALOGUE = ("chairs", "person-meetings", "decree-trace", "decree-gaps", "career",
             "unit-people", "co-attendance", "locality-timeline", "decrees-cited", "sources")
Stores = tuple[list[Store], dict[str, str]]


def sample_fragments(paths: list[Path] | None = None) -> list[Fragment]:
    """The fragments of the articles under `paths` (the samples by default)."""
    return [to_fragment(extract_record(doc), doc.text)
            for doc in read_documents(paths or [EXAMPLES])]


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
    """The parameter sets a query is compared on, none first."""
    person, decree, unit, province = v["person"], v["decree"], v["unit"], v["province"]
    table: dict[str, list[dict[str, Any]]] = {
        "chairs": [{}, {"person": person}, {"decree": decree},
                   {"from": "2023-01-01", "to": "2024-12-31"}, {"locality": province}],
        "person-meetings": [{}, {"person": person}, {"person": v["person_id"]}],
        "decree-trace": [{}, {"decree": decree}, {"decree": decree, "province": province}],
        "decree-gaps": [{}, {"decree": decree, "province": province}, {"province": province}],
        "career": [{}, {"person": person}],
        "unit-people": [{}, {"unit": unit}],
        "co-attendance": [{}, {"person": person, "min": 1}, {"min": 2}],
        "locality-timeline": [{}, {"locality": province}],
        "decrees-cited": [{}, {"province": province}],
        "sources": [{}, {"id": v["person_id"]}, {"id": person}],
    }
    return table[name]


@pytest.fixture(scope="module", params=["samples", "seeds+dev"])
def stores(request: pytest.FixtureRequest, neo4j_driver: Driver, sparql_server: str,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stores]:
    """The three stores holding one corpus and the reference gazetteer."""
    if request.param == "samples":
        fragments = sample_fragments()
    else:
        shared = request.getfixturevalue("shared")
        fragments = sample_fragments([shared / "corpus" / "seeds",
                                      shared / "corpus" / "dev.jsonl"])
    neo4j = Neo4jStore.from_driver(neo4j_driver)
    neo4j.clear()
    remote = SparqlStore(sparql_server)
    remote.update("DROP SILENT ALL")
    embedded = OxigraphStore(tmp_path_factory.mktemp("queries") / "s")
    every: list[Store] = [embedded, remote, neo4j]
    for store in every:
        store.write_base(reference=True)
        report = store.write_fragments(fragments)
        assert report.failed == [] and len(report.written) == len({f.article for f in fragments})
    yield every, sample_values(fragments)
    embedded.close()
    remote.close()
    neo4j.clear()


def test_the_catalogue_is_complete_in_both_languages() -> None:
    assert sorted(CATALOGUE) == names("sparql") == names("cypher")


@pytest.mark.parametrize("name", CATALOGUE)
def test_same_rows_from_every_store(name: str, stores: Stores) -> None:
    every, values = stores
    for params in cases(name, values):
        params = {k: v for k, v in params.items() if v not in ("", None)}
        embedded, *others = (run_named(store, name, params) for store in every)
        for store, rows in zip(every[1:], others, strict=True):
            assert rows == embedded, f"{name} {params}: {store.name} differs"


def test_the_comparison_is_not_vacuous(stores: Stores) -> None:
    every, values = stores
    assert all(run_named(store, "chairs", {}) for store in every)
    assert all(run_named(store, "decree-gaps", {}) for store in every)
    assert values["person"] and values["province"]
