"""Free Cypher for `vnkg cypher`: a driver (credentials from the environment only) and a
read-only transaction unless asked to write. Loading and named queries go through the
store interface (loaders.neo4j_store, queries.run).

    export NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=...
    vnkg build examples/articles --backend neo4j
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def connect(uri: str | None = None) -> Iterator[Any]:
    """A driver for `uri` (else $NEO4J_URI); the login comes from $NEO4J_USER and
    $NEO4J_PASSWORD, never from the command line, and never appears in messages."""
    from loaders.neo4j_store import open_driver

    driver = open_driver(uri)
    try:
        yield driver
    finally:
        driver.close()


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
