"""A SPARQL 1.1 server as the store, over the protocol's query and update endpoints.

vnkg keeps the union of its named graphs in the server's default graph, as it does in the
embedded store, so the server should serve its default graph as it is (Oxigraph's
`oxigraph serve` does; with `--union-default-graph` the rows are the same, only slower).
The SPARQL protocol has no parameters, so parameters are bound as a VALUES block opening
the WHERE clause, with every term serialised (escaped) by rdflib, never pasted in as text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from rdflib import Dataset, Literal, URIRef
from rdflib import Graph as RdfGraph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node as Term

from vnkg.graph.vocab import PREFIXES, VNKG
from vnkg.loaders.oxigraph_terms import iri_value
from vnkg.loaders.rdf import RdfBase
from vnkg.loaders.store import Row
from vnkg.queries.seeds import open_where


class SparqlStore(RdfBase):
    """The dataset of a SPARQL 1.1 server; `endpoint` is its query URL (an endpoint ending
    in `/query` has its update twin at `/update`)."""

    name = "the SPARQL server"

    def __init__(self, endpoint: str, *, update_endpoint: str | None = None,
                 wait: float = 0.0) -> None:
        from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

        del wait  # a server queues its own requests
        if update_endpoint is None:
            update_endpoint = (endpoint[: -len("/query")] + "/update"
                               if endpoint.endswith("/query") else endpoint)
        self.endpoint = endpoint
        self.server = SPARQLUpdateStore(query_endpoint=endpoint, update_endpoint=update_endpoint,
                                        method="POST", autocommit=True)
        self.dataset = Dataset(store=self.server)
        for prefix, ns in PREFIXES.items():
            self.dataset.bind(prefix, ns)

    def close(self) -> None:
        self.dataset.close()

    def _holds(self, g: str) -> bool:
        return True  # asking costs a request: the stamp is asked instead

    def _stamp(self, g: str) -> str | None:
        value = self._graph(URIRef(g)).value(URIRef(g), VNKG.digest)
        return None if value is None else str(value)

    def _add_new(self, nquads: str, graphs: list[str], stamps: list[str]) -> None:
        raise NotImplementedError("a SPARQL server's graphs are replaced by update")

    def _triples(self, g: str) -> Iterator[tuple[Term, Term, Term]]:
        yield from self._graph(URIRef(g)).triples((None, None, None))

    def _graph(self, name: URIRef) -> RdfGraph:
        # a view on one named graph; Dataset.graph() would also create it on the server
        return RdfGraph(store=self.server, identifier=name)

    def _graph_names(self) -> Iterable[str]:
        return (str(c.identifier) for c in self.dataset.graphs())

    def update(self, text: str) -> None:
        """Run a SPARQL update on the server."""
        self.server.update(text, {}, {}, None)  # type: ignore[arg-type]

    def select(self, text: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run a SPARQL SELECT over the union graph, `params` bound inline as a VALUES block.

        Sent to the store itself: through the Dataset, rdflib would name its own default
        graph (urn:x-rdflib:default) as the query's default graph on the server."""
        init = {k: v if isinstance(v, URIRef | Literal) else Literal(v)
                for k, v in (params or {}).items() if v is not None}
        query = inline_bindings(text, init, list(params or ()))
        result: Any = self.server.query(query, {}, {}, None)  # type: ignore[arg-type]
        names = [str(v) for v in result.vars or []]
        rows: list[Any] = list(result)
        return [{n: _py(row[i]) for i, n in enumerate(names)} for row in rows]

    def quads(self) -> Iterator[tuple[Term, Term, Term, Term]]:
        for quad in self.dataset.quads((None, None, None, None)):
            if quad[3] != DATASET_DEFAULT_GRAPH_ID:
                yield quad  # type: ignore[misc]

    def union_triples(self) -> Iterator[tuple[Term, Term, Term]]:
        yield from self.dataset.triples((None, None, None))  # type: ignore[misc]


def inline_bindings(text: str, bindings: Mapping[str, Any], names: list[str]) -> str:
    r"""The query with a `VALUES` block binding `names` (UNDEF where unbound) opening its
    first WHERE group, so the bindings hold inside the pattern, as initial bindings do.

    >>> from rdflib import Literal
    >>> print(inline_bindings("SELECT ?x WHERE { ?x ?p ?o }", {"p_a": Literal('say "hi"')},
    ...                       ["p_a", "p_b"]))
    SELECT ?x WHERE { VALUES (?p_a ?p_b) { ("say \"hi\"" UNDEF) } ?x ?p ?o }
    """
    if not names:
        return text
    head = " ".join(f"?{n}" for n in names)
    row = " ".join(bindings[n].n3() if n in bindings else "UNDEF" for n in names)
    return open_where(text, f"VALUES ({head}) {{ ({row}) }}")


def _py(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, URIRef):
        return iri_value(str(term))
    return term.toPython() if isinstance(term, Literal) else str(term)
