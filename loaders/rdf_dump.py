"""The RDF exports written as a stream, in constant memory, by the engine's own serializer.

N-Quads holds every named graph, and in the default graph only what the union holds alone (a
node's type, a statement's subject, relation and object: graph.rdf.Rendered; the holding
summaries: loaders.rdf_summaries); Turtle and
JSON-LD hold the union: the default graph, and the evidence the named graphs alone hold
(graph.rdf.Rendered's `graph_only`, read from them: `graph_only_body`; the embedded store's
JSON-LD joins each statement's links to its node object). Without
the reference gazetteer, N-Quads skips its graph and the union keeps only the triples some
other named graph states; both keep the gazetteer's properties of the localities the
articles name (`named_places`), since an article's graph may only name a locality the
gazetteer describes (graph.rdf).

The embedded store hands its quads straight from Oxigraph's indexes to pyoxigraph's
serializer, one named graph after another (a scan of every quad decodes the union first:
20.8 s against 14.8 s at 10,000 articles), a large store's graphs shared out to several
processes, each writing its share to a file of its own, copied in order (`write_graphs_shared`),
while the exporting process writes what the union holds alone; the union with the
gazetteer is Oxigraph's own `dump` of the default graph. A SPARQL server is read one
named graph at a time, and its union in ordered pages, so no export holds more than a page
in memory. Literals keep the datatypes the RDF model gave them
(graph.rdf), as the store holds them: nothing is parsed back into Python values on the way.

>>> from vnkg.loaders.oxigraph_store import OxigraphStore
>>> import io
>>> out = io.BytesIO()
>>> with OxigraphStore(None) as store:
...     write_rdf(store, "nquads", out)
>>> out.getvalue()
b''
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain, groupby
from pathlib import Path
from typing import Any, BinaryIO

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    RdfFormat,
    Triple,
    serialize,
)
from rdflib import BNode, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.term import Node as Term

from vnkg.graph.rdf import graph_iri
from vnkg.graph.schema import SCHEMA
from vnkg.graph.vocab import CLASSES, predicate_for, property_predicate
from vnkg.loaders.oxigraph_terms import PREFIXES_BOUND
from vnkg.loaders.rdf import REFERENCE
from vnkg.loaders.rdf_summaries import SUMMARY_IRIS, SUMMARY_TERMS
from vnkg.loaders.rdf_updates import GRAPH_ONLY_TERMS, UNION_ONLY, UNION_ONLY_TERMS
from vnkg.loaders.shares import on_processes

FORMATS = {"nquads": RdfFormat.N_QUADS, "turtle": RdfFormat.TURTLE,
           "jsonld": RdfFormat.JSON_LD}
PAGE = 50_000  # rows per request when a SPARQL server's union is read in pages


def write_rdf(store: Any, fmt: str, out: BinaryIO, reference: bool = True,
              jobs: int = 1) -> None:
    """Write `store` (an RDF store) as `fmt` (nquads, turtle, jsonld) to the binary `out`;
    the store's own `dump` does it where it has one (the embedded store's N-Quads of a
    large store on up to `jobs` processes)."""
    if fmt not in FORMATS:
        raise ValueError(f"no streamed RDF format {fmt!r}; choose one of {', '.join(FORMATS)}")
    store.dump(out, FORMATS[fmt], reference, jobs)


def write_graphs_shared(opens: Callable[[], Any], shares: list[tuple[int, Sequence[str]]],
                        out: BinaryIO, tail: Callable[[BinaryIO], None]) -> None:
    """The N-Quads of the named graphs in `shares` (loaders.shares), each share written by
    a process of its own from the store `opens()` opens (its `graph_quads`) to a file in a
    hidden folder beside `out` (when `out` is a file: the same disk), then copied to `out`
    in the shares' order: the bytes one process writes. `tail(file)` writes what follows
    the graphs, in this process while the others write theirs (at 100,000 articles what
    the union holds alone takes a fifth of the export's CPU), to a file of its own copied
    last.
    Parts an export of the same file left when it was killed go first."""
    named = getattr(out, "name", None)
    path = Path(named) if isinstance(named, str) and Path(named).parent.is_dir() else None
    prefix = f".{path.name if path else 'nquads'}.vnkg-parts-"
    for stale in path.parent.glob(f"{prefix}*") if path else ():
        shutil.rmtree(stale, ignore_errors=True)
    with tempfile.TemporaryDirectory(dir=path.parent if path else None, prefix=prefix) as tmp:
        last = Path(tmp) / "tail.nq"

        def write_tail() -> None:
            with last.open("wb") as f:
                tail(f)
        parts = on_processes(_write_graphs, opens, shares, Path(tmp), meanwhile=write_tail)
        for part in [*parts, last]:
            with part.open("rb") as f:
                shutil.copyfileobj(f, out, 1 << 20)
            part.unlink()


def _write_graphs(opens: Callable[[], Any], first: int, graphs: Sequence[str],
                  folder: Path) -> Path:
    part = folder / f"graphs-{first}.nq"
    with opens() as store, part.open("wb") as f:
        serialize(store.graph_quads(graphs), f, RdfFormat.N_QUADS)
    return part


def jsonld_context() -> dict[str, str]:
    """The JSON-LD `@context` of the export: the project's prefixes (graph/schema.toml).

    >>> jsonld_context()["org"]
    'http://www.w3.org/ns/org#'
    """
    return dict(SCHEMA.prefixes)


def serialize_stream(items: Iterable[Any], out: BinaryIO, fmt: RdfFormat) -> None:
    """Write quads or triples to `out` with pyoxigraph's streaming serializer, with the
    project's prefixes where the format has them; JSON-LD compacted by `write_jsonld`."""
    if fmt == RdfFormat.JSON_LD:
        write_jsonld(items, out)
        return
    prefixes = dict(PREFIXES_BOUND) if fmt == RdfFormat.TURTLE else None
    serialize(items, out, fmt, prefixes=prefixes)


def write_jsonld(triples: Iterable[Any], out: BinaryIO) -> None:
    """Triples as one JSON-LD document, written a node at a time: the project's prefixes
    as `@context`, every IRI compacted by them, one node object per run of triples with the
    same subject (an engine's index order gives each subject one run).

    >>> import io
    >>> s, n = NamedNode("https://vnkg.dev/id/person/a"), NamedNode("https://schema.org/name")
    >>> out = io.BytesIO(); write_jsonld([Triple(s, n, Literal("Lò Văn A"))], out)
    >>> json.loads(out.getvalue())["@graph"]
    [{'@id': 'https://vnkg.dev/id/person/a', 'schema:name': [{'@value': 'Lò Văn A'}]}]
    """
    compact = _compactor()
    out.write(b'{"@context": ' + json.dumps(jsonld_context()).encode() + b',\n"@graph": [')
    first = True
    for subject, group in groupby(triples, key=lambda t: t.subject):
        node: dict[str, Any] = {"@id": _node_id(subject, compact)}
        for t in group:
            if t.predicate.value == _RDF_TYPE and not isinstance(t.object, Literal):
                node.setdefault("@type", []).append(_node_id(t.object, compact))
            else:
                node.setdefault(compact(t.predicate.value), []).append(
                    _jsonld_value(t.object, compact))
        out.write((b"" if first else b",") + b"\n" + json.dumps(node, ensure_ascii=False
                                                                ).encode())
        first = False
    out.write(b"\n]}\n")


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _compactor() -> Any:
    """A function compacting an IRI by the context's prefixes (the longest namespace that
    matches; an IRI whose rest could read as an IRI of its own stays whole)."""
    spaces = sorted(((ns, p) for p, ns in jsonld_context().items()), key=lambda x: -len(x[0]))

    def compact(iri: str) -> str:
        for ns, prefix in spaces:
            if iri.startswith(ns) and not iri[len(ns):].startswith("//"):
                return f"{prefix}:{iri[len(ns):]}"
        return iri
    return compact


def _node_id(term: Any, compact: Any) -> str:
    return f"_:{term.value}" if isinstance(term, BlankNode) else compact(term.value)


def _jsonld_value(term: Any, compact: Any) -> dict[str, str]:
    if not isinstance(term, Literal):
        return {"@id": _node_id(term, compact)}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    if term.datatype.value == _XSD_STRING:
        return {"@value": term.value}
    return {"@value": term.value, "@type": compact(term.datatype.value)}


def reference_graph() -> str:
    """The IRI of the reference gazetteer's named graph.

    >>> reference_graph()
    'https://vnkg.dev/id/article/reference'
    """
    return str(graph_iri(REFERENCE))


def union_query(reference: bool, graphs: str = "", union: str | None = None) -> str:
    """The SELECT/CONSTRUCT body reading the union: every triple of the default graph, or
    (without the gazetteer) those a named graph other than its own states, and what the
    union alone holds (graph.rdf) about a subject such a graph has, and the holding
    summaries (`union`: the named graph holding the union, not one of those). With
    `graphs`, a FILTER on ?g, the union is read from the named graphs it keeps instead: on
    a server whose default graph is the union of all its graphs, its own system graphs
    among them.

    >>> union_query(True, "FILTER(?g = <urn:a>)")
    '{ GRAPH ?g { ?s ?p ?o } FILTER(?g = <urn:a>) }'
    """
    if graphs:
        if reference:
            return f"{{ GRAPH ?g {{ ?s ?p ?o }} {graphs} }}"
        return (f"{{ {{ GRAPH ?g {{ ?s ?p ?o }} {graphs} FILTER(?g != <{reference_graph()}>) }}"
                f" UNION {{ {named_places()} }} }}")
    if reference:
        return "{ ?s ?p ?o }"
    ref, other = f"<{reference_graph()}>", "" if union is None else f" && ?g != {union}"
    # what the union alone holds is kept by its subject, in an IF: with the tests joined
    # by || (in either order), the union of 10,000 articles took 21.6 s, 10.2 s so
    # (12.6 s when the graphs held it too)
    # the holding summaries (loaders.rdf_summaries), which no graph states, come whole
    return (f"{{ ?s ?p ?o FILTER(?p IN ({SUMMARY_TERMS}) || "
            f"IF(?p IN ({UNION_ONLY}), EXISTS {{ GRAPH ?g {{ ?s ?q ?v }} "
            f"FILTER(?g != {ref}{other}) }}, "
            f"EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {ref}{other}) }}"
            f" || (?p NOT IN ({_PLACE_LINKS}) && {_only_named(union)}))) }}")


def graph_only_body(graphs: str = "") -> str:
    """The SELECT body of what the named graphs alone hold (graph.rdf.Rendered's
    `graph_only`: the evidence), which a union read from the default graph lacks; `graphs`
    a FILTER on ?g, the graphs to read (all by default).

    >>> graph_only_body().startswith("{ VALUES ?p {")
    True
    """
    return f"{{ VALUES ?p {{ {GRAPH_ONLY_TERMS} }} GRAPH ?g {{ ?s ?p ?o }} {graphs} }}"


def named_places() -> str:
    """The pattern (?s ?p ?o) of the gazetteer's own properties (not its PART_OF and BECAME
    links) of each locality an article's graph only names (graph.rdf): what a union or a
    dump without the gazetteer keeps of it."""
    return (f"GRAPH <{reference_graph()}> {{ ?s ?p ?o }} FILTER(?p NOT IN ({_PLACE_LINKS})) "
            f"FILTER {_only_named()}")


def _only_named(union: str | None = None) -> str:
    """The test that an article's graph (not the gazetteer's, nor `union`, the named graph
    holding the union) names locality ?s without describing it (no name)."""
    other = "" if union is None else f" && ?h != {union}"
    return (f"EXISTS {{ GRAPH ?h {{ ?s a <{_PLACE}> FILTER NOT EXISTS {{ ?s <{_NAME}> ?n }} }} "
            f"FILTER(?h != <{reference_graph()}>{other}) }}")


def with_named_places(quads: Iterable[Quad], reference: bool, select: Any,
                      union: str | None = None, own: Iterable[Quad] | None = None
                      ) -> Iterable[Quad]:
    """The named graphs' `quads` of an N-Quads dump, then what the union alone holds (in
    the default graph; `union`: the named graph holding the union) and, when it leaves the
    gazetteer out (not `reference`), the quads of `named_places` in the gazetteer's graph;
    `select` runs a query and gives rows of terms (rdflib's or pyoxigraph's). `own`: the
    quads of what the union alone holds, when the store makes them itself (the embedded
    store, from its engine's rows unpacked: at 100,000 articles 27 s against 35 s through
    `select`'s rows by name)."""
    if own is None:
        own = (Quad(ox_term(r["s"]), ox_term(r["p"]), ox_term(r["o"]), DefaultGraph())
               for r in select(union_only_query(union)))
    if reference:
        return chain(quads, own)
    ref = NamedNode(reference_graph())
    rows = select(f"SELECT ?s ?p ?o WHERE {{ {named_places()} }}")
    return chain(quads, own, (Quad(ox_term(r["s"]), ox_term(r["p"]), ox_term(r["o"]), ref)
                              for r in rows))


def union_only_query(union: str | None = None) -> str:
    """The query of the triples the union holds alone (graph.rdf.Rendered's `union_only`:
    a node's type and id, a statement's subject, relation and object; the holding
    summaries, loaders.rdf_summaries), none of the named graphs (but `union`, the named
    graph holding the union) stating them."""
    other = "" if union is None else f"FILTER(?h != {union})"
    # MINUS, not FILTER NOT EXISTS: Oxigraph reads the named graphs' few such triples once
    # rather than looking each union triple up (at 10,000 articles 1.5 s against 6.0 s)
    return (f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {UNION_ONLY_TERMS} {SUMMARY_IRIS} }} "
            "?s ?p ?o "
            f"MINUS {{ VALUES ?p {{ {UNION_ONLY_TERMS} }} GRAPH ?h {{ ?s ?p ?o }} {other} }} }}")


