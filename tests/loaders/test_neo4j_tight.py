"""The Bolt loader on a server with little memory for a transaction: a second real Neo4j,
started for this module with `db.memory.transaction.max` at 4 MiB (tools/neo4j/start.sh's
NEO4J_TX_MAX). A batch the server cannot hold is written in halves, each its own
transaction, and the database ends as a load of one article a transaction leaves it; the
reference gazetteer, one fragment too big for it, is an error."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase

from tests.ci import unavailable
from vnkg.graph.model import Fragment
from vnkg.loaders.neo4j import clear, read_graph, write_fragments
from vnkg.loaders.neo4j_batches import BATCH_ROWS
from vnkg.loaders.neo4j_rows import fragment_rows
from vnkg.loaders.neo4j_server import (
    can_start_local,
    local_auth,
    start_local_neo4j,
    stop_local_neo4j,
)
from vnkg.loaders.neo4j_store import Neo4jStore

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tight(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Driver]:
    """A driver to a Neo4j whose transactions may hold 4 MiB each."""
    reason = can_start_local()
    if reason:
        unavailable(f"no Neo4j (required when CI=true): the local server cannot start ({reason})")
    port = int(os.environ.get("NEO4J_TEST_PORT", "7688")) + 50
    before = os.environ.get("NEO4J_TX_MAX")
    os.environ["NEO4J_TX_MAX"] = "4m"
    try:
        server = start_local_neo4j(REPO, port, state_dir=tmp_path_factory.mktemp("tight"))
    finally:
        if before is None:
            del os.environ["NEO4J_TX_MAX"]
        else:
            os.environ["NEO4J_TX_MAX"] = before
    driver = GraphDatabase.driver(server.uri, auth=local_auth())
    yield driver
    driver.close()
    stop_local_neo4j(server)


def test_a_batch_the_server_cannot_hold_is_written_in_halves(
        tight: Driver, corpus_fragments: list[Fragment]) -> None:
    rows = sum(fragment_rows(f).size() for f in corpus_fragments)
    assert rows < BATCH_ROWS  # one batch by size: only the server's refusal splits it
    clear(tight)
    whole = write_fragments(tight, corpus_fragments)
    assert whole.failed == [] and len(whole.written) == len(corpus_fragments)
    assert whole.batches > 1
    split = read_graph(tight)
    clear(tight)
    one_by_one = write_fragments(tight, corpus_fragments, batch_size=1)
    assert one_by_one.failed == [] and one_by_one.batches == len(corpus_fragments)
    again = read_graph(tight)
    assert split.nodes == again.nodes and split.edges == again.edges
    assert len(split.nodes) > 500


def test_a_gazetteer_the_server_cannot_hold_is_an_error_not_a_gap(tight: Driver) -> None:
    clear(tight)
    with pytest.raises(ConnectionError, match="reference gazetteer.*db.memory.transaction.max"):
        Neo4jStore.from_driver(tight).write_base(True)
    assert read_graph(tight).nodes == {}
