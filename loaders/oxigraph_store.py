"""The embedded store: Oxigraph on disk (or in memory), through pyoxigraph directly.

Oxigraph takes a lock on the folder for as long as the store is open, so two builds can
never write one store at once; the lock dies with its process, even on SIGKILL. New
articles go in through the bulk loader (loaders.oxigraph_bulk), crash-safe.
"""

from __future__ import annotations

import gc
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import partial
from itertools import chain, groupby
from operator import attrgetter
from pathlib import Path
from typing import Any, BinaryIO, cast

from pyoxigraph import DefaultGraph, NamedNode, Quad, QuerySolutions, RdfFormat
from pyoxigraph import Store as Oxigraph
from pyoxigraph import Triple as OxTriple
from rdflib.term import Node as Term

from vnkg.graph.rdf_read import Triple
from vnkg.graph.vocab import ID
from vnkg.loaders.old_stores import OLD_EVIDENCE, old_evidence_error
from vnkg.loaders.oxigraph_bulk import UnionLines, bulk_add, fill_union, holds_graph, recover
from vnkg.loaders.oxigraph_terms import PREFIXES_BOUND, plain_triples, select, to_rdflib
from vnkg.loaders.rdf import DIGEST_IRI, RdfBase
from vnkg.loaders.rdf_dump import (
    reference_graph,
    serialize_stream,
    union_only_query,
    union_query,
    with_named_places,
    write_graphs_shared,
)
from vnkg.loaders.rdf_summaries import KnownSummaries
from vnkg.loaders.rdf_updates import GRAPH_ONLY_PREDICATES, drop_graph, nquads
from vnkg.loaders.shares import split
from vnkg.loaders.store import DEFAULT_STORE, Row, StoreBusyError, no_reader

SNAPSHOT = ".vnkg-snapshot-"  # what the folder of a store's snapshot adds to its name
COMPACT_FROM = 1000  # new articles bulk-written under which closing never compacts
_EVIDENCE, _WORDS = _GRAPH_ONLY = [NamedNode(str(p)) for p in GRAPH_ONLY_PREDICATES]
_STATEMENT = f"{ID}statement/"  # graph.rdf.statement_iri's
_subject = attrgetter("subject")


