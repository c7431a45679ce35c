"""The embedded RDF store: rdflib as the API, Oxigraph on disk as the engine.

Each article's statements live in its own named graph. The default graph holds their
union, each triple once, kept up to date with every write: queries read node properties and
relations there without the repetition a union view gives (a node named in 1,000 articles
would otherwise join 1,000 times), and read provenance in `GRAPH ?g`. Writing an article
replaces its named graph and updates the union in one transaction, so a re-run changes
nothing, a changed article replaces only its own statements, and a failed batch leaves
the store as it was.
"""

from __future__ import annotations

import gc
import hashlib
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import unquote

from oxrdflib import OxigraphStore
from rdflib import Dataset, Literal, URIRef
from rdflib import Graph as RdfGraph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node as Term

from graph.model import Fragment, Graph
from graph.rdf import Rendered, from_quads, graph_iri, nt_literal, render, to_ntriples
from graph.vocab import PREFIXES, VNKG, node_iri
from loaders.oxigraph_bulk import UnionLines, bulk_add, fill_union, holds_graph, recover
from loaders.oxigraph_terms import iri_value, select, substitutions
from loaders.remote import inline_bindings, remote_store

DEFAULT_STORE = Path("vnkg-data")
REFERENCE = "reference"  # the article id of the gazetteer's reference graph
ONTOLOGY = URIRef(str(VNKG)[:-1])  # the ontology's own named graph: https://vnkg.dev/ns
_DIGEST_IRI = str(VNKG.digest)


