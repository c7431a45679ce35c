"""Load graph fragments into Neo4j over Bolt, read the graph back, delete an article.

Writes go in batches of whole fragments (about `batch_size` rows each): one managed write
transaction (retried on transient errors) per batch. It skips fragments identical to the
ones already loaded for their articles (a digest kept on a `VnkgLoad` record per article),
removes the statements of the articles it replaces, then MERGEs nodes per label and
relationships per type with UNWIND. So one article's delete+write is atomic, a re-load of
the same data changes nothing, and a failed batch leaves nothing half-written and is named
in the report. Query texts live in loaders/cypher/; labels and types come from graph.model."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from neo4j import Driver, ManagedTransaction, Query, ResultSummary, Session, Transaction
from neo4j.exceptions import (
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from vnkg.graph.model import LABELS, RELATIONS, UNIQUE, Edge, Fragment, Graph, Node, edge_key
from vnkg.loaders.neo4j_batches import BATCH_ROWS, BatchSize, TooBig, batches, prefetch
from vnkg.loaders.neo4j_rows import (
    ALL_VALUES,
    EDGE_RESERVED,
    FragmentRows,
    InvalidFragment,
    Rows,
    bounds_from_stated,
    evidence_prefix,
    parse_evidence,
    props_from_stated,
    stated_prefix,
)
from vnkg.loaders.store import FailedBatch, LoadReport

CYPHER_DIR = Path(__file__).parent / "cypher"
Tx = ManagedTransaction | Transaction
_TRIES = 4  # attempts of a batch's transaction on a transient error
LOAD_LABEL = "VnkgLoad"  # the loader's record of a loaded fragment; not a node of the model
COUNTERS = ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
            "properties_set")


@cache
def cypher(name: str) -> str:
    """The text of loaders/cypher/NAME.cypher."""
    return (CYPHER_DIR / f"{name}.cypher").read_text(encoding="utf-8")


def constraints() -> list[str]:
    """The statements creating the uniqueness constraint of every label (graph.model.UNIQUE)
    and of the loader's own records, where absent: the loader runs them, and the exports
    for Neo4j (CSV import, Cypher script) ship them, so every path names them alike.

    >>> print(constraints()[0].replace(" FOR", "\\nFOR"))
    CREATE CONSTRAINT vnkg_person_id IF NOT EXISTS
    FOR (vnkg_person_id:Person) REQUIRE vnkg_person_id.id IS UNIQUE
    """
    text = "\n".join(line for line in cypher("constraint").splitlines()
                     if not line.startswith("//"))
    return [text.replace("__NAME__", f"vnkg_{label.lower()}_{key}")
            .replace("__LABEL__", label).replace("__KEY__", key)
            for label, key in [*UNIQUE.items(), (LOAD_LABEL, "article")]]


def ensure_constraints(driver: Driver, *, database: str | None = None) -> None:
    """Create the uniqueness constraint of every label (graph.model.UNIQUE), where absent."""
    for text in constraints():
        driver.execute_query(Query(text), database_=database)


def write_fragments(driver: Driver, fragments: Iterable[Fragment], *, database: str | None = None,
                    batch_size: int = BATCH_ROWS) -> LoadReport:
    """Write fragments, each replacing whatever its article had written before.

    A fragment identical to the one loaded for its article is skipped (`unchanged`). A batch
    the server has not the transaction memory for is written in halves instead, and the
    batches after it are made that much smaller (`BatchSize`).
    """
    ensure_constraints(driver, database=database)
    report = LoadReport()
    size = BatchSize(batch_size)
    # notifications off: on a fresh database every property read is "unknown", a warning each
    with driver.session(database=database, notifications_min_severity="OFF") as session:
        for index, (batch, rows, invalid) in enumerate(prefetch(batches(fragments, size))):
            report.failed.extend(FailedBatch(index, [a], err) for a, err in invalid)
            if batch:
                _write_split(session, index, batch, rows, size, report)
    return report


def _write_split(session: Session, index: int, batch: list[FragmentRows], rows: Rows,
                 size: BatchSize, report: LoadReport) -> None:
    """Write one batch in one transaction, or, when the server lacks the memory for it, in
    two halves (each its own transaction), and so on down to one article."""
    try:
        done = _write_batch(session, batch, rows)
    except TooBig as err:
        if len(batch) == 1:
            report.failed.append(FailedBatch(index, [batch[0].article], (
                f"{err}: one article is more than the server's transaction memory "
                "(db.memory.transaction.max) holds; raise it")))
            return
        size.halve(sum(f.size() for f in batch))
        half = len(batch) // 2
        for part in (batch[:half], batch[half:]):
            _write_split(session, index, part, Rows.of(part), size, report)
        return
    except (Neo4jError, DriverError, InvalidFragment) as err:
        report.failed.append(FailedBatch(index, [f.article for f in batch],
                                         f"{type(err).__name__}: {err}"))
        return
    report.batches += 1
    _add_counts(report, done)


def delete_article(driver: Driver, article: str, *, database: str | None = None) -> None:
    """Remove one article's statements: what no other article supports goes with it."""
    with driver.session(database=database, notifications_min_severity="OFF") as session:
        session.execute_write(_forget, [article])


