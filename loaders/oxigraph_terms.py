"""Query results straight from pyoxigraph, as the plain Python values vnkg's rows hold.

Going through rdflib costs a term object per cell (one converted per value), which on a
query returning hundreds of rows cost as much as the query itself; these rows are built
from pyoxigraph's terms directly and hold the same values `Literal.toPython` would give.
The rows are read by iterating the solutions, which runs the query outside Python's lock
(other threads, the explorer's other pages, go on meanwhile); the answer written whole in
SPARQL's TSV format and split here took a fifth less time on 64,000 rows, but holds the
lock while the query runs, so two queries no longer run at once and the server stalls.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any
from urllib.parse import unquote

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QueryTriples,
    Store,
    Variable,
)
from rdflib import BNode, Dataset, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.term import Node as Term

from vnkg.graph.literals import INTEGER_TYPES
from vnkg.graph.rdf_read import Lit, Triple, plain_literal
from vnkg.graph.vocab import ID, PREFIXES


def _bound_prefixes() -> dict[str, str]:
    """The prefixes a query or update may use undeclared: rdflib's usual ones and vnkg's
    (graph.vocab.PREFIXES), as an rdflib Dataset binds them."""
    dataset = Dataset()
    for prefix, ns in PREFIXES.items():
        dataset.bind(prefix, ns)
    return {p: str(ns) for p, ns in dataset.namespaces() if p}


PREFIXES_BOUND = _bound_prefixes()

_XSD = "http://www.w3.org/2001/XMLSchema#"
_STRING = f"{_XSD}string"
_PLAIN = {_STRING, "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}
_NUMBER: dict[str, type[int] | type[float]] = dict.fromkeys(INTEGER_TYPES, int)
_NUMBER |= {f"{_XSD}double": float, f"{_XSD}float": float}
_DATES = {f"{_XSD}date", f"{_XSD}gYearMonth", f"{_XSD}gYear"}


def select(store: Store, text: str, bindings: Mapping[str, Any],
           prefixes: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """Run a query on `store`, `bindings` bound as substitutions; one dict per row (an ASK
    gives one row, `result`; a CONSTRUCT one per triple, `subject`, `predicate`, `object`).

    >>> from pyoxigraph import Store
    >>> select(Store(), 'SELECT ?s ?n WHERE { BIND(STRLEN(?s) AS ?n) }', {"s": "Hòa"})
    [{'s': 'Hòa', 'n': 3}]
    """
    result: Any = store.query(text, substitutions=substitutions(bindings),
                              prefixes=dict(prefixes or {}))
    if isinstance(result, QueryBoolean):
        return [{"result": bool(result)}]
    if isinstance(result, QueryTriples):
        return [{"subject": to_value(t.subject), "predicate": to_value(t.predicate),
                 "object": to_value(t.object)} for t in result]
    names = [v.value for v in result.variables]
    return [{n: to_value(row[i]) for i, n in enumerate(names)} for row in result]


def substitutions(bindings: Mapping[str, Any]) -> dict[Variable, Any]:
    """`bindings` as pyoxigraph's query substitutions; None values are left unbound."""
    return {Variable(k): to_term(v) for k, v in bindings.items() if v is not None}


def to_term(value: Any) -> NamedNode | Literal:
    """A parameter as a pyoxigraph term: IRIs stay IRIs, anything else is a literal."""
    if isinstance(value, URIRef):
        return NamedNode(str(value))
    if isinstance(value, RdfLiteral):
        if value.language:
            return Literal(str(value), language=value.language)
        return Literal(str(value), datatype=NamedNode(str(value.datatype))) \
            if value.datatype else Literal(str(value))
    if isinstance(value, bool | int | float):
        return Literal(value)
    return Literal(str(value))


def to_value(term: Any) -> Any:
    """A result cell as a Python value: vnkg ids without their IRI prefix, literals as
    `rdflib.Literal.toPython` gives them, None when unbound."""
    if term is None:
        return None
    if isinstance(term, NamedNode):
        return iri_value(term.value)
    if isinstance(term, BlankNode):
        return term.value
    return literal_value(term.value, term.datatype.value)


def literal_value(text: str, datatype: str) -> Any:
    """A literal's Python value, as `rdflib.Literal.toPython` gives it; a date keeps its
    ISO text, as the graph model holds it.

    >>> literal_value("7", "http://www.w3.org/2001/XMLSchema#integer")
    7
    """
    if datatype in _PLAIN or datatype in _DATES:
        return text
    if datatype in _NUMBER:
        return _NUMBER[datatype](text)
    return _literal(text, None, datatype).toPython()


def plain_triples(quads: Iterable[Quad]) -> Iterator[Triple]:
    """Triples of pyoxigraph quads in the form graph.rdf_read reads, made straight from
    pyoxigraph's terms (through rdflib's, an article's read took a third longer). Each
    term is made once a read and shared: the gazetteer's graph, read whole, peaks 60 MB
    lower (its classes, predicates and names recur), and an article's read costs no more.

    >>> next(plain_triples([Quad(NamedNode("urn:s"), NamedNode("urn:p"), Literal("Hòa"))]))
    ('urn:s', 'urn:p', Lit(text='Hòa', tag='', value='Hòa'))
    """
    made: dict[Any, Any] = {}  # pyoxigraph term: its plain form (str, the IRIs)
    for quad in quads:
        s, p, o = quad.subject, quad.predicate, quad.object
        yield made.get(s) or _made(made, s), made.get(p) or _made(made, p), \
            made.get(o) or _made(made, o)


def _made(made: dict[Any, Any], term: Any) -> Any:
    """`term` in the plain form, remembered in `made`. A vnkg store holds no quoted triple
    (RDF-star): any other term has a value."""
    made[term] = plain = _plain_literal(term) if isinstance(term, Literal) else term.value
    return plain


def _plain_literal(term: Literal) -> Lit:
    return plain_literal(term.value, term.language or "", term.datatype.value)


def to_rdflib(term: Any) -> Term:
    """A pyoxigraph term as the rdflib term it stands for (a literal keeps its datatype).

    >>> to_rdflib(Literal("Hòa")) == RdfLiteral("Hòa")
    True
    """
    if isinstance(term, NamedNode):
        return _uri(term.value)
    if isinstance(term, BlankNode):
        return BNode(term.value)
    if isinstance(term, Literal):
        return _literal(term.value, term.language, term.datatype.value)
    raise ValueError(f"not an RDF term: {term!r}")


# rdflib checks every IRI and converts every literal's value when it makes a term: a store
# read (an export reads each article's ~220 quads) spent a fifth of its time there, on the
# same predicates, classes, nodes and names again and again. Terms are immutable, so one
# instance serves every read; the caches are bounded.
@lru_cache(maxsize=1 << 16)
def _uri(value: str) -> URIRef:
    return URIRef(value)


@lru_cache(maxsize=1 << 16)
def _literal(value: str, language: str | None, datatype: str) -> RdfLiteral:
    if language:
        return RdfLiteral(value, lang=language)
    if datatype == _STRING:
        return RdfLiteral(value)  # plain: rdflib holds "x"^^xsd:string apart from "x"
    return RdfLiteral(value, datatype=_uri(datatype))


def iri_value(iri: str) -> str:
    """A vnkg node's id (its IRI without the prefix, unquoted); any other IRI as it is.

    >>> iri_value("https://vnkg.dev/id/person/ma-van-a")
    'person/ma-van-a'
    """
    return unquote(iri[len(ID):]) if iri.startswith(ID) else iri