@dataclass
class LoadReport:
    """What a load did: the articles written and those left unchanged."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    triples: int = 0  # statements written to the articles' graphs (each also in the union)


class RdfStore:
    """An RDF dataset on disk (or in memory when `path` is None).

    >>> with RdfStore(None) as store:
    ...     store.count()
    0
    """

    def __init__(self, path: str | Path | None = DEFAULT_STORE, *,
                 endpoint: str | None = None, update_endpoint: str | None = None,
                 wait: float = 0.0) -> None:
        self.remote = endpoint is not None
        self._union = UnionLines()  # what the bulk path need not write to the union again
        if endpoint is not None:
            self.dataset = Dataset(store=remote_store(endpoint, update_endpoint))
        elif path is None:
            self.dataset = Dataset(store=OxigraphStore())
        else:
            self.dataset = Dataset(store=open_on_disk(Path(path), wait))
            recover(self._oxigraph())
            fill_union(self._oxigraph())
        for prefix, ns in PREFIXES.items():
            self.dataset.bind(prefix, ns)
        self._prefixes = {p: str(ns) for p, ns in self.dataset.namespaces() if p}

    def __enter__(self) -> RdfStore:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Release the store (and its lock on disk).

        The embedded store is flushed first: otherwise the next open replays the write-ahead
        log of everything written since the last flush (24 s after a 1,000-article build)."""
        inner = None if self.remote else getattr(self.dataset.store, "_store", None)
        if inner is not None:
            inner.flush()
        self.dataset.close()
        gc.collect()  # Oxigraph frees its on-disk lock when the last reference goes

    def write_fragments(self, fragments: Iterable[Fragment | Rendered]) -> LoadReport:
        """Replace each fragment's named graph by its new statements, all in one transaction.

        A fragment whose digest equals the one the store holds is left alone (and reported
        unchanged), so a re-run reads one triple per article and writes nothing. Articles the
        embedded store holds nothing of go in through Oxigraph's bulk loader, crash-safe (see
        loaders.oxigraph_bulk); articles already stored (and any remote store) are replaced
        by one SPARQL update. Fragments may come already rendered (`graph.rdf.render`).
        """
        report = LoadReport()
        fresh: list[str] = []
        fresh_graphs: list[str] = []
        stamps: list[str] = []
        replaced: list[str] = []
        seen: set[str] = set()
        for item in fragments:
            done = item if isinstance(item, Rendered) else render(item)
            iri = graph_iri(done.article)
            g = _node_n3(iri)
            # whether the graph holds anything is 10x cheaper to ask than for its digest
            held = self.remote or holds_graph(self._oxigraph(), str(iri))
            stored = self.digest(done.article) if held else None
            if stored == done.digest and done.article not in seen:
                report.unchanged.append(done.article)
                continue
            stamp = f"{g} <{VNKG.digest}> {nt_literal(done.digest)}"
            if not held and done.article not in seen:
                fresh.append(_nquads(done.lines, g, self._union.fresh(done.lines)))
                fresh_graphs.append(g)
                stamps.append(f"GRAPH {g} {{ {stamp} }} {stamp} .")
            else:
                replaced.append(_replace_graph(g, [*done.lines, stamp]))
            seen.add(done.article)
            report.written.append(done.article)
            report.triples += len(done.lines) + 1
        if fresh:
            try:
                bulk_add(self._oxigraph(), "".join(fresh), fresh_graphs, stamps)
            except BaseException:
                self._union.clear()
                raise
        if replaced:
            # terms are serialised and escaped by graph.rdf; no text is formatted in by hand
            self.update(" ;\n".join(replaced))
            if not self.remote:
                self._oxigraph().flush()
        return report

    def _load_nquads(self, data: str) -> None:
        """Add N-Quads to the embedded store in one transaction (Oxigraph's own parser).

        The write buffers are flushed after each load: left alone they grow with every batch
        (about 200 MB per 1,000 articles), and the next open replays them."""
        from pyoxigraph import RdfFormat

        store = self._oxigraph()
        store.load(data.encode("utf-8"), format=RdfFormat.N_QUADS)
        store.flush()

    def _oxigraph(self) -> Any:
        return self.dataset.store._inner  # type: ignore[attr-defined]

    def _triples(self, article: str) -> Iterator[tuple[Term, Term, Term]]:
        g = graph_iri(article)
        for triple in self._graph(g).triples((None, None, None)):
            if triple[1] != VNKG.digest:
                yield triple

    def digest(self, article: str) -> str | None:
        """The digest stamped on an article's named graph when it was written."""
        return self._stamp(graph_iri(article))

    def _stamp(self, g: URIRef) -> str | None:
        if not self.remote:
            from pyoxigraph import NamedNode

            node = NamedNode(str(g))
            found = self._oxigraph().quads_for_pattern(node, NamedNode(_DIGEST_IRI), None, node)
            quad = next(iter(found), None)
            return None if quad is None else str(quad.object.value)
        value = self._graph(g).value(g, VNKG.digest)
        return None if value is None else str(value)

    def write_reference(self, fragment: Callable[[], Fragment], version: str) -> bool:
        """Write reference data (made by `fragment()`) unless `version` of it is stored."""
        return self._write_stamped(graph_iri(REFERENCE), version, lambda: to_ntriples(fragment()))

    def write_ontology(self) -> bool:
        """Load the ontology (graph/ontology.ttl) into its own named graph, once per version."""
        text = (resources.files("graph") / "ontology.ttl").read_text("utf-8")
        version = hashlib.sha256(text.encode()).hexdigest()[:16]

        def lines() -> list[str]:
            nt = RdfGraph().parse(data=text, format="turtle").serialize(format="nt")
            return [line.rstrip(" .") for line in nt.splitlines() if line.strip()]

        return self._write_stamped(ONTOLOGY, version, lines)

    def _write_stamped(self, g: URIRef, version: str, lines: Callable[[], list[str]]) -> bool:
        """Replace named graph `g` by `lines()` (N-Triples, without the final " .") stamped
        with `version`, unless that version is stored already."""
        if self._stamp(g) == version:
            return False
        name = _node_n3(g)
        stamp = f"{name} <{VNKG.digest}> {nt_literal(version)}"
        stamped = [*lines(), stamp]
        if self.remote:
            self.update(_replace_graph(name, stamped))
        elif not holds_graph(self._oxigraph(), str(g)):  # a new store: 5x faster than a load
            bulk_add(self._oxigraph(), _nquads(stamped[:-1], name), [name],
                     [f"GRAPH {name} {{ {stamp} }} {stamp} ."])
        else:
            self.update(_drop_graph(name))
            self._load_nquads(_nquads(stamped, name))
        return True

    def _graph(self, name: URIRef) -> RdfGraph:
        # a view on one named graph; Dataset.graph() would also create it on the server
        return RdfGraph(store=self.dataset.store, identifier=name)

    def delete_article(self, article: str) -> None:
        """Remove one article's statements (its named graph)."""
        self.update(_drop_graph(graph_iri(article).n3()))

    def articles(self) -> list[str]:
        """Ids of the articles in the store (one named graph each)."""
        prefix = str(graph_iri(""))
        names = (str(c.identifier) for c in self.dataset.graphs())
        return sorted(unquote(n[len(prefix):]) for n in names if n.startswith(prefix))

    def read_fragment(self, article: str) -> Fragment:
        """One article's statements, as the Fragment that was written."""
        return from_quads(article, self._triples(article))

    def read_graph(self, reference: bool = False) -> Graph:
        """The whole graph: the union of every article's fragment.

        The reference gazetteer (article id `reference`) is left out, but with `reference`
        its PART_OF links touching a locality the articles mention come along, one hop, so
        a province mentioned brings its districts and a district its province.
        """
        graph = Graph()
        for article in self.articles():
            if article != REFERENCE:
                graph.add_fragment(self.read_fragment(article))
        if reference and REFERENCE in self.articles():
            graph.add_fragment(_linked(self.read_fragment(REFERENCE), graph))
        return graph

    def query(self, text: str, bindings: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a SPARQL SELECT over the union graph; `bindings` are bound, never formatted in.

        Returns one dict per row, keyed by variable, values as Python values (None if unbound).
        """
        if not self.remote:  # rows built from Oxigraph's terms: rdflib's cost as much
            return select(self._oxigraph(), text, bindings or {}, self._prefixes)
        init = {k: v if isinstance(v, URIRef | Literal) else Literal(v)
                for k, v in (bindings or {}).items() if v is not None}
        # SPARQL 1.1 protocol has no parameters: bind as an inline VALUES block at the
        # start of the WHERE clause, with terms serialised (escaped) by rdflib. Sent to
        # the store itself: through the Dataset, rdflib would name its own default graph
        # (urn:x-rdflib:default) as the query's default graph on the server
        store: Any = self.dataset.store
        result = store.query(inline_bindings(text, init, list(bindings or ())), {}, {}, None)
        names = [str(v) for v in result.vars or []]
        rows: list[Any] = list(result)
        return [{n: _py(row[i]) for i, n in enumerate(names)} for row in rows]

    def node_iris(self, text: str, bindings: Mapping[str, Any]) -> list[str]:
        """The IRIs a SELECT binds to `?n`, `bindings` bound: the lookups of queries.seeds,
        straight from Oxigraph when embedded (rdflib's result rows cost more than the query).
        """
        if self.remote:
            return [str(node_iri(str(r["n"]))) for r in self.query(text, bindings)]
        rows: Any = self._oxigraph().query(text, substitutions=substitutions(bindings))
        return [row["n"].value for row in rows]

    def update(self, text: str) -> None:
        """Run a SPARQL update in the store's own engine (one transaction in Oxigraph).

        Dataset.update would hand a union-default dataset to rdflib's pure-Python engine,
        which is orders of magnitude slower, so the store is called directly.
        """
        self._union.clear()  # an update may delete from the union
        store: Any = self.dataset.store
        store.update(text, {}, {}, None if self.remote else DATASET_DEFAULT_GRAPH_ID)

    def count(self) -> int:
        """Number of quads in the store."""
        rows: list[Any] = list(self.dataset.query(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))
        return int(rows[0][0].toPython())


def _linked(ref: Fragment, graph: Graph) -> Fragment:
    mentioned = {n for n, node in graph.nodes.items() if node.label == "Locality"}
    part = Fragment(ref.article, ref.published)
    for edge in ref.edges.values():
        if edge.type == "PART_OF" and (edge.source in mentioned or edge.target in mentioned):
            part.add_edge(edge)
            for end in (edge.source, edge.target):
                if end in ref.nodes:
                    part.add_node(ref.nodes[end])
    return part


def _node_n3(iri: URIRef) -> str:
    return f"<{iri}>"


def _nquads(lines: list[str], g: str, union: list[str] | None = None) -> str:
    """N-Quads putting each N-Triples line in named graph `g`, and `union` (by default the
    same lines) in the union (default graph)."""
    return _ended(lines, f" {g} .\n") + _ended(lines if union is None else union, " .\n")


def _ended(lines: list[str], end: str) -> str:
    return end.join(lines) + end if lines else ""


def _drop_graph(g: str) -> str:
    """The update removing named graph `g` and, from the union, the triples only it held."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} FILTER NOT EXISTS "
            f"{{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h != {g}) }} }} ; DROP SILENT GRAPH {g}")


def _replace_graph(g: str, lines: list[str]) -> str:
    """The update replacing named graph `g` by `lines` (N-Triples terms serialised and
    escaped by graph.rdf), in the union too."""
    body = " .\n".join(lines)
    return f"{_drop_graph(g)} ; INSERT DATA {{ {body} . GRAPH {g} {{ {body} }} }}"


class StoreBusyError(RuntimeError):
    """The store is locked by another process (or another open RdfStore)."""


def open_on_disk(path: Path, wait: float = 0.0) -> OxigraphStore:
    """Open (or create) the Oxigraph store in folder `path`, waiting up to `wait` seconds
    while another process holds its lock; then StoreBusyError. A path that is not a store
    folder, or a damaged store, is a ValueError saying so.

    Oxigraph takes a lock on the folder for as long as the store is open, so two builds
    can never write one store at once; the lock dies with its process, even on SIGKILL.
    """
    if path.exists() and not path.is_dir():
        raise ValueError(f"{path} is a file, not a store folder; give a folder")
    path.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    while True:
        try:
            return OxigraphStore(configuration=str(path))
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


def _py(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, URIRef):
        return iri_value(str(term))
    return term.toPython() if isinstance(term, Literal) else str(term)


def run_named(store: RdfStore, name: str, params: Mapping[str, Any] | None = None
              ) -> list[dict[str, Any]]:
    """Run the named SPARQL query `queries/NAME.rq` with `params` bound; rows in stable order.

    >>> with RdfStore(None) as store:
    ...     run_named(store, "chairs", {"person": "Nguyễn Văn A"})
    []
    """
    from queries import order_rows, read_query

    query = read_query(name, "sparql")
    text, bindings = prepare_named(store, name, params)
    return order_rows(store.query(text, bindings), query.columns, query.lists)


def prepare_named(store: RdfStore, name: str, params: Mapping[str, Any] | None = None
                  ) -> tuple[str, dict[str, Any]]:
    """The text of named query `name` with its seeds looked up in `store`, and the
    bindings (`p_*`) of `params`: what `run_named` sends the engine."""
    from queries import bind_params, read_query
    from queries.seeds import seeded

    query = read_query(name, "sparql")
    bound = bind_params(query, dict(params or {}))
    text = seeded(query.text, store.node_iris, query.seeds, bound)
    return text, {f"p_{k}": v for k, v in bound.items()}
