"""Neo4j as a backend of the API: connect (credentials from the environment only), load
fragments, run named Cypher queries and read-only Cypher.

    export NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=...
    vnkg build examples/articles --backend neo4j
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

BACKENDS = ("rdf", "neo4j", "both")


@contextmanager
def connect(uri: str | None = None) -> Iterator[Any]:
    """A driver for `uri` (else $NEO4J_URI); the login comes from $NEO4J_USER and
    $NEO4J_PASSWORD, never from the command line, and never appears in messages.
    `neo4j+s://` and `bolt+s://` URIs (Aura, TLS) work as they are."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, ServiceUnavailable

    uri = uri or os.environ.get("NEO4J_URI")
    if not uri:
        raise ValueError("no Neo4j to talk to: give `neo4j` (a Bolt URI) or set NEO4J_URI "
                         "(start a local one with `make neo4j`)")
    auth = (os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""))
    driver = GraphDatabase.driver(uri, auth=auth)
    try:
        try:
            driver.verify_connectivity()
        except AuthError as err:
            raise PermissionError(f"Neo4j at {_safe(uri)} refused the login from NEO4J_USER / "
                                  "NEO4J_PASSWORD") from err
        except (ServiceUnavailable, OSError) as err:
            raise ConnectionError(f"no Neo4j answers at {_safe(uri)}: {type(err).__name__}; "
                                  "is it running (`make neo4j`)?") from err
        yield driver
    finally:
        driver.close()


def _safe(uri: str) -> str:
    """The URI without any user:password@ part."""
    return re.sub(r"//[^/@]*@", "//", uri)


def run_cypher(driver: Any, text: str, write: bool = False) -> list[dict[str, Any]]:
    """Run Cypher; in a read-only transaction unless `write`, so a stray write fails."""
    from neo4j import READ_ACCESS, WRITE_ACCESS, Query
    from neo4j.exceptions import ClientError

    mode = WRITE_ACCESS if write else READ_ACCESS
    try:
        with driver.session(default_access_mode=mode) as session:
            result = session.run(Query(text))  # type: ignore[arg-type]
            return [dict(record) for record in result]
    except ClientError as err:
        if err.code and err.code.endswith("AccessMode"):
            raise PermissionError("this Cypher writes; it runs read-only unless `write` "
                                  "is given") from err
        raise ValueError(f"Neo4j rejected the query: {err.message}") from err
