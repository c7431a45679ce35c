"""What the explorer reads, all through the store interface: named queries (queries.run)
and the page queries of `web/queries/` (NAME.rq and NAME.cypher, run by `Store.select` with
bound parameters, never formatted text), plus `Store.read_fragment` for an article.

A `Source` opens the embedded store when a page asks and closes it once no page has asked
for `linger` seconds (opening and closing cost more than most pages), so a build can take
the store between two visits; while a build holds it, the page says the store is being
updated (StoreBusyError). Remote stores (a SPARQL server, Neo4j) stay open.

Why not read while the build writes: pyoxigraph 0.5 has no secondary (follower) store any
more, and its `Store.read_only` says opening read-only while another process writes is
undefined behaviour; so the explorer does not, and answers 503 until the build is done.

>>> Source("no-such-store").embedded
True
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from vnkg.graph.vocab import (
    LABEL_OF_CLASS,
    LIST_PROPS,
    PROPERTY_OF_PREDICATE,
    RELATION_OF_PREDICATE,
    with_copies,
    with_id_props,
)
from vnkg.loaders.neo4j_rows import ALL_VALUES
from vnkg.loaders.store import Store, open_store
from vnkg.queries.run import prepare_named, run_named

Rows = list[dict[str, Any]]
PAGE_QUERIES = "vnkg.web.queries"


class Source:
    """The store the explorer reads: a folder (embedded, opened per request), a SPARQL
    endpoint or a Neo4j URI (opened once, kept)."""

    def __init__(self, target: str | Path, wait: float = 0.0, linger: float = 2.0) -> None:
        self.target = str(target)
        self.wait, self.linger = wait, linger
        self.embedded = "://" not in self.target
        self._lock = threading.RLock()  # guards opening and closing, not the reads
        self._kept: Store | None = None
        self._users = 0  # pages reading the open store now: it is closed only when none
        self._timer: threading.Timer | None = None
        self._token: tuple[Store, int] | None = None  # the embedded store's version, per opening

    @contextmanager
    def store(self) -> Iterator[Store]:
        """The store, open (StoreBusyError while a writer holds it). Pages read it at the
        same time (every store reads from several threads): a long read, such as the large
        graph's, does not hold the others up."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            if self._kept is None:
                self._kept = open_store(self.target, wait=self.wait)
            self._users += 1
            kept = self._kept
        try:
            yield kept
        finally:
            with self._lock:
                self._users -= 1
                if self.embedded and not self._users:
                    self._timer = threading.Timer(self.linger, self._close_unused)
                    self._timer.daemon = True
                    self._timer.start()

    def _close_unused(self) -> None:
        with self._lock:
            if not self._users:
                self.close()

    def version(self) -> int:
        """A token of what the store holds (its list of articles): what web.cache's kept
        values are read again on. The embedded store cannot change while it is open here (a
        build cannot open it then), so its token is read once per opening: reading the list
        takes 4.8 s at a million articles, and each kept value looks every few seconds."""
        with self.store() as store:
            if not self.embedded:
                return hash(tuple(store.articles()))
            token = self._token
            if token is None or token[0] is not store:
                token = self._token = (store, hash(tuple(store.articles())))
            return token[1]

    def close(self) -> None:
        """Close the store now (the embedded one reopens when a page asks)."""
        with self._lock:
            if self._kept is not None:
                self._kept.close()
                self._kept = None
            self._token = None


def content_digest(store: Store, *salt: bytes) -> str | None:
    """A digest of what the store holds, the same in every process and on every engine's
    restart (page query graph-digest: the digest `vnkg build` stamps per article), mixed
    with `salt` (what else a kept answer depends on); None for a store with no stamps.

    >>> content_digest(open_store(None)) is None
    True
    """
    rows = sorted((str(r["article"]), str(r["digest"]))
                  for r in page_query(store, "graph-digest", {}))
    if not rows:
        return None
    digest = hashlib.sha256()
    for part in salt:
        digest.update(part)
    digest.update(json.dumps(rows).encode())
    return digest.hexdigest()[:32]


def page_query(store: Store, name: str, params: Mapping[str, Any]) -> Rows:
    """Rows of page query `web/queries/NAME` in the store's language, `params` bound (and,
    in SPARQL, the nodes they name looked up first: the query's seeds)."""
    return run_named(store, name, params, PAGE_QUERIES)


def named(store: Store, name: str, params: Mapping[str, Any]) -> Rows:
    """Rows of named query `name` (queries/), as `vnkg query` gives them."""
    return run_named(store, name, params)


def search_rows(store: Store) -> Rows:
    """The searchable nodes (id, label, name, key), their labels named."""
    return [{**r, "label": label_of(r["label"])} for r in page_query(store, "search", {})]


