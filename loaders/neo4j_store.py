"""Neo4j as the store, over Bolt: the loader (loaders.neo4j) behind the store interface.

The login comes from $NEO4J_USER and $NEO4J_PASSWORD, never from the command line, and
never appears in messages. `neo4j+s://` and `bolt+s://` URIs (Aura, TLS) work as they are.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from neo4j import Driver, GraphDatabase, ManagedTransaction
from neo4j.exceptions import AuthError, ServiceUnavailable

from vnkg.graph.model import Fragment, Graph
from vnkg.graph.rdf import Rendered
from vnkg.loaders import neo4j as loader
from vnkg.loaders.store import Closing, LoadReport, Row, each_fragment, no_reader


class Neo4jStore(Closing):
    """The graph in a Neo4j database (`database`: the server's default when None)."""

    language = "cypher"
    name = "neo4j"

    def __init__(self, uri: str | Path, *, wait: float = 0.0,
                 database: str | None = None) -> None:
        del wait  # the server queues its own transactions
        self.uri = str(uri)
        self.database = database
        self.driver = open_driver(self.uri)
        self._owns = True

    @classmethod
    def from_driver(cls, driver: Driver, database: str | None = None) -> Neo4jStore:
        """The store over a driver its caller opened (and closes)."""
        store = cls.__new__(cls)
        store.uri, store.database, store.driver, store._owns = "", database, driver, False
        return store

    def close(self) -> None:
        if self._owns:
            self.driver.close()

    def write_fragments(self, fragments: Iterable[Fragment | Rendered]) -> LoadReport:
        """Write fragments in batches, one transaction each (loaders.neo4j)."""
        frags: list[Any] = list(fragments)
        if any(isinstance(f, Rendered) for f in frags):
            raise TypeError("Neo4j takes fragments, not RDF renderings")
        return loader.write_fragments(self.driver, frags, database=self.database)

    def write_base(self, reference: bool) -> None:
        """With `reference`, the gazetteer's reference localities (skipped when loaded).
        A server that does not take them raises ConnectionError with its reason, before any
        article is written: without them the place queries would answer from a part of the
        map and say nothing (a server whose transactions may hold 4 MiB refuses them)."""
        if reference:
            from vnkg.graph.reference import reference_fragment

            report = self.write_fragments([reference_fragment()])
            if report.failed:
                raise ConnectionError("Neo4j did not take the reference gazetteer, so no "
                                      f"article was written: {report.failed[0].error}")

    def read_fragment(self, article: str) -> Fragment:
        """What one article supports, as a fragment: its nodes and relationships with the
        properties as merged in the store, and its own evidence."""
        graph = loader.read_graph(self.driver, database=self.database, article=article)
        frag = Fragment(article, graph.published.get(article))
        for node in graph.nodes.values():
            frag.add_node(node)
        for edge in graph.edges.values():
            edge.evidence = [e for e in edge.evidence if e.article == article]
            frag.add_edge(edge)
        return frag

    def read_fragments(self, reference: bool) -> Iterator[Fragment]:
        """Every article's fragment, one `read_fragment` each."""
        return each_fragment(self, reference)

    def read_graph(self, reference: bool = False) -> Graph:
        """The whole graph (the reference localities included, when loaded)."""
        del reference
        return loader.read_graph(self.driver, database=self.database)

    def delete_article(self, article: str) -> None:
        loader.delete_article(self.driver, article, database=self.database)

    def reader(self) -> AbstractContextManager[None]:
        """None: the exports that share their reading out read the RDF store."""
        return no_reader()

    def articles(self) -> list[str]:
        return [str(r["article"]) for r in self.select(loader.cypher("list_loads"))]

    def select(self, text: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run Cypher in a read transaction, `params` bound as parameters."""
        # notifications off: a label or type absent from a small graph is not worth a warning
        with self.driver.session(database=self.database,
                                 notifications_min_severity="OFF") as session:
            return session.execute_read(_fetch, text, dict(params or {}))

    def clear(self) -> None:
        """Delete every node and relationship (tests and benchmarks)."""
        loader.clear(self.driver, database=self.database)


def _fetch(tx: ManagedTransaction, text: str, params: dict[str, Any]) -> list[Row]:
    return [record.data() for record in tx.run(text, params)]  # type: ignore[arg-type]


def open_driver(uri: str | None = None) -> Driver:
    """A driver for `uri` (else $NEO4J_URI), its connection checked; the login from
    $NEO4J_USER / $NEO4J_PASSWORD."""
    uri = uri or os.environ.get("NEO4J_URI")
    if not uri:
        raise ValueError("no Neo4j to talk to: give `neo4j` (a Bolt URI) or set NEO4J_URI "
                         "(start a local one with `make neo4j`)")
    auth = (os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""))
    driver = GraphDatabase.driver(uri, auth=auth)
    try:
        driver.verify_connectivity()
    except AuthError as err:
        driver.close()
        raise PermissionError(f"Neo4j at {safe_uri(uri)} refused the login from NEO4J_USER / "
                              "NEO4J_PASSWORD") from err
    except (ServiceUnavailable, OSError) as err:
        driver.close()
        raise ConnectionError(f"no Neo4j answers at {safe_uri(uri)}: {type(err).__name__}; "
                              "is it running (`make neo4j`)?") from err
    return driver


def safe_uri(uri: str) -> str:
    """The URI without any user:password@ part.

    >>> safe_uri("neo4j+s://me:secret@db.example")
    'neo4j+s://db.example'
    """
    return re.sub(r"//[^/@]*@", "//", uri)


def run_cypher(uri: str | None, text: str, *, write: bool = False) -> list[Row]:
    """Free Cypher on the Neo4j at `uri` (else $NEO4J_URI), in a read-only transaction
    unless `write`, so a stray write fails. Loading and named queries go through the store
    interface instead."""
    from neo4j import READ_ACCESS, WRITE_ACCESS, Query
    from neo4j.exceptions import ClientError

    mode = WRITE_ACCESS if write else READ_ACCESS
    driver = open_driver(uri)
    try:
        with driver.session(default_access_mode=mode) as session:
            result = session.run(Query(text))  # type: ignore[arg-type]
            return [dict(record) for record in result]
    except ClientError as err:
        if err.code and err.code.endswith("AccessMode"):
            raise PermissionError("this Cypher writes; it runs read-only unless `write` "
                                  "is given") from err
        raise ValueError(f"Neo4j rejected the query: {err.message}") from err
    finally:
        driver.close()
