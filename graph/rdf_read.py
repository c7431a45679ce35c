"""A Fragment back from the triples of its article's named graph, whoever read them.

There is one reader, `from_plain`, over terms in a plain form: an IRI (or blank node) as its
text, a literal as a `Lit` (lexical form, datatype or language, Python value). The embedded
store makes that form straight from pyoxigraph's terms (loaders.oxigraph_terms.plain_triples),
without an rdflib term in between: making rdflib terms, then comparing and hashing them,
was most of the Python time of reading a store. Triples of rdflib terms (a SPARQL server's
answers, the views' reads) are made plain by `plain_triples` (`from_quads` does both).

The triples may come in any order (a SPARQL server answers in its own): the fragment's
nodes, relations and properties are put in the order of their subjects and predicates, so
a fragment read back is the same, to its order, from every store. A locality an article's
graph only names (its type and id: graph.rdf writes a gazetteer locality so for a store
holding the gazetteer) gets the gazetteer's properties back, as it was before writing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple

from rdflib import Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node as RdfTerm

from vnkg.graph.literals import DATE_TYPES, INTEGER_TYPES
from vnkg.graph.model import Edge, Evidence, Fragment, Node, PropValue
from vnkg.graph.rdf import SPAN_MARK, graph_iri, label_of_id, span_of, statement_iri
from vnkg.graph.reference import gazetteer_props
from vnkg.graph.vocab import (
    COPIES,
    FOLDS,
    FROM_ID,
    LABEL_OF_CLASS,
    LIST_PROPS,
    NODE_PROPS,
    PROPERTY_OF_PREDICATE,
    RELATION_OF_PREDICATE,
    VNKG,
    node_id_of,
    property_predicate,
    with_copies,
    with_folds,
    with_id_props,
)


class Lit(NamedTuple):
    """A literal: its lexical form, its `tag` (the datatype IRI, the language of a tagged
    one, "" for a plain string) and its Python value (a date keeps its ISO text)."""

    text: str
    tag: str
    value: Any


Plain = str | Lit  # a term in the reader's form: an IRI as its text, or a literal
Triple = tuple[str, str, Plain]
Pairs = list[tuple[str, Plain]]  # (predicate, object) of one subject

# the vocabulary as plain IRIs, made once
_LABEL_OF_CLASS = {str(k): v for k, v in LABEL_OF_CLASS.items()}
_RELATION_OF_PREDICATE = {str(k): v for k, v in RELATION_OF_PREDICATE.items()}
_PROPERTY_OF_PREDICATE = {str(k): v for k, v in PROPERTY_OF_PREDICATE.items()}
_VNKG = str(VNKG)
_DATED, _SUBJECT, _OBJECT = str(VNKG.dated), str(VNKG.subject), str(VNKG.object)
_RELATION, _EVIDENCE, _RDF_TYPE = str(VNKG.relation), str(VNKG.evidence), str(RDF.type)
_TEXT, _ID = str(VNKG.text), str(VNKG.id)
_NOT_PROPS = frozenset((_ID, _DATED, _RDF_TYPE))
_EDGE_FIELDS = frozenset((_SUBJECT, _OBJECT, _RELATION, _EVIDENCE, _RDF_TYPE))


def from_quads(article: str, quads: Iterable[tuple[RdfTerm, RdfTerm, RdfTerm]]) -> Fragment:
    """Rebuild the fragment of one article from the triples of its named graph, as rdflib
    terms."""
    return from_plain(article, plain_triples(quads))


def plain_triples(triples: Iterable[tuple[RdfTerm, RdfTerm, RdfTerm]]) -> Iterator[Triple]:
    """rdflib triples in the reader's plain form."""
    for s, p, o in triples:
        yield str(s), str(p), plain(o)


def plain(term: RdfTerm) -> Plain:
    """An rdflib term in the reader's form.

    >>> plain(Literal("Hòa", lang="vi"))
    Lit(text='Hòa', tag='vi', value='Hòa')
    >>> from rdflib.namespace import XSD
    >>> plain(Literal(3)).value, plain(Literal("2024-05", datatype=XSD.gYearMonth)).value
    (3, '2024-05')
    """
    if not isinstance(term, Literal):
        return str(term)
    datatype = term.datatype
    value = str(term) if datatype in DATE_TYPES else term.toPython()
    return Lit(str(term), str(datatype or term.language or ""), value)


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_DATE_TYPES = frozenset(str(t) for t in DATE_TYPES)  # an rdflib IRI hashes unlike its text


def plain_literal(text: str, language: str, datatype: str) -> Lit:
    """A literal in the reader's form from its lexical form, language and datatype IRI
    ("" for none), as `plain` gives the rdflib literal they make, without one for the
    common ones: the form the embedded store's terms (loaders.oxigraph_terms) and a view's
    rows (viz.read_rows) are read in.

    >>> plain_literal("Hòa", "vi", "")
    Lit(text='Hòa', tag='vi', value='Hòa')
    >>> plain_literal("7", "", "http://www.w3.org/2001/XMLSchema#integer").value
    7
    """
    if language:
        return Lit(text, language, text)
    if not datatype or datatype == _XSD_STRING:
        return Lit(text, "", text)  # plain, as rdflib gives "x"^^xsd:string
    if datatype in _DATE_TYPES:
        return Lit(text, datatype, text)
    if datatype in INTEGER_TYPES:
        return Lit(text, datatype, int(text))
    made = Literal(text, datatype=URIRef(datatype))  # rdflib's value and lexical form
    return Lit(str(made), datatype, made.toPython())