def label_of(value: Any) -> str:
    """A node label from an RDF class IRI (SPARQL) or a Neo4j label.

    >>> label_of("http://xmlns.com/foaf/0.1/Person"), label_of("Meeting")
    ('Person', 'Meeting')
    """
    return _LABEL_OF.get(str(value), str(value))


def relation_of(value: Any) -> str:
    """A relation type from an RDF predicate IRI (SPARQL) or a Neo4j type."""
    return _RELATION_OF.get(str(value), str(value))


_LABEL_OF = {str(cls): label for cls, label in LABEL_OF_CLASS.items()}
_RELATION_OF = {str(pred): rel for pred, rel in RELATION_OF_PREDICATE.items()}


def _prop_name(value: Any) -> str:
    for pred, name in PROPERTY_OF_PREDICATE.items():
        if str(pred) == str(value):
            return name
    return str(value).rsplit("#", 1)[-1]


def node(store: Store, node_id: str) -> dict[str, Any] | None:
    """A node's label and properties (each a list: a list property's values, else the
    smallest value given, as the named queries' MIN and Neo4j's merge keep); None when no
    node has this id."""
    rows = page_query(store, "node", {"id": node_id})
    labels = [label_of(r["label"]) for r in rows]
    known = [x for x in labels if x in _LABELS]
    if not known:
        return None
    props: dict[str, list[Any]] = {}
    for r in rows:
        name = _prop_name(r["prop"])
        if name not in _BOOKKEEPING and r["value"] is not None:
            props.setdefault(name, []).append(r["value"])
    props = with_copies({k: sorted(set(v), key=str) if k in LIST_PROPS else [min(v, key=str)]
                         for k, v in props.items()}, known[0])
    for name, value in with_id_props({}, known[0], node_id).items():  # the id's tail
        props.setdefault(name, [value])
    first = {k: str(v[0]) for k, v in props.items() if v}
    return {"id": node_id, "label": known[0], "props": props,
            "name": first.get("name") or first.get("title") or node_id, **first}


_LABELS = {str(v) for v in LABEL_OF_CLASS.values()}
# what the stores keep for themselves: ids, sources, digests, Neo4j's lists of all values
_BOOKKEEPING = {"id", "sources", "dated", "digest", *ALL_VALUES.values()}


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


def qualifiers(store: Store, node_id: str) -> dict[tuple[str, str], list[str]]:
    """The qualifiers of each relation touching a node, by (other node, relation type)."""
    return {(r["other"], str(r["rel"])): r["qualifiers"]
            for r in page_query(store, "qualifiers", {"id": node_id})}


def participants(store: Store, meeting_id: str) -> dict[str, dict[str, Any]]:
    """The rank and post each person at a meeting had there, by person id."""
    return {str(r["person"]): r for r in page_query(store, "participants", {"id": meeting_id})}


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


def graph_size_past(store: Store, count: int) -> bool:
    """Whether the large graph page draws more than `count` nodes (at most 3,000), known from
    page query graph-many (3,001 of them at most, read in milliseconds) before the whole
    graph is read; False when it cannot tell (a store of fewer: read the graph to know)."""
    return len(page_query(store, "graph-many", {})) > count


def graph_size(store: Store) -> int:
    """How many nodes the large graph page would draw (page query graph-size: counted, not
    read; under a second at a million articles)."""
    rows = page_query(store, "graph-size", {})
    return int(rows[0]["nodes"]) if rows else 0


def graph_rows(store: Store) -> tuple[Rows, Rows]:
    """What the large graph page draws, the reference gazetteer left out: what is stated of
    each node (id, label, name, province, date, published, first_seen: a row per node, or
    per pair of values where a node has two of one) and every relation (source, relation,
    target, first_seen), labels and relations named by the queries themselves (page queries
    graph-nodes and graph-edges; web.biggraph.rows_json makes the page's answer of them).
    The two queries run at once, each in a thread of its own: the engines evaluate them
    outside Python's lock (pyoxigraph, a server), so on two free cores the read takes about
    as long as the slower one (0.45 s one after the other on 20,000 nodes, 0.25 s at once;
    no faster at once when other work holds both cores). The rows come in the engine's
    order: rows_json orders its answer itself, and sorting 65,000 rows first cost a fifth
    of the read on 20,000 nodes. The gazetteer's name and province of the localities the
    articles only name come as more rows of theirs (page query graph-places)."""
    with ThreadPoolExecutor(2, thread_name_prefix="graph-rows") as pool:
        nodes = pool.submit(_unordered_rows, store, "graph-nodes")
        edges = pool.submit(_unordered_rows, store, "graph-edges")
        places = _unordered_rows(store, "graph-places")
        return nodes.result() + places, edges.result()


def _unordered_rows(store: Store, name: str) -> Rows:
    """Rows of page query `name` (no parameters) in the engine's order."""
    return store.select(*prepare_named(store, name, {}, PAGE_QUERIES))