class OxigraphStore(RdfBase):
    """An RDF dataset on disk (or in memory when `path` is None).

    >>> with OxigraphStore(None) as store:
    ...     store.count()
    0
    """

    name = "the embedded store"

    def __init__(self, path: str | Path | None = DEFAULT_STORE, *, wait: float = 0.0,
                 read_only: bool = False) -> None:
        self._union = UnionLines()  # what the bulk path need not write to the union again
        self._known = KnownSummaries()  # the holding summaries it need not read back
        self._added = 0  # new articles bulk-written since the store was opened
        self.compacted = False  # whether closing compacted the store's files
        self.path = None if path is None else Path(path)
        self.read_only = read_only
        if read_only:
            self.oxigraph: Oxigraph | None = open_read_only(self.path)
        else:
            self.oxigraph = Oxigraph() if self.path is None else open_on_disk(self.path, wait)
        if self.path is not None and not read_only:
            if _holds_old_evidence(self.oxigraph):
                self.close()
                raise old_evidence_error(f"the store at {self.path}")
            recover(self.oxigraph)
            fill_union(self.oxigraph)
            self._ensure_summaries()

    @property
    def _ox(self) -> Oxigraph:
        if self.oxigraph is None:
            raise ValueError("the store is closed")
        return self.oxigraph

    def close(self, *, compact: bool = True) -> None:
        """Release the store (and its lock on disk).

        The store is flushed first: otherwise the next open replays the write-ahead log of
        everything written since the last flush (24 s after a 1,000-article build). With
        `compact`, a store that bulk-wrote enough new articles is then compacted
        (`_compacts`), so it is small from the first query on; a compaction cut short leaves
        the same graph, less compact."""
        if self.oxigraph is None:
            return
        try:
            if self.path is not None and not self.read_only:
                self.oxigraph.flush()
                if compact and self._compacts():
                    self.oxigraph.optimize()
                    self.compacted = True
        finally:
            self.oxigraph = None
            gc.collect()  # Oxigraph frees its on-disk lock when the last reference goes

    def __exit__(self, *exc: object) -> None:
        """Close; a build that failed or was interrupted does not wait for a compaction."""
        self.close(compact=exc[0] is None)

    def _compacts(self) -> bool:
        """Whether the store should merge its files (Oxigraph's `optimize`) before closing:
        when it bulk-wrote at least COMPACT_FROM new articles, and at least as many as it
        held before (each made a new named graph).

        Each bulk load adds sorted files that the store only merges bit by bit, in the
        background of later opens; merged at once, a 100,000-article build's store went from
        6.1 to 4.0 GB, for a fifth more build time. Compacting only when the store at least
        doubled bounds what these compactions rewrite to a few times the store, however it
        was built, and adding a few articles to a large store costs nothing more."""
        if self._added < COMPACT_FROM:
            return False
        return self._added >= sum(1 for _ in self._graph_names()) - self._added

    @contextmanager
    def reader(self) -> Iterator[Callable[[], OxigraphStore] | None]:
        """Opens, read-only, a snapshot of the store taken now (Oxigraph's backup: hard
        links to its files, in a hidden folder beside its own, removed on exit), which this
        store's compactions cannot change under a reader, as they can the folder itself;
        None for a store in memory or opened read-only, or where no snapshot can be made.

        >>> with OxigraphStore(None).reader() as opens:
        ...     opens is None
        True
        """
        snapshot = self._snapshot()
        try:
            yield (None if snapshot is None
                   else partial(OxigraphStore, snapshot / "store", read_only=True))
        finally:
            if snapshot is not None:
                shutil.rmtree(snapshot, ignore_errors=True)

    def _snapshot(self) -> Path | None:
        """A snapshot of the store in a new folder beside it, or None. Only a process
        holding the store's lock makes one, so any older one there was left by a process
        killed meanwhile, and goes first (its hard links would keep files the store has
        since compacted away)."""
        if self.path is None or self.read_only:
            return None
        for stale in self.path.parent.glob(f".{self.path.name}{SNAPSHOT}*"):
            shutil.rmtree(stale, ignore_errors=True)
        try:
            folder = Path(tempfile.mkdtemp(dir=self.path.parent,
                                           prefix=f".{self.path.name}{SNAPSHOT}"))
        except OSError:
            return None  # a folder it cannot write beside
        try:
            self._ox.backup(str(folder / "store"))
        except OSError:
            shutil.rmtree(folder, ignore_errors=True)
            return None
        return folder

    def _holds(self, g: str) -> bool:
        return holds_graph(self._ox, g)

    def _stamp(self, g: str) -> str | None:
        node = NamedNode(g)
        quad = next(iter(self._ox.quads_for_pattern(node, NamedNode(DIGEST_IRI), None, node)),
                    None)
        return None if quad is None else str(getattr(quad.object, "value", quad.object))

    def _known_summaries(self) -> KnownSummaries:
        return self._known

    def _fresh(self, lines: list[str]) -> list[str]:
        return self._union.fresh(lines)

    def _add_new(self, data: str, graphs: list[str], stamps: list[str], after: str = ""
                 ) -> None:
        try:
            bulk_add(self._ox, data, graphs, stamps, after)
        except BaseException:
            self._union.clear()
            self._known.clear()
            raise
        self._known.commit()
        self._added += len(graphs)

    def _replace_stamped(self, name: str, stamped: list[str]) -> None:
        self.update(drop_graph(name))
        self._load_nquads(nquads(stamped, name))

    def _load_nquads(self, data: str) -> None:
        """Add N-Quads in one transaction (Oxigraph's own parser), then flush: left alone
        the write buffers grow with every batch (about 200 MB per 1,000 articles), and the
        next open replays them."""
        self._ox.load(data.encode("utf-8"), format=RdfFormat.N_QUADS)
        self._ox.flush()

    def _written(self) -> None:
        self._ox.flush()

    def _triples(self, g: str) -> Iterator[tuple[Term, Term, Term]]:
        for quad in self._ox.quads_for_pattern(None, None, None, NamedNode(g)):
            yield to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)

    def _plain_triples(self, g: str) -> Iterator[Triple]:
        return plain_triples(self._ox.quads_for_pattern(None, None, None, NamedNode(g)))

    def _graph_names(self) -> Iterable[str]:
        return (g.value for g in self._ox.named_graphs() if isinstance(g, NamedNode))

    def update(self, text: str) -> None:
        """Run a SPARQL update in one Oxigraph transaction (the default graph is the union
        vnkg keeps, as a query sees it)."""
        self._union.clear()  # an update may delete from the union
        self._known.clear()
        self._ox.update(text, prefixes=dict(PREFIXES_BOUND))

    def select(self, text: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run a SPARQL query over the union graph; `params` are bound as substitutions,
        never formatted in (None: unbound). Rows come from Oxigraph's terms directly."""
        return select(self._ox, text, params or {}, PREFIXES_BOUND)

    def quads(self) -> Iterator[tuple[Term, Term, Term, Term]]:
        for q in self._ox.quads_for_pattern(None, None, None, None):
            if not isinstance(q.graph_name, DefaultGraph):
                yield (to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object),
                       to_rdflib(q.graph_name))

    def union_triples(self) -> Iterator[tuple[Term, Term, Term]]:
        triples: Iterable[Quad | OxTriple] = chain(
            self._ox.quads_for_pattern(None, None, None, DefaultGraph()), self._graph_only())
        for t in triples:
            yield to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)

    def dump(self, out: BinaryIO, fmt: RdfFormat, reference: bool = True,
             jobs: int = 1) -> None:
        """Stream the store to `out`: N-Quads, the named graphs (of the gazetteer's, unless
        `reference`, only the localities the articles name), those of a large store on up
        to `jobs` processes (loaders.shares), the same bytes; a triples format, the union
        (without the gazetteer: what another graph states too, and the gazetteer's
        properties of the localities the articles name). Oxigraph's own dump where it
        writes what is asked."""
        if fmt == RdfFormat.N_QUADS:
            skip = None if reference else reference_graph()
            # Oxigraph lists the graphs in the order its scan of every quad meets them
            graphs = [g for g in self._graph_names() if g != skip]
            shares = split(graphs, jobs)
            with self.reader() if len(shares) > 1 else no_reader() as opens:
                if opens is not None:
                    write_graphs_shared(opens, shares, out,
                                        lambda f: self._write_nquads(iter(()), reference, f))
                    return
            self._write_nquads(self.graph_quads(graphs), reference, out)
        elif reference and fmt != RdfFormat.JSON_LD:  # vnkg compacts JSON-LD itself
            self._ox.dump(out, fmt, from_graph=DefaultGraph(),
                          prefixes=dict(PREFIXES_BOUND) if fmt == RdfFormat.TURTLE else None)
            serialize_stream(self._graph_only(), out, fmt)  # a document after the first
        else:
            triples: Any = (self._ox.quads_for_pattern(None, None, None, DefaultGraph())
                            if reference else self._ox.query(
                                f"CONSTRUCT {{ ?s ?p ?o }} WHERE {union_query(False)}"))
            ref = None if reference else NamedNode(reference_graph())
            serialize_stream(self._with_evidence(triples, ref), out, fmt)

    def _write_nquads(self, quads: Iterable[Quad], reference: bool, out: BinaryIO) -> None:
        """The N-Quads of named graphs' `quads`, then of what the union holds alone and
        the named places (loaders.rdf_dump's `with_named_places`)."""
        default, rows = DefaultGraph(), self._ox.query(union_only_query())
        own = (Quad(s, p, o, default) for s, p, o in cast(QuerySolutions, rows))
        serialize_stream(with_named_places(quads, reference, self._ox.query, own=own), out,
                         RdfFormat.N_QUADS)

    def _graph_only(self, skip: NamedNode | None = None) -> Iterator[OxTriple]:
        """What the named graphs (but `skip`) alone hold (graph.rdf.Rendered's `graph_only`:
        the evidence), which the union (default graph) lacks, as triples."""
        for p in _GRAPH_ONLY:
            yield from self._in_graphs(None, p, skip)

    def _with_evidence(self, triples: Iterable[Any], skip: NamedNode | None
                       ) -> Iterator[Any]:
        """The union's `triples` (a run for each subject, as Oxigraph gives them) with each
        statement's evidence links, read from the named graphs (but `skip`), joined to its
        run, then the spans' words: one JSON-LD node object a statement, as before the
        evidence left the union."""
        for subject, run in groupby(triples, key=_subject):
            if not (isinstance(subject, NamedNode) and subject.value.startswith(_STATEMENT)):
                yield from run
                continue
            held = list(run)
            yield from held
            if all(t.predicate != _EVIDENCE for t in held):  # else a store written before
                yield from self._in_graphs(subject, _EVIDENCE, skip)
        yield from self._in_graphs(None, _WORDS, skip)

    def _in_graphs(self, subject: NamedNode | None, predicate: NamedNode,
                   skip: NamedNode | None) -> Iterator[OxTriple]:
        for q in self._ox.quads_for_pattern(subject, predicate, None, None):
            if not isinstance(q.graph_name, DefaultGraph) and q.graph_name != skip:
                yield OxTriple(q.subject, q.predicate, q.object)

    def graph_quads(self, graphs: Iterable[str]) -> Iterator[Quad]:
        """The quads of the named graphs `graphs` (IRIs), one graph after another."""
        for g in graphs:
            yield from self._ox.quads_for_pattern(None, None, None, NamedNode(g))