def clear(driver: Driver, *, database: str | None = None) -> None:
    """Delete every node and relationship (tests and benchmarks): 10,000 nodes a
    transaction, or ten times fewer each time the server has not the memory for it (the
    transactions done stay done: what is deleted stays deleted)."""
    rows = 10_000
    with driver.session(database=database, notifications_min_severity="OFF") as session:
        while True:
            try:
                session.run(Query(cypher("clear").replace("__ROWS__", str(rows)))).consume()
                return
            except TransientError as err:
                if not _out_of_memory(err) or rows <= 10:
                    raise
                rows //= 10


def read_graph(driver: Driver, *, database: str | None = None,
               article: str | None = None) -> Graph:
    """The whole store as a graph.model.Graph (sources, evidence, article dates included);
    with `article`, only what that article supports (properties as merged in the store).
    """
    graph = Graph()
    names = (("read_loads", "read_nodes", "read_relationships") if article is None else
             ("read_load", "read_article_nodes", "read_article_relationships"))
    params = {} if article is None else {"article": article}
    for kind, name in zip(("loads", "nodes", "relationships"), names, strict=True):
        records = driver.execute_query(Query(cypher(name)), params, database_=database).records
        for rec in records:
            if kind == "loads":
                graph.published[rec["article"]] = rec["seen_date"]
            elif kind == "nodes":
                _read_node(graph, rec["id"], rec["labels"], dict(rec["props"]))
            else:
                _read_edge(graph, rec["type"], rec["source"], rec["target"], dict(rec["props"]))
    return graph


def _read_node(graph: Graph, node_id: str, labels: list[str], props: dict[str, Any]) -> None:
    props.pop("id", None)
    props.pop("stated", None)
    for name in ALL_VALUES.values():
        props.pop(name, None)
    graph.sources[node_id] = set(props.pop("sources", None) or [])
    label = next(lab for lab in labels if lab in LABELS)
    graph.nodes[node_id] = Node(node_id, label, props)


def _read_edge(graph: Graph, rel: str, source: str, target: str, props: dict[str, Any]) -> None:
    evidence = [parse_evidence(e) for e in props.pop("evidence", None) or []]
    sources = set(props.pop("sources", None) or [])
    edge = Edge(rel, source, target, {k: v for k, v in props.items() if k not in EDGE_RESERVED},
                evidence)
    graph.edges[edge.key] = edge
    graph.sources[edge_key(edge.key)] = sources


@dataclass
class _Done:
    """What one batch transaction did."""

    written: list[str]
    replaced: list[str]
    unchanged: list[str]
    rows: Rows
    counts: dict[str, int]


def _write_batch(session: Session, batch: list[FragmentRows], merged: Rows) -> _Done:
    """Write the fragments of `batch` that changed (`merged` holds the rows of all of them)
    in one transaction, tried again on a transient error (a deadlock, a lost connection). The
    server running out of transaction memory is raised as TooBig at once: trying the same
    batch again cannot help (the driver's own retries would spend 30 s on it)."""
    for attempt in range(_TRIES - 1):
        try:
            return _transaction(session, batch, merged)
        except (TransientError, ServiceUnavailable, SessionExpired):
            time.sleep(0.5 * 2 ** attempt)
    return _transaction(session, batch, merged)


def _transaction(session: Session, batch: list[FragmentRows], merged: Rows) -> _Done:
    """One attempt at a batch's transaction (TooBig when the server lacks the memory)."""
    try:
        with session.begin_transaction() as tx:
            done = _write_rows(tx, batch, merged)
            tx.commit()
            return done
    except TransientError as err:
        if _out_of_memory(err):
            raise TooBig(f"{type(err).__name__}: {err.message}") from err
        raise


def _out_of_memory(err: TransientError) -> bool:
    """Whether the server refused a transaction for want of memory."""
    return "MemoryPoolOutOfMemoryError" in str(err.code)