def from_plain(article: str, triples: Iterable[Triple]) -> Fragment:
    """Rebuild the fragment of one article from the triples of its named graph, in the
    plain form."""
    grouped: dict[str, Pairs] = {}
    for s, p, o in triples:
        grouped.setdefault(s, []).append((p, o))
    by_subject = {s: sorted(pos, key=_pair_order)
                  for s, pos in sorted(grouped.items(), key=itemgetter(0))}
    dated = [o for p, o in by_subject.get(str(graph_iri(article)), []) if p == _DATED]
    frag = Fragment(article, _text(dated[0]) if dated else None)
    for s, pos in by_subject.items():
        if _is_statement(pos):  # read once the relations they are about are made
            continue
        props, by_id = _read_props(pos), any(p == _ID for p, _ in pos)
        label = _label(s, pos, by_id or bool(props))
        if label:
            frag.add_node(_node(node_id_of(s), label, props, by_id))
        for p, o in pos:
            if p in _RELATION_OF_PREDICATE:
                frag.add_edge(Edge(_RELATION_OF_PREDICATE[p], node_id_of(s),
                                   node_id_of(_text(o))))
    for key in list(frag.edges):  # a relation's statement is at the hash of its key, which
        found = by_subject.get(statement_iri(key))  # tells apart two between the same nodes
        if found:
            _read_statement(frag, key, found, by_subject)
    return frag


def _label(s: str, pos: Pairs, named: bool) -> str | None:
    """A node's label: its stored type, else (a node whose type is kept in the union only:
    graph.rdf) the label its IRI names, when the graph names the node (`named`: by its id
    or a property); None: not a node (an evidence span, a membership, or a relation's
    source the graph says nothing else of)."""
    typed = next((_LABEL_OF_CLASS[o] for p, o in pos
                  if p == _RDF_TYPE and isinstance(o, str) and o in _LABEL_OF_CLASS), None)
    if typed or not named or SPAN_MARK in s:
        return typed
    return label_of_id(node_id_of(s))


def _node(node_id: str, label: str, props: dict[str, PropValue], by_id: bool) -> Node:
    """A node read back; a locality only named (its type and id, no property: `by_id`)
    gets the gazetteer's properties; a property repeating another (graph.rdf.stated) its
    values where unstated, a key left to the union (graph.rdf) the fold of the name, and a
    property that is the id's tail (an article's doc_id) the tail; each in the order the
    reader gives stated ones (by predicate)."""
    if not props and by_id and label == "Locality":
        props = dict(gazetteer_props(node_id) or {})
    elif all(name in props for name in (*COPIES.get(label, ()), *FOLDS.get(label, ()),
                                        *FROM_ID.get(label, ()))):
        return Node(node_id, label, props)  # as read: in predicate order
    props = with_id_props(with_folds(with_copies(props, label), label), label, node_id)
    return Node(node_id, label, {name: props[name] for name in
                                 sorted(props, key=lambda name: _predicate_of(name, label))})


@lru_cache(maxsize=256)
def _predicate_of(name: str, label: str) -> str:
    return str(property_predicate(name, label))


def _text(term: Plain) -> str:
    """An IRI's text, a literal's lexical form."""
    return term if isinstance(term, str) else term.text


def _pair_order(pair: tuple[str, Plain]) -> tuple[str, str, str]:
    p, o = pair
    return (p, o, "") if isinstance(o, str) else (p, o.text, o.tag)


def _is_statement(pos: Pairs) -> bool:
    """Whether a subject's (predicate, object) pairs make it a statement (typed or not: a
    store written before statements went untyped has them typed)."""
    return any(p == _SUBJECT for p, _ in pos)


def _read_props(pos: Pairs) -> dict[str, PropValue]:
    props: dict[str, Any] = {}
    for p, o in pos:
        if p in _NOT_PROPS:
            continue
        name = _PROPERTY_OF_PREDICATE.get(p) or p[len(_VNKG):]
        if isinstance(o, str):
            if name not in NODE_PROPS:
                continue
            value: Any = node_id_of(o)
        else:
            value = o.value
        if name in props or name in LIST_PROPS:
            old = props.get(name, [])
            props[name] = sorted({*([old] if not isinstance(old, list) else old), value})
        else:
            props[name] = value
    return props


def _read_statement(frag: Fragment, key: tuple[str, str, str], pos: Pairs,
                    by_subject: dict[str, Pairs]) -> None:
    """The properties and evidence of relation `key` from its statement's pairs `pos`."""
    edge = frag.edges.get(key)
    if edge is None:
        return
    edge.props = _read_props([(p, o) for p, o in pos if p not in _EDGE_FIELDS])
    for p, e in pos:
        span = span_of(_text(e)) if p == _EVIDENCE else None
        if span is not None:
            edge.evidence.append(Evidence(*span, _span_text(by_subject.get(_text(e), []))))
    edge.evidence.sort(key=lambda e: (e.start, e.end))


def _span_text(pos: Pairs) -> str:
    """An evidence span's words: the first of its texts (the writer gives a span one)."""
    return next((_text(o) for p, o in pos if p == _TEXT), "")
