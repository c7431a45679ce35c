"""A SPARQL 1.1 server as the store, over the protocol's query and update endpoints.

Requests are form-encoded POSTs asking for JSON results (loaders.sparql_protocol), so
Oxigraph, Jena Fuseki and Virtuoso all answer, each with a timeout. vnkg keeps the union of
its named graphs, each triple once, as in the embedded store, so queries read each triple
once (a union view repeats a triple per article stating it, and its joins multiply):

- on a server whose default graph is a graph of its own (`oxigraph serve`, Fuseki), in the
  default graph;
- on one whose default graph is the union of all its graphs (Virtuoso; GraphDB and Stardog
  can be set so), in a named graph of its own (`UNION_GRAPH`), which every query names as
  the protocol's `default-graph-uri`; `GRAPH ?g` still ranges over every named graph there
  (the union graph among them: queries join ?g to an article, which it is not);
- on a union-default server that hides its named graphs once a default graph is named, not
  at all: vnkg writes the named graphs only and reads with `DISTINCT`.

Which kind a server is (`union_default`: whether its default graph is the union; left None)
is found out on first use with one probe triple written in a named graph of its own, asked
for in the default graph and with the union graph named as default, and dropped again. A
read-only server keeps the union graph if it holds one, else is read with DISTINCT.
A server may hold graphs of its own (Virtuoso's system graphs, some 2,500 statements in its
default graph too): vnkg reads and drops only its own named graphs, those under its IRIs.
The SPARQL protocol has no parameters, so parameters are bound as a VALUES block opening
the WHERE clause, with every term serialised (escaped) by rdflib, never pasted in as text.
A query whose header says `# joins: as written` is run in its written join order on a
server that takes Virtuoso's hint for it (`define sql:select-option "order"`, found out with
the kind): Virtuoso's estimate of a predicate's rows in one graph can fall to nothing, and
its planner then joins two such patterns first, a cross product.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import partial
from typing import Any, BinaryIO

from pyoxigraph import RdfFormat
from rdflib import Literal, URIRef
from rdflib.term import Node as Term

from vnkg.graph.vocab import VNKG
from vnkg.loaders.old_stores import OLD_EVIDENCE, old_evidence_error
from vnkg.loaders.oxigraph_terms import iri_value
from vnkg.loaders.rdf import ONTOLOGY, RdfBase
from vnkg.loaders.rdf_dump import (
    PAGE,
    graph_only_body,
    graph_quads,
    paged_union,
    reference_graph,
    serialize_stream,
    union_query,
    with_named_places,
)
from vnkg.loaders.sparql_protocol import SparqlClient, SparqlServerError
from vnkg.loaders.store import Row
from vnkg.queries.seeds import open_where, values_block

# statements per update of reference data: Virtuoso's SPARQL compiler runs out of memory
# at about 5,000 in one INSERT DATA; Fuseki refuses a request over 25 MB
REFERENCE_CHUNK = 2_000
_PROBE = "<https://vnkg.dev/id/probe/union-default-graph>"
# a query's header asking for its joins in the order written, and Virtuoso's hint for it
_AS_WRITTEN = re.compile(r"(?m)^#\s*joins:\s*as written\s*$")
ORDER_HINT = 'define sql:select-option "order"\n'
# vnkg's named graphs: the articles' (https://vnkg.dev/id/article/…) and the ontology's
_OWN = Literal(str(ONTOLOGY).rsplit("/", 1)[0] + "/")
# where vnkg keeps the union on a server whose default graph is the union of all graphs
UNION_GRAPH = URIRef(f"{_OWN}union")
_OWN_GRAPH = f"FILTER(STRSTARTS(STR(?g), {_OWN.n3()}) && ?g != {UNION_GRAPH.n3()})"
# the query's own SELECT: after the prologue (comments, PREFIX and BASE declarations)
_SELECT = re.compile(r"(?is)^((?:\s+|#[^\n]*|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)*"
                     r"SELECT)(?!\s+(?:DISTINCT|REDUCED)\b)")


class SparqlStore(RdfBase):
    """The dataset of a SPARQL 1.1 server; `endpoint` is its query URL (an endpoint ending
    in `/query` has its update twin at `/update`, any other is its own). `timeout`: seconds
    a request may wait for an answer."""

    name = "the SPARQL server"

    def __init__(self, endpoint: str, *, update_endpoint: str | None = None,
                 union_default: bool | None = None, timeout: float = 30.0,
                 wait: float = 0.0) -> None:
        del wait  # a server queues its own requests
        if update_endpoint is None:
            update_endpoint = (endpoint[: -len("/query")] + "/update"
                               if endpoint.endswith("/query") else endpoint)
        self.endpoint = endpoint
        self.client = SparqlClient(endpoint, update_endpoint, timeout)
        self.union_default = union_default
        self.union_graph: str | None = None  # `<UNION_GRAPH>` once the kind says so
        self.order_hint = False  # whether the server takes ORDER_HINT, once the kind says so
        self._settled = False
        # refuse now, clearly, a server that does not answer, and one holding old evidence
        if self.client.ask(f"ASK {{ GRAPH ?g {{ ?e <{OLD_EVIDENCE}> ?start }} }}"):
            raise old_evidence_error(f"the SPARQL server at {endpoint}")

    def close(self) -> None:
        """Nothing to release: every request is its own connection."""

    @contextmanager
    def reader(self) -> Iterator[Callable[[], SparqlStore]]:
        """Opens the same server's dataset again (a server answers several at once)."""
        yield partial(SparqlStore, self.endpoint, update_endpoint=self.client.update_endpoint,
                      union_default=self.union_default, timeout=self.client.timeout)

    def _keeps_union(self) -> bool:
        self._settle()
        return not self.union_default or self.union_graph is not None

    def _union_graph(self) -> str | None:
        self._settle()
        return self.union_graph

    def _summaries(self) -> str | None:
        """With the union kept; on a server whose default graph is the union and that
        keeps none, in vnkg's union graph (which then holds nothing else)."""
        return self._union_graph() if self._keeps_union() else UNION_GRAPH.n3()

    def _settle(self) -> None:
        """Find out, once, which kind the server is and where vnkg keeps the union."""
        if self._settled:
            return
        self._settled = True
        writable = self._probe(True)
        if self.union_default is None:
            self.union_default = self._probe_ask(None) if writable else True
        if self.union_default and self._keeps_graph(writable):
            self.union_graph = UNION_GRAPH.n3()
            self.client.default_graph = str(UNION_GRAPH)
        if writable:
            self._probe(False)
        self.order_hint = self._takes_order_hint()

    def _takes_order_hint(self) -> bool:
        """Whether the server takes Virtuoso's join-order hint (another refuses the query)."""
        try:
            self.client.ask(ORDER_HINT + "ASK {}")
        except SparqlServerError:
            return False
        return True

    def _keeps_graph(self, writable: bool) -> bool:
        """On a union-default server: whether named graphs stay visible to `GRAPH ?g` with
        the union graph named as the default (read-only: whether it holds the union)."""
        if writable:
            return self._probe_ask(str(UNION_GRAPH))
        return self.client.ask(f"ASK {{ GRAPH {UNION_GRAPH.n3()} {{ ?s ?p ?o }} }}")

    def _probe(self, write: bool) -> bool:
        """Write (or drop) the probe triple in a named graph of its own; False when the
        server refuses to write."""
        try:
            self.client.update(f"INSERT DATA {{ GRAPH {_PROBE} {{ {_PROBE} "
                               f"<{VNKG.pending}> true }} }}" if write else
                               f"DROP SILENT GRAPH {_PROBE}")
        except SparqlServerError:
            return False
        return True

    def _probe_ask(self, default_graph: str | None) -> bool:
        """Whether the probe shows: in the default graph (None), or in a named graph with
        `default_graph` named as the default."""
        if default_graph is None:
            return self.client.ask(f"ASK {{ {_PROBE} <{VNKG.pending}> true }}")
        self.client.default_graph = default_graph
        try:
            # as the queries read the articles' graphs: GRAPH ?g
            return self.client.ask(f"ASK {{ GRAPH ?g {{ {_PROBE} <{VNKG.pending}> true }} }}")
        finally:
            self.client.default_graph = None

    def _holds(self, g: str) -> bool:
        return True  # asking costs a request: the stamp is asked instead

    def _stamp(self, g: str) -> str | None:
        _, rows = self.client.select(
            f"SELECT ?d WHERE {{ GRAPH <{g}> {{ <{g}> <{VNKG.digest}> ?d }} }} LIMIT 1",
            dataset=False)
        return str(rows[0]["d"]) if rows else None

    def _replace_stamped(self, name: str, stamped: list[str]) -> None:
        """Replace a graph of reference data (the gazetteer: 358k statements, 40 MB) in
        updates of `REFERENCE_CHUNK` statements, its stamp in the last: servers cap what one
        request may hold, and a write cut short leaves no stamp, so the next write makes
        the graph again."""
        updates = self._updates()
        self.client.update(updates.drop(name))
        for chunk in chunked(stamped, REFERENCE_CHUNK):
            self.client.update(updates.insert(name, chunk))

    def _add_new(self, nquads: str, graphs: list[str], stamps: list[str], after: str = ""
                 ) -> None:
        raise NotImplementedError("a SPARQL server's graphs are replaced by update")

    def _triples(self, g: str) -> Iterator[tuple[Term, Term, Term]]:
        _, rows = self.client.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}",
                                     dataset=False)
        return ((r["s"], r["p"], r["o"]) for r in rows)

    def _graph_names(self) -> Iterable[str]:
        _, rows = self.client.select(
            f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OWN_GRAPH} }}")
        return (str(r["g"]) for r in rows)

    def count(self) -> int:
        """Number of quads in vnkg's named graphs."""
        _, rows = self.client.select(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OWN_GRAPH} }}")
        return int(str(rows[0]["n"]))

    def clear(self) -> None:
        """Drop vnkg's named graphs and the union it keeps, leaving the server's own graphs
        (tests and benchmarks; `DROP ALL` would take Virtuoso's system graphs too)."""
        drops = [f"DROP SILENT GRAPH <{g}>" for g in self._graph_names()]
        union = self._summaries()
        drops.append("DROP SILENT DEFAULT" if union is None else f"DROP SILENT GRAPH {union}")
        self.client.update(" ;\n".join(drops))

    def update(self, text: str) -> None:
        """Run a SPARQL update on the server."""
        self.client.update(text)

    def select(self, text: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run a SPARQL SELECT over the default graph, `params` bound inline as a VALUES
        block; on a server whose default graph is the union, with DISTINCT rows."""
        init = {k: v if isinstance(v, URIRef | Literal) else Literal(v)
                for k, v in (params or {}).items() if v is not None}
        query = inline_bindings(text, init, list(params or ()))
        if not self._keeps_union():
            query = distinct(query)
        if self.order_hint and _AS_WRITTEN.search(text):
            query = ORDER_HINT + query
        names, rows = self.client.select(query)
        return [{n: _py(row.get(n)) for n in names} for row in rows]

    def quads(self) -> Iterator[tuple[Term, Term, Term, Term]]:
        _, rows = self.client.select(
            f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OWN_GRAPH} }}")
        return ((r["s"], r["p"], r["o"], r["g"]) for r in rows)

    def union_triples(self) -> Iterator[tuple[Term, Term, Term]]:
        _, rows = self.client.select(
            f"SELECT ?s ?p ?o WHERE {{ {{ ?s ?p ?o }} UNION {graph_only_body(_OWN_GRAPH)} }}"
            if self._keeps_union() else
            f"SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OWN_GRAPH} }}")
        return ((r["s"], r["p"], r["o"]) for r in rows)

    def dump(self, out: BinaryIO, fmt: RdfFormat, reference: bool = True,
             jobs: int = 1) -> None:
        """Stream the server's data to `out`: N-Quads, its named graphs read one at a time
        (of the gazetteer's, unless `reference`, only the localities the articles name); a
        triples format, the union read in ordered pages. One process (`jobs` unused): the
        server does the reading."""
        del jobs
        if fmt == RdfFormat.N_QUADS:
            quads = graph_quads(self._graph_names(), self._triples, reference)
            serialize_stream(with_named_places(quads, reference,
                                               lambda q: self.client.select(q)[1],
                                               self._union_graph()), out, fmt)
        else:
            keeps = self._keeps_union()
            body = union_query(reference, "" if keeps else _OWN_GRAPH, self._union_graph())
            if keeps:  # it lacks the evidence, which the named graphs alone hold (graph.rdf)
                ref = "" if reference else f" FILTER(?g != <{reference_graph()}>)"
                body = f"{{ {body} UNION {graph_only_body(_OWN_GRAPH + ref)} }}"
            # a union-default server (Virtuoso) caps sorted answers: the union in one answer
            serialize_stream(paged_union(lambda q: self.client.select(q)[1], body, not keeps,
                                         None if self.union_default else PAGE), out, fmt)


def chunked(lines: list[str], size: int) -> Iterator[list[str]]:
    """`lines` in order, in runs of `size` lines (the last may be shorter).

    >>> list(chunked(["a", "b", "c"], 2))
    [['a', 'b'], ['c']]
    """
    for start in range(0, len(lines), size):
        yield lines[start:start + size]


def distinct(query: str) -> str:
    """The query with its (first) SELECT made SELECT DISTINCT, unless it is already.

    >>> distinct("PREFIX a: <x:>\\nSELECT ?s WHERE { ?s ?p ?o }")
    'PREFIX a: <x:>\\nSELECT DISTINCT ?s WHERE { ?s ?p ?o }'
    >>> distinct("# a comment naming SELECT\\nPREFIX s: <x:> SELECT ?s WHERE { ?s ?p ?o }")
    '# a comment naming SELECT\\nPREFIX s: <x:> SELECT DISTINCT ?s WHERE { ?s ?p ?o }'
    """
    return _SELECT.sub(r"\1 DISTINCT", query, count=1)


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
    return open_where(text, values_block({n: bindings.get(n) for n in names}))


def _py(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, URIRef):
        return iri_value(str(term))
    if isinstance(term, Literal):
        # a date as its ISO text, as the embedded store gives it (loaders.oxigraph_terms)
        return str(term) if str(term.datatype or "").endswith(("#date", "#gYearMonth",
                                                               "#gYear")) else term.toPython()
    return str(term)
