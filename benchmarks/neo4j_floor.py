"""What the Neo4j server itself takes to write a load's nodes and relationships, with none of
the loader's provenance: the floor under any Bolt loader of that graph on this machine.

The Bolt loader (loaders.neo4j) merges each node and relationship with its `sources`,
`stated`, `evidence` and dates, sorted and free of duplicates. The floor writes the same
nodes (one bare `MERGE` on the label's id constraint) and the same relationships (`MATCH`
both ends by that constraint, bare `MERGE`), in batches of the same articles and the same
rows per statement, so the two rates compare: a target over the floor cannot be met by the
loader's queries alone, only by a faster server or fewer writes.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import Any

from neo4j import Driver

from vnkg.graph.model import Fragment
from vnkg.loaders.neo4j import clear, ensure_constraints

ROWS = 10_000  # rows per statement, as the loader's batches (loaders/neo4j_batches.py)
_NODES = "CYPHER replan=skip UNWIND $rows AS id MERGE (:`{label}` {{id: id}})"
_RELS = ("CYPHER replan=skip UNWIND $rows AS r MATCH (a:`{src}` {{id: r[0]}}) "
         "MATCH (b:`{tgt}` {{id: r[1]}}) MERGE (a)-[:`{rel}`]->(b)")


def floor_write(driver: Driver, batches: Iterable[list[Fragment]]) -> float:
    """Empty the database, write the batches bare (`write_bare`), empty it again; the
    seconds the writes took."""
    clear(driver)
    ensure_constraints(driver)
    try:
        return write_bare(driver, batches)
    finally:
        clear(driver)


def write_bare(driver: Driver, batches: Iterable[list[Fragment]]) -> float:
    """Write each batch's nodes and relationships with bare MERGEs, one transaction a
    batch, on the loader's constraints; the seconds the writes took (making the rows is
    not timed). Labels and types come from fragments graph.model has checked.

    >>> _NODES.format(label="Person")
    'CYPHER replan=skip UNWIND $rows AS id MERGE (:`Person` {id: id})'
    """
    took = 0.0
    with driver.session() as session:
        for frags in batches:
            statements = list(_statements(frags))
            start = time.perf_counter()
            session.execute_write(_write_all, statements)
            took += time.perf_counter() - start
    return took


def _write_all(tx: Any, statements: list[tuple[str, list[Any]]]) -> None:
    for text, rows in statements:
        for i in range(0, len(rows), ROWS):
            tx.run(text, rows=rows[i:i + ROWS]).consume()


def _statements(frags: list[Fragment]) -> Iterator[tuple[str, list[Any]]]:
    """The batch's statements and rows: nodes per label, then relationships per type and end
    labels, each node and relationship once (the loader merges a batch's rows too)."""
    nodes: dict[str, set[str]] = {}
    rels: dict[tuple[str, str, str], set[tuple[str, str]]] = {}
    for frag in frags:
        for node in frag.nodes.values():
            nodes.setdefault(node.label, set()).add(node.id)
        for edge in frag.edges.values():
            ends = (frag.nodes[edge.source].label, frag.nodes[edge.target].label)
            rels.setdefault((edge.type, *ends), set()).add((edge.source, edge.target))
    for label, ids in sorted(nodes.items()):
        yield _NODES.format(label=label), sorted(ids)
    for (rel, src, tgt), pairs in sorted(rels.items()):
        yield _RELS.format(src=src, tgt=tgt, rel=rel), [list(p) for p in sorted(pairs)]
