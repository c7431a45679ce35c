"""Every named query gives the same rows from the three stores: the embedded Oxigraph, a
SPARQL 1.1 server (`oxigraph serve`) and Neo4j (Cypher).

The stores are loaded with the same fragments and the reference gazetteer: the invented
sample articles under examples/articles with the invented tenure articles
(tests/conftest_tenure.py: stated tenures and a promotion), then the seed and dev articles
of the shared corpus. Each query runs with no parameters and with parameters taken from the data. A
query missing in either language fails.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from neo4j import Driver

from vnkg.graph.model import Fragment
from vnkg.loaders.neo4j_store import Neo4jStore
from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.loaders.sparql_store import SparqlStore
from vnkg.loaders.store import Store
from vnkg.queries import names
from vnkg.queries.run import run_named

CATALOGUE = ("chairs", "person-meetings", "decree-trace", "decree-gaps", "career",
             "unit-people", "co-attendance", "locality-timeline", "decrees-cited", "sources",
             "holders", "succession", "rank-history", "officials-at")
Stores = tuple[list[Store], dict[str, str]]
Cases = Callable[[str, dict[str, str]], list[dict[str, Any]]]


@pytest.fixture(scope="module", params=["samples", "seeds+dev"])
def stores(request: pytest.FixtureRequest, neo4j_driver: Driver, sparql_server: str,
           tmp_path_factory: pytest.TempPathFactory,
           parameter_values: Callable[[list[Fragment]], dict[str, str]]) -> Iterator[Stores]:
    """The three stores holding one corpus and the reference gazetteer."""
    fixture = "sample_fragments" if request.param == "samples" else "corpus_fragments"
    fragments: list[Fragment] = request.getfixturevalue(fixture)
    if request.param == "samples":
        fragments = fragments + request.getfixturevalue("tenure_fragments")
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
    yield every, parameter_values(fragments)
    embedded.close()
    remote.close()
    neo4j.clear()


def test_the_catalogue_is_complete_in_both_languages() -> None:
    assert sorted(CATALOGUE) == names("sparql") == names("cypher")


@pytest.mark.parametrize("name", CATALOGUE)
def test_same_rows_from_every_store(name: str, stores: Stores, query_cases: Cases) -> None:
    every, values = stores
    for params in query_cases(name, values):
        params = {k: v for k, v in params.items() if v not in ("", None)}
        embedded, *others = (run_named(store, name, params) for store in every)
        for store, rows in zip(every[1:], others, strict=True):
            assert rows == embedded, f"{name} {params}: {store.name} differs"


def test_the_comparison_is_not_vacuous(stores: Stores) -> None:
    every, values = stores
    assert all(run_named(store, "chairs", {}) for store in every)
    assert all(run_named(store, "decree-gaps", {}) for store in every)
    assert values["person"] and values["province"]