_PLACE, _NAME = CLASSES["Locality"], property_predicate("name", "Locality")
_PLACE_LINKS = ", ".join(f"<{predicate_for(rel, 'Locality')}>" for rel in ("PART_OF", "BECAME"))


def paged_union(select: Any, body: str, distinct: bool, page: int | None = PAGE
                ) -> Iterator[Triple]:
    """The triples of `body` (a union_query) from a SPARQL server in pages of `page` rows,
    ordered so pages never overlap (None: in one answer, for servers that refuse to sort
    past a cap, as Virtuoso does past 10,000 rows); `select` runs a query and gives rdflib
    rows."""
    head = "SELECT DISTINCT" if distinct else "SELECT"
    if page is None:
        for row in select(f"{head} ?s ?p ?o WHERE {body}"):
            yield Triple(ox_term(row["s"]), ox_term(row["p"]), ox_term(row["o"]))
        return
    offset = 0
    while True:
        rows = select(f"{head} ?s ?p ?o WHERE {body} "
                      f"ORDER BY ?s ?p ?o LIMIT {page} OFFSET {offset}")
        for row in rows:
            yield Triple(ox_term(row["s"]), ox_term(row["p"]), ox_term(row["o"]))
        if len(rows) < page:
            return
        offset += page


def graph_quads(graphs: Iterable[str], triples: Any, reference: bool) -> Iterator[Quad]:
    """The quads of the named `graphs` read one graph at a time by `triples(g)`, the
    gazetteer's skipped unless `reference`."""
    skip = None if reference else reference_graph()
    for g in sorted(graphs):
        if g != skip:
            name = NamedNode(g)
            for s, p, o in triples(g):
                yield Quad(ox_term(s), ox_term(p), ox_term(o), name)


def ox_term(term: Term) -> Any:
    """An rdflib term as the pyoxigraph term it stands for (datatype and language kept).

    >>> ox_term(RdfLiteral("2024", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear")))
    <Literal value=2024 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#gYear>>
    """
    if isinstance(term, (NamedNode, BlankNode, Literal)):
        return term  # pyoxigraph's already
    if isinstance(term, URIRef):
        return NamedNode(str(term))
    if isinstance(term, BNode):
        return BlankNode(str(term))
    if isinstance(term, RdfLiteral):
        if term.language:
            return Literal(str(term), language=term.language)
        if term.datatype:
            return Literal(str(term), datatype=NamedNode(str(term.datatype)))
        return Literal(str(term))
    raise ValueError(f"not an RDF term: {term!r}")