def _write_rows(tx: Tx, batch: list[FragmentRows], merged: Rows) -> _Done:
    articles = [f.article for f in batch]
    loaded = {r["article"]: r["digest"] for r in tx.run(cypher("loaded_articles"),
                                                          articles=articles)}
    todo = [f for f in batch if loaded.get(f.article) != f.digest]
    replaced = [f.article for f in todo if f.article in loaded]
    counts: dict[str, int] = _unlink(tx, replaced) if replaced else {}
    rows = merged if len(todo) == len(batch) else Rows.of(todo)
    for label, node_rows in rows.node_rows().items():
        text = cypher("merge_nodes").replace("__LABEL__", _checked_label(label))
        _merge_counts(counts, _run(tx, text, node_rows))
    for (rel, src, tgt), edge_rows in rows.edge_rows().items():
        text = (cypher("merge_relationships").replace("__TYPE__", _checked_type(rel, src, tgt))
                .replace("__SOURCE__", src).replace("__TARGET__", tgt))
        written = _run(tx, text, edge_rows)
        if written.get("written", 0) != len(edge_rows):
            raise InvalidFragment(f"{rel}: {len(edge_rows) - written.get('written', 0)} "
                                  "relationships found no endpoint")
        _merge_counts(counts, written)
    if rows.loads:
        tx.run(cypher("merge_loads"), rows=rows.loads).consume()
    unchanged = [f.article for f in batch if loaded.get(f.article) == f.digest]
    return _Done([f.article for f in todo], replaced, unchanged, rows, counts)


def _unlink(tx: Tx, articles: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    prefixes = [evidence_prefix(a) for a in articles]
    result = tx.run(cypher("unlink_relationships"), articles=articles, prefixes=prefixes,
                    stated=[stated_prefix(a) for a in articles])
    bounds = list(result)
    _merge_counts(counts, _counters(result.consume()))
    _reset_bounds(tx, bounds, counts)
    result = tx.run(cypher("unlink_nodes"), articles=articles,
                    prefixes=[stated_prefix(a) for a in articles])
    kept = list(result)
    _merge_counts(counts, _counters(result.consume()))
    by_label: dict[str, list[dict[str, Any]]] = {}
    for rec in kept:  # what the articles left state, merged again by the value rule
        props = props_from_stated(rec["stated"])
        gone = set(rec["keys"]) - set(props) - {"id", "sources", "stated"}
        by_label.setdefault(rec["label"], []).append(
            {"id": rec["id"], "props": props | dict.fromkeys(gone)})
    for label, rows in by_label.items():
        text = cypher("set_props").replace("__LABEL__", _checked_label(label))
        _merge_counts(counts, _counters(tx.run(text, rows=rows).consume()))
    return counts


def _reset_bounds(tx: Tx, records: list[Any], counts: dict[str, int]) -> None:
    """Set the tenure bounds of the relationships an unlink touched to the winners of what
    their remaining articles state (neo4j_rows.bounds_from_stated)."""
    by_type: dict[str, list[dict[str, Any]]] = {}
    for rec in records:
        by_type.setdefault(rec["type"], []).append(
            {"source": rec["source"], "target": rec["target"],
             "props": bounds_from_stated(rec["stated"] or [])})
    for rel, rows in by_type.items():
        src, tgt = RELATIONS[rel][0]
        text = (cypher("set_bounds").replace("__TYPE__", _checked_type(rel, src, tgt))
                .replace("__SOURCE__", src).replace("__TARGET__", tgt))
        _merge_counts(counts, _counters(tx.run(text, rows=rows).consume()))


def _forget(tx: Tx, articles: list[str]) -> None:
    _unlink(tx, articles)
    tx.run(cypher("delete_loads"), articles=articles).consume()


def _run(tx: Tx, text: str, rows: list[dict[str, Any]]) -> dict[str, int]:
    result = tx.run(text, rows=rows)
    written = result.single(strict=True)["written"]
    counts = _counters(result.consume())
    counts["written"] = written
    return counts


def _counters(summary: ResultSummary) -> dict[str, int]:
    return {name: getattr(summary.counters, name) for name in COUNTERS}


def _merge_counts(total: dict[str, int], more: dict[str, int]) -> None:
    for key, value in more.items():
        total[key] = total.get(key, 0) + value


def _add_counts(report: LoadReport, done: _Done) -> None:
    n_nodes = sum(map(len, done.rows.nodes.values()))
    n_rels = sum(map(len, done.rows.edges.values()))  # after merging rows of one node/edge
    created_n = done.counts.get("nodes_created", 0)
    created_r = done.counts.get("relationships_created", 0)
    report.written.extend(done.written)
    report.replaced.extend(done.replaced)
    report.unchanged.extend(done.unchanged)
    report.nodes_created += created_n
    report.relationships_created += created_r
    report.nodes_updated += max(0, n_nodes - created_n)
    report.relationships_updated += max(0, n_rels - created_r)
    report.properties_set += done.counts.get("properties_set", 0)


def _checked_label(label: str) -> str:
    if label not in LABELS:
        raise InvalidFragment(f"unknown label {label!r}")
    return label


def _checked_type(rel: str, src: str, tgt: str) -> str:
    if (src, tgt) not in RELATIONS.get(rel, ()):
        raise InvalidFragment(f"{rel} may not join {src} to {tgt}")
    return rel
