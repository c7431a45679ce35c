"""The embedded RDF store: rdflib as the API, Oxigraph on disk as the engine.

Each article's statements live in its own named graph; the default graph is their union.
Writing an article replaces its named graph in one transaction, so a re-run changes
nothing, a changed article replaces only its own statements, and a failed batch leaves
the store as it was.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from oxrdflib import OxigraphStore
from rdflib import Dataset, Literal, URIRef
from rdflib.term import Node as Term

from graph.model import Fragment, Graph
from graph.rdf import from_quads, graph_iri, to_quads
from graph.vocab import ID, PREFIXES

DEFAULT_STORE = Path("vnkg-data")


@dataclass
class LoadReport:
    """What a load did: articles written, unchanged, and quads in the store after it."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    quads: int = 0


class RdfStore:
    """An RDF dataset on disk (or in memory when `path` is None).

    >>> with RdfStore(None) as store:
    ...     store.count()
    0
    """

    def __init__(self, path: str | Path | None = DEFAULT_STORE) -> None:
        if path is None:
            self.dataset = Dataset(store=OxigraphStore(), default_union=True)
        else:
            Path(path).mkdir(parents=True, exist_ok=True)
            try:
                store = OxigraphStore(configuration=str(path))
            except OSError as err:
                raise StoreBusyError(
                    f"cannot open the store at {path}: {err}. Is another vnkg build running "
                    "on it? Wait for it to finish, or use another --store.") from err
            self.dataset = Dataset(store=store, default_union=True)
        for prefix, ns in PREFIXES.items():
            self.dataset.bind(prefix, ns)

    def __enter__(self) -> RdfStore:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Release the store (and its lock on disk)."""
        self.dataset.close()
        gc.collect()  # Oxigraph frees its on-disk lock when the last reference goes

    def write_fragments(self, fragments: Iterable[Fragment]) -> LoadReport:
        """Replace each fragment's named graph by its new statements, all in one transaction.

        A fragment equal to what the store holds is left alone (and reported unchanged).
        """
        report = LoadReport()
        parts: list[str] = []
        for frag in fragments:
            quads = to_quads(frag)
            if self._same(frag.article, quads):
                report.unchanged.append(frag.article)
                continue
            g = graph_iri(frag.article).n3()
            body = " ".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o, _ in quads)
            parts.append(f"DROP SILENT GRAPH {g} ; INSERT DATA {{ GRAPH {g} {{ {body} }} }}")
            report.written.append(frag.article)
        if parts:
            # terms are serialised by rdflib (n3, escaped); no text is formatted in by hand
            self.dataset.update(" ;\n".join(parts))
        report.quads = self.count()
        return report

    def _same(self, article: str, quads: list[tuple[Term, Term, Term, URIRef]]) -> bool:
        current = set(self._triples(article))
        return current == {(s, p, o) for s, p, o, _ in quads}

    def _triples(self, article: str) -> Iterator[tuple[Term, Term, Term]]:
        g = self.dataset.graph(graph_iri(article))
        yield from g.triples((None, None, None))

    def delete_article(self, article: str) -> None:
        """Remove one article's statements (its named graph)."""
        self.dataset.update(f"DROP SILENT GRAPH {graph_iri(article).n3()}")

    def articles(self) -> list[str]:
        """Ids of the articles in the store (one named graph each)."""
        prefix = str(graph_iri(""))
        names = (str(c.identifier) for c in self.dataset.graphs())
        return sorted(_unquote(n[len(prefix):]) for n in names if n.startswith(prefix))

    def read_fragment(self, article: str) -> Fragment:
        """One article's statements, as the Fragment that was written."""
        return from_quads(article, self._triples(article))

    def read_graph(self) -> Graph:
        """The whole graph: the union of every article's fragment."""
        graph = Graph()
        for article in self.articles():
            graph.add_fragment(self.read_fragment(article))
        return graph

    def query(self, text: str, bindings: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a SPARQL SELECT over the union graph; `bindings` are bound, never formatted in.

        Returns one dict per row, keyed by variable, values as Python values (None if unbound).
        """
        init = {k: v if isinstance(v, URIRef | Literal) else Literal(v)
                for k, v in (bindings or {}).items() if v is not None}
        result = self.dataset.query(text, initBindings=init)
        names = [str(v) for v in result.vars or []]
        rows: list[Any] = list(result)
        return [{n: _py(row[i]) for i, n in enumerate(names)} for row in rows]

    def update(self, text: str) -> None:
        """Run a SPARQL update (used only by `vnkg sparql --write`)."""
        self.dataset.update(text)

    def count(self) -> int:
        """Number of quads in the store."""
        rows: list[Any] = list(self.dataset.query(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))
        return int(rows[0][0].toPython())


class StoreBusyError(RuntimeError):
    """The store is locked by another process."""


def _py(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, URIRef):
        s = str(term)
        return _unquote(s[len(ID):]) if s.startswith(ID) else s
    return term.toPython() if isinstance(term, Literal) else str(term)


def _unquote(s: str) -> str:
    from urllib.parse import unquote

    return unquote(s)


def run_named(store: RdfStore, name: str, params: Mapping[str, Any] | None = None
              ) -> list[dict[str, Any]]:
    """Run the named SPARQL query `queries/NAME.rq` with `params` bound; rows in stable order.

    >>> with RdfStore(None) as store:
    ...     run_named(store, "chairs", {"person": "Nguyễn Văn A"})
    []
    """
    from queries import bind_params, order_rows, read_query

    query = read_query(name, "sparql")
    bound = bind_params(query, dict(params or {}))
    rows = store.query(query.text, {f"p_{k}": v for k, v in bound.items()})
    return order_rows(rows, query.columns)
