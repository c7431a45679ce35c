"""The floor under the Bolt loader writes the graph the loader writes, without provenance."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from neo4j import Driver

from tests.loaders.neo4j_fixtures import fragment_a, fragment_b, fragment_c
from vnkg.loaders.neo4j import LOAD_LABEL, clear, ensure_constraints, write_fragments


def _shape(driver: Driver) -> tuple[list[Any], list[Any]]:
    """The nodes (labels, id) and relationships (ends, type) in the database, the loader's
    own load records left out."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) WHERE NOT $load IN labels(n) RETURN labels(n) AS l, n.id AS id ORDER BY id, l",
        load=LOAD_LABEL)
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b ORDER BY a, t, b")
    return [r.data() for r in nodes], [r.data() for r in rels]


def test_the_floor_writes_the_loaders_nodes_and_relationships(
        neo4j_clean: Driver, neo4j_floor: ModuleType) -> None:
    frags = [fragment_a(), fragment_b(), fragment_c()]
    write_fragments(neo4j_clean, frags)
    loaded = _shape(neo4j_clean)
    assert loaded[0] and loaded[1]
    clear(neo4j_clean)
    ensure_constraints(neo4j_clean)
    took = neo4j_floor.write_bare(neo4j_clean, [frags[:2], frags[2:]])
    assert took > 0
    assert _shape(neo4j_clean) == loaded
    props, _, _ = neo4j_clean.execute_query("MATCH ()-[r]->() RETURN count(keys(r)[0]) AS n")
    assert props[0]["n"] == 0  # bare: no sources, evidence or dates


def test_the_floor_leaves_the_database_empty(neo4j_clean: Driver,
                                            neo4j_floor: ModuleType) -> None:
    assert neo4j_floor.floor_write(neo4j_clean, [[fragment_a()]]) > 0
    count, _, _ = neo4j_clean.execute_query("MATCH (n) RETURN count(n) AS n")
    assert count[0]["n"] == 0
