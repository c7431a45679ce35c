"""Stated tenures in every store: the embedded Oxigraph, a SPARQL server and Neo4j keep the
same bounds as the in-memory graph (graph.tenure's merge rule), and an article's bounds go
when it is replaced: the winners are recomputed from the articles left, in Neo4j as in RDF."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from vnkg.graph.model import Fragment, Graph
from vnkg.graph.tenure import BOUND_PROPS
from vnkg.loaders.neo4j_store import Neo4jStore
from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.loaders.sparql_store import SparqlStore
from vnkg.loaders.store import Store
from vnkg.queries.run import run_named

KHANH_CHAIR = ("person/trieu-van-khanh-3a5b9fc2f1", "HOLDS", "position/chu-tich-07fb7f18a7")
UNIT = "Ủy ban nhân dân huyện Ba Bể"
MAI_CHAIR = ("person/loc-thi-mai-9915ec0622", "HOLDS", "position/chu-tich-07fb7f18a7")


@pytest.fixture(params=["embedded", "sparql", "neo4j"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh, empty store of each engine."""
    opened: Store
    if request.param == "embedded":
        opened = OxigraphStore(tmp_path / "store")
    elif request.param == "sparql":
        opened = SparqlStore(request.getfixturevalue("sparql_server"))
        opened.update("DROP SILENT ALL")
    else:
        opened = Neo4jStore.from_driver(request.getfixturevalue("neo4j_clean"))
    with opened as s:
        yield s


def bounds(graph: Graph) -> dict[tuple[str, str, str], dict[str, object]]:
    return {key: {k: v for k, v in edge.props.items() if k in BOUND_PROPS or k == "status"}
            for key, edge in graph.edges.items() if key[1] in ("HOLDS", "HAS_RANK")}


def test_every_store_keeps_the_bounds_the_merge_rule_gives(
        store: Store, tenure_fragments: list[Fragment]) -> None:
    expected = Graph()
    for frag in reversed(copy.deepcopy(tenure_fragments)):  # the rule is order-free
        expected.add_fragment(frag)
    store.write_fragments(tenure_fragments)
    got = bounds(store.read_graph())
    assert got == bounds(expected)
    assert got[KHANH_CHAIR]["start"] == "2021-06" and got[KHANH_CHAIR]["end"] == "2023-06"
    assert got[KHANH_CHAIR]["end_source"] == "article/t2"
    assert got[MAI_CHAIR]["start_surface"] == "được bổ nhiệm từ ngày 5/10/2023"


def test_a_replaced_article_takes_its_bounds_with_it(
        store: Store, tenure_fragments: list[Fragment]) -> None:
    store.write_fragments(tenure_fragments)
    plain = copy.deepcopy(next(f for f in tenure_fragments if f.article == "t2"))
    for edge in plain.edges.values():
        edge.props = {k: v for k, v in edge.props.items() if k not in BOUND_PROPS}
        edge.evidence = []
    store.write_fragments([plain])
    got = bounds(store.read_graph())
    assert "end" not in got[KHANH_CHAIR] and "start" not in got[MAI_CHAIR]
    assert got[KHANH_CHAIR]["start"] == "2021-06"  # t1's bound stays
    # the winners are recomputed from what the remaining articles state: t3's undated
    # "nguyên" and "tân" come back in every store
    assert got[KHANH_CHAIR]["end_by"] == "2024-02-01"
    assert got[MAI_CHAIR]["start_by"] == "2024-02-01"


def test_a_reloaded_bound_gives_neo4j_the_rows_of_rdf(
        neo4j_clean: Driver, tmp_path: Path, tenure_fragments: list[Fragment]) -> None:
    changed = copy.deepcopy(next(f for f in tenure_fragments if f.article == "t2"))
    for edge in changed.edges.values():  # t2 now states no bounds, and its text changed
        edge.props = {k: v for k, v in edge.props.items() if k not in BOUND_PROPS}
    rows: list[list[list[dict[str, Any]]]] = []
    for store in (OxigraphStore(tmp_path / "s"), Neo4jStore.from_driver(neo4j_clean)):
        with store:
            store.write_fragments(tenure_fragments)
            assert store.write_fragments([changed]).replaced == ["t2"]
            rows.append([run_named(store, name, params) for name, params in (
                ("holders", {"unit": UNIT}), ("holders", {"unit": UNIT, "date": "2024-03"}),
                ("succession", {"unit": UNIT}))])
    assert rows[0] == rows[1]
    khanh = next(r for r in rows[1][0] if r["person"] == KHANH_CHAIR[0])
    assert khanh["start"] == "2021-06"
    assert KHANH_CHAIR[0] not in {r["person"] for r in rows[1][1]}  # ended by 2024-02-01
