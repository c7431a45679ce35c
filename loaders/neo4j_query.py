"""Run the named Cypher queries (`queries/NAME.cypher`) on Neo4j, bound like the SPARQL ones.

Parameters go through `queries.bind_params`, which adds the folded `*_key` of each entity
parameter (person, unit, locality, province, decree, id) and sets every parameter left out to null
("any"); values are always bound, never formatted into the text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from neo4j import Driver, ManagedTransaction

from queries import bind_params, order_rows, read_query


def run_cypher_query(driver: Driver, name: str, params: Mapping[str, Any] | None = None, *,
                     database: str | None = None) -> list[dict[str, Any]]:
    """Rows of the named query, keyed by its declared columns, in a stable order.

    >>> run_cypher_query(driver, "chairs", {"person": "Nguyễn Văn A"})  # doctest: +SKIP
    [{'person': 'person/nguyen-van-a-3f2a', 'person_name': 'Nguyễn Văn A', ...}]
    """
    query = read_query(name, "cypher")
    bound = bind_params(query, dict(params or {}))
    # notifications off: a label or type absent from a small graph is not worth a warning
    with driver.session(database=database, notifications_min_severity="OFF") as session:
        rows = session.execute_read(_fetch, query.text, bound)
    return order_rows(rows, query.columns, query.lists)


def _fetch(tx: ManagedTransaction, text: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    return [record.data() for record in tx.run(text, params)]
