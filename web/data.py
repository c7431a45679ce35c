"""What the explorer reads, all through the store interface: named queries (queries.run)
and the page queries of `web/queries/` (NAME.rq and NAME.cypher, run by `Store.select` with
bound parameters, never formatted text), plus `Store.read_fragment` for an article.

A `Source` opens the store for each request and closes it after, so a build can take the
embedded store between two pages; while a build holds it, the page says the store is being
updated (StoreBusyError). Remote stores (a SPARQL server, Neo4j) stay open.

>>> Source("no-such-store").embedded
True
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from vnkg.graph.vocab import LABEL_OF_CLASS, PROPERTY_OF_PREDICATE, RELATION_OF_PREDICATE
from vnkg.loaders.store import Store, open_store
from vnkg.queries import bind_params, order_rows, read_query
from vnkg.queries.run import run_named

Rows = list[dict[str, Any]]
PAGE_QUERIES = "vnkg.web.queries"


class Source:
    """The store the explorer reads: a folder (embedded, opened per request), a SPARQL
    endpoint or a Neo4j URI (opened once, kept)."""

    def __init__(self, target: str | Path, wait: float = 0.0) -> None:
        self.target = str(target)
        self.wait = wait
        self.embedded = "://" not in self.target
        self._lock = threading.Lock()  # one open at a time: Oxigraph locks its folder
        self._kept: Store | None = None

    @contextmanager
    def store(self) -> Iterator[Store]:
        """The store, open for one request (StoreBusyError while a writer holds it)."""
        with self._lock:
            if not self.embedded:
                if self._kept is None:
                    self._kept = open_store(self.target, wait=self.wait)
                yield self._kept
                return
            store = open_store(self.target, wait=self.wait)
            try:
                yield store
            finally:
                store.close()

    def close(self) -> None:
        """Close a kept remote store."""
        if self._kept is not None:
            self._kept.close()
            self._kept = None


def page_query(store: Store, name: str, params: Mapping[str, Any]) -> Rows:
    """Rows of page query `web/queries/NAME` in the store's language, `params` bound."""
    query = read_query(name, store.language, PAGE_QUERIES)
    bound = bind_params(query, dict(params))
    if store.language == "sparql":
        bound = {f"p_{k}": v for k, v in bound.items()}
    return order_rows(store.select(query.text, bound), query.columns, query.lists)


def named(store: Store, name: str, params: Mapping[str, Any]) -> Rows:
    """Rows of named query `name` (queries/), as `vnkg query` gives them."""
    return run_named(store, name, params)


def label_of(value: Any) -> str:
    """A node label from an RDF class IRI (SPARQL) or a Neo4j label.

    >>> label_of("http://xmlns.com/foaf/0.1/Person"), label_of("Meeting")
    ('Person', 'Meeting')
    """
    for cls, label in LABEL_OF_CLASS.items():
        if str(cls) == str(value):
            return label
    return str(value)


def relation_of(value: Any) -> str:
    """A relation type from an RDF predicate IRI (SPARQL) or a Neo4j type."""
    for pred, rel in RELATION_OF_PREDICATE.items():
        if str(pred) == str(value):
            return rel
    return str(value)


def _prop_name(value: Any) -> str:
    for pred, name in PROPERTY_OF_PREDICATE.items():
        if str(pred) == str(value):
            return name
    return str(value).rsplit("#", 1)[-1]


def node(store: Store, node_id: str) -> dict[str, Any] | None:
    """A node's label and properties (a list where it has several values); None when no
    node has this id."""
    rows = page_query(store, "node", {"id": node_id})
    labels = [label_of(r["label"]) for r in rows]
    known = [x for x in labels if x in _LABELS]
    if not known:
        return None
    props: dict[str, list[Any]] = {}
    for r in rows:
        name = _prop_name(r["prop"])
        if name not in ("id", "sources", "dated") and r["value"] not in props.get(name, []):
            props.setdefault(name, []).append(r["value"])
    first = {k: sorted(map(str, v))[0] for k, v in props.items()}
    return {"id": node_id, "label": known[0], "props": props,
            "name": first.get("name") or first.get("title") or node_id, **first}


_LABELS = {str(v) for v in LABEL_OF_CLASS.values()}


def links(store: Store, node_id: str) -> Rows:
    """The relations touching a node, with labels and relation types named."""
    rows = page_query(store, "links", {"id": node_id})
    out = []
    for r in rows:
        rel = relation_of(r["rel"])
        if rel in ("AUTHORED",) or r["other"] == node_id:
            continue
        out.append({**r, "rel": rel, "other_label": label_of(r["other_label"])})
    return sorted(out, key=lambda r: (r["rel"], r["other_name"] or "", r["other"]))


def facts(store: Store, node_id: str) -> Rows:
    """Every statement about a node with its evidence (article, offsets, words)."""
    out = []
    for r in page_query(store, "facts", {"id": node_id}):
        if r["article"] is None and isinstance(r["text"], str) and r["text"].startswith("{"):
            ev = json.loads(r["text"])  # Neo4j keeps the evidence as JSON strings
            r = {**r, "article": f"article/{ev['article']}", "start": ev["start"],
                 "end": ev["end"], "text": ev["text"]}
        out.append({**r, "rel": relation_of(r["rel"])})
    return sorted(out, key=lambda r: (r["article"] or "", int(r["start"] or 0), r["rel"]))
