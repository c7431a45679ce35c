"""Pytest fixtures for Neo4j: a driver for the whole session and a clean database per test.

Registered from tests/conftest.py with `pytest_plugins = ["tests.conftest_neo4j"]`.
`NEO4J_URI` (+ NEO4J_USER / NEO4J_PASSWORD) points the tests at a running server; else the
local server of tools/neo4j is started (Bolt on NEO4J_TEST_PORT, 7688 by default, state
under .neo4j/test so a developer's own database on 7687 is never touched) and stopped at
the end. Without either, Neo4j tests skip, but fail when CI=true.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest
from neo4j import Driver, GraphDatabase

from tests.ci import unavailable
from vnkg.loaders.neo4j import clear
from vnkg.loaders.neo4j_server import (
    can_start_local,
    local_auth,
    start_local_neo4j,
    stop_local_neo4j,
    wait_for_bolt,
)

REPO = Path(__file__).resolve().parents[1]


def _unavailable(reason: str) -> NoReturn:
    unavailable(f"no Neo4j (required when CI=true): {reason}")


@dataclass(frozen=True)
class Neo4jSession:
    """The session's Neo4j: its Bolt URI (login: local_auth()) and a driver to it."""

    uri: str
    driver: Driver


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_session: Neo4jSession) -> Driver:
    """A driver to the session's Neo4j."""
    return neo4j_session.driver


@pytest.fixture(scope="session")
def neo4j_session() -> Iterator[Neo4jSession]:
    """NEO4J_URI, or a local server started for this session and stopped at its end."""
    uri = os.environ.get("NEO4J_URI")
    server = None
    if not uri:
        reason = can_start_local()
        if reason:
            _unavailable(f"NEO4J_URI is not set and the local server cannot start ({reason})")
        try:
            port = int(os.environ.get("NEO4J_TEST_PORT", "7688"))
            server = start_local_neo4j(REPO, port, state_dir=REPO / ".neo4j" / "test")
        except (RuntimeError, OSError) as err:
            _unavailable(f"the local server did not start: {err}")
        assert server is not None
        uri = server.uri
    driver = GraphDatabase.driver(uri, auth=local_auth())
    try:
        wait_for_bolt(driver, timeout=30.0)
    except Exception as err:  # any failure to reach it means: no Neo4j for these tests
        driver.close()
        _unavailable(f"{uri} does not answer: {err}")
    yield Neo4jSession(uri, driver)
    driver.close()
    if server is not None:
        stop_local_neo4j(server)


@pytest.fixture()
def neo4j_clean(neo4j_driver: Driver) -> Driver:
    """The session's driver on an empty database."""
    clear(neo4j_driver)
    return neo4j_driver
