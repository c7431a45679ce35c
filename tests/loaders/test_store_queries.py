"""Every named query, and every query of the Popolo and FollowTheMoney exports, gives the
same rows from every store: the embedded Oxigraph, three SPARQL 1.1 servers (`oxigraph
serve`, Apache Jena Fuseki and Virtuoso) and Neo4j (Cypher); the two exports are equal from
each.

The stores are loaded once for the module with the same fragments and the reference
gazetteer: the invented sample articles under examples/articles, the invented tenure articles
(tests/conftest_tenure.py: stated tenures and a promotion), and the seed and dev articles of
the shared corpus. Each query runs with no parameters, then with the parameters taken from
the samples and with those taken from seeds + dev. A query missing in either language fails.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from vnkg.graph.model import Fragment
from vnkg.loaders.ftm import export_ftm
from vnkg.loaders.interchange import QUERIES, memberships, read_rows
from vnkg.loaders.neo4j_store import Neo4jStore
from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.loaders.popolo import popolo_document
from vnkg.loaders.sparql_store import SparqlStore
from vnkg.loaders.store import Store
from vnkg.queries import names
from vnkg.queries.run import run_named
from vnkg.web.data import facts

CATALOGUE = ("chairs", "person-meetings", "decree-trace", "decree-gaps", "career",
             "unit-people", "co-attendance", "locality-timeline", "decrees-cited", "sources",
             "holders", "succession", "rank-history", "officials-at")
ENGINES = ("embedded", "oxigraph serve", "Fuseki", "Virtuoso", "Neo4j")  # as `stores` holds
# What Virtuoso 7.2.5 does not yet answer as the others do, by query (none now: every named
# and export query gives the same rows there; see README, SPARQL servers)
VIRTUOSO_OPEN: dict[str, str] = {}
Stores = tuple[list[Store], list[dict[str, str]]]
Cases = Callable[[str, dict[str, str]], list[dict[str, Any]]]


@pytest.fixture(scope="module")
def stores(neo4j_driver: Driver, sparql_server: str, fuseki_server: str, virtuoso_server: str,
           tmp_path_factory: pytest.TempPathFactory,
           sample_fragments: list[Fragment], corpus_fragments: list[Fragment],
           tenure_fragments: list[Fragment], reference_copy: Callable[[Path], Path],
           parameter_values: Callable[[list[Fragment]], dict[str, str]]) -> Iterator[Stores]:
    """The stores holding the samples, the tenure articles, seeds + dev and the
    reference gazetteer, with the parameter values of the samples (and tenure articles) and
    of seeds + dev."""
    samples = [*sample_fragments, *tenure_fragments]
    fragments = [*samples, *corpus_fragments]
    neo4j = Neo4jStore.from_driver(neo4j_driver)
    neo4j.clear()
    servers = [SparqlStore(url, timeout=120)  # a loaded test machine: answers take longer
               for url in (sparql_server, fuseki_server, virtuoso_server)]
    for remote in servers:
        remote.clear()
    embedded = OxigraphStore(reference_copy(tmp_path_factory.mktemp("queries") / "s"))
    every: list[Store] = [embedded, *servers, neo4j]
    for store in every:
        began = time.monotonic()
        store.write_base(reference=True)
        report = store.write_fragments(fragments)
        assert report.failed == [] and len(report.written) == len({f.article for f in fragments})
        print(f"loaded {store.name} {getattr(store, 'endpoint', '')} in "
              f"{time.monotonic() - began:.1f} s")  # seen with pytest -s
    yield every, [parameter_values(samples), parameter_values(corpus_fragments)]
    embedded.close()  # the servers are left as they are: each user clears them first
    neo4j.clear()


def test_only_virtuoso_is_given_the_join_order_hint(stores: Stores) -> None:
    every, _ = stores
    for engine, store in zip(ENGINES, every, strict=True):
        if isinstance(store, SparqlStore):
            store._settle()
            assert store.order_hint == (engine == "Virtuoso"), engine


def _compared(every: list[Store], item: str) -> list[tuple[str, Store]]:
    """The stores (with their engine's name) whose answers to `item` are compared: all but
    Virtuoso where its answer is known to differ (VIRTUOSO_OPEN)."""
    return [(engine, store) for engine, store in zip(ENGINES, every, strict=True)
            if engine != "Virtuoso" or item not in VIRTUOSO_OPEN]


def _param_sets(name: str, values: list[dict[str, str]], query_cases: Cases
                ) -> list[dict[str, Any]]:
    """Each distinct parameter set of `name` over the value sets, none first."""
    sets: list[dict[str, Any]] = []
    for vals in values:
        for params in query_cases(name, vals):
            params = {k: v for k, v in params.items() if v not in ("", None)}
            if params not in sets:
                sets.append(params)
    return sets


def test_the_catalogue_is_complete_in_both_languages() -> None:
    assert sorted(CATALOGUE) == names("sparql") == names("cypher")


@pytest.mark.parametrize("name", CATALOGUE)
def test_same_rows_from_every_store(name: str, stores: Stores, query_cases: Cases) -> None:
    every, values = stores
    for params in _param_sets(name, values, query_cases):
        (_, embedded), *others = ((engine, run_named(store, name, params))
                                  for engine, store in _compared(every, name))
        for engine, rows in others:
            assert rows == embedded, f"{name} {params}: {engine} differs"


def test_the_comparison_is_not_vacuous(stores: Stores) -> None:
    every, values = stores
    # the stores agree (above), so rows from one are rows from all
    assert run_named(every[0], "chairs", {}) and run_named(every[0], "decree-gaps", {})
    assert all(vals["person"] and vals["province"] for vals in values)
    assert values[0]["person"] != values[1]["person"]


def test_same_evidence_facts_from_every_store(stores: Stores) -> None:
    """The explorer's facts: the article and offsets SPARQL reads off each evidence span's
    IRI (<ARTICLE#char=S,E>, STRBEFORE/STRAFTER and xsd:integer) are Neo4j's JSON's, on
    every server (Virtuoso's union graph, a named graph there, too)."""
    every, values = stores
    people = [vals["person_id"] for vals in values]
    meetings = [r["m"] for r in every[0].select(
        "SELECT DISTINCT ?m WHERE { ?p <https://vnkg.dev/ns#chaired> ?x . "
        "?x <https://vnkg.dev/ns#id> ?m } ORDER BY ?m LIMIT 3")]
    for node in [*people, *meetings]:
        (_, embedded), *others = ((engine, facts(store, node))
                                  for engine, store in _compared(every, "facts"))
        assert embedded and all(isinstance(r["start"], int) for r in embedded), node
        for engine, rows in others:
            assert rows == embedded, f"facts of {node}: {engine} differs"


@pytest.mark.parametrize("name", [q for q in QUERIES if q != "tenures"])
def test_same_export_rows_from_every_store(name: str, stores: Stores) -> None:
    every, _ = stores
    (_, embedded), *others = ((engine, read_rows(store, name))
                              for engine, store in _compared(every, name))
    for engine, rows in others:
        assert rows == embedded, f"export query {name}: {engine} differs"
    assert embedded


def test_same_tenure_claims_from_every_rdf_store(stores: Stores) -> None:
    """Each article graph is a claim of its own on every RDF store: on Virtuoso, not the
    graph vnkg keeps the union in too."""
    rdf = [store for engine, store in zip(ENGINES, stores[0], strict=True) if engine != "Neo4j"]
    embedded, *others = (read_rows(store, "tenures") for store in rdf)
    assert embedded and all(rows == embedded for rows in others)


def test_same_memberships_from_every_store(stores: Stores) -> None:
    """The stated bounds come per article from RDF and merged from Neo4j (the `tenures`
    rows differ by design); merged by graph.tenure's rule, they are the same."""
    every, _ = stores
    embedded, *others = (sorted(memberships(store), key=repr) for store in every)
    assert all(rows == embedded for rows in others)
    assert any(m.start.basis == "stated" for m in embedded)
    assert any(m.end.basis == "stated" for m in embedded)


def test_same_exports_from_every_store(stores: Stores, tmp_path: Path) -> None:
    compared = [store for _, store in _compared(stores[0], "popolo+ftm")]
    popolo = popolo_document(compared[0])
    ftm = [export_ftm(store, tmp_path / f"{i}.jsonl")[0].read_bytes()
           for i, store in enumerate(compared)]
    assert all(popolo_document(store) == popolo for store in compared[1:])
    assert ftm[1:] == ftm[:1] * (len(compared) - 1) and len(ftm[0].splitlines()) > 20