def open_on_disk(path: Path, wait: float = 0.0) -> Oxigraph:
    """Open (or create) the Oxigraph store in folder `path`, waiting up to `wait` seconds
    while another process holds its lock; then StoreBusyError. A path that is not a store
    folder, or a damaged store, is a ValueError saying so."""
    if path.exists() and not path.is_dir():
        raise ValueError(f"{path} is a file, not a store folder; give a folder")
    path.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    while True:
        try:
            return Oxigraph(str(path))
        except OSError as err:
            if "lock" not in str(err).lower():
                raise ValueError(f"cannot open the store at {path} ({err}); check the "
                                 "folder is a vnkg store and readable") from err
            if time.monotonic() >= deadline:
                raise StoreBusyError(
                    f"the store at {path} is in use by another process (another vnkg build "
                    "or query?); wait for it to finish, or use another store folder") from err
            time.sleep(0.2)
        except RuntimeError as err:  # pyoxigraph reports a damaged store this way
            raise ValueError(f"cannot open the store at {path} ({err}); it is damaged or "
                             "not a vnkg store: rebuild it into a new folder") from err


def open_read_only(path: Path | None) -> Oxigraph:
    """The Oxigraph store in folder `path`, read-only; a ValueError if there is none."""
    if path is None:
        raise ValueError("a store in memory cannot be opened read-only: give its folder")
    try:
        return Oxigraph.read_only(str(path))
    except (OSError, RuntimeError) as err:
        raise ValueError(f"cannot open the store at {path} to read it ({err}); check the "
                         "folder is a vnkg store and readable") from err


def _holds_old_evidence(store: Oxigraph) -> bool:
    """Whether a store holds evidence spans in their form before they were compact (any
    quad with their retired start predicate): one index lookup."""
    pattern = store.quads_for_pattern(None, NamedNode(OLD_EVIDENCE), None, None)
    return next(iter(pattern), None) is not None
