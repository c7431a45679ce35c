"""A Fragment as RDF quads in the article's named graph (read back by graph.rdf_read).

Nodes are typed resources; relations are plain triples (so SPARQL reads them directly);
a relation's own properties and evidence hang off a statement resource about it, a
`vnkg:Statement` by the ontology (the domain of `vnkg:subject`) with no rdf:type stored: one
quad less for each relation an article states with evidence, in its graph and the union.

An evidence span is its article's IRI with an RFC 5147 fragment, `<ARTICLE#char=S,E>`, and
only its words are stored (`vnkg:text`): the article and the offsets are read off the IRI,
two quads a span instead of five, and the statements citing one span share its node.

A gazetteer locality is described once, in the reference graph: written for a store that
holds the gazetteer (`gazetteer`), an article's graph only names one whose properties are
the gazetteer's (its type and id, 2 quads instead of about 13; graph.rdf_read gives it the
gazetteer's properties back). A store without the gazetteer gets every locality in full.

What every article naming a node or stating a relation says alike is the union's alone
(`render`'s `union_only`): a node's type, which its id names (`person/...`), its `vnkg:id`,
which its IRI holds, and a statement's subject and object, which its IRI is a hash of (with
the relation's type). A statement states no type of relation (`vnkg:relation`, which stores
written before held: 6 quads an article in the union at 100,000 articles, an eighth of it):
a reader tells which of the relations between its subject and object it is about by its IRI,
the hash of the three (`statement_iri`), as two relations between the same nodes (a person
attended and spoke at a meeting) have a statement each. So is a node's matching key where it
is the fold of its name (graph/schema.toml's `folds`: `vnkg:key` of a person, rank, post,
unit or meeting), which a reader of the graph folds again; two articles may give one node
two names, so on a replace or delete the writer gives the union the keys of the names the
graphs still give (loaders.rdf_updates' `refold`). An article's graph names a node by its
name (`schema:name`), else by its id (always its own article, whose id is the graph's), so
"which graphs name node n" is `GRAPH ?g { ?n schema:name|vnkg:id ?v }`, and a statement by
what it says about the relation; graph.rdf_read gets the rest back from the IRIs and the
relation.

What is one article's own and is read in its graph alone is the graph's alone (`render`'s
`graph_only`): the evidence, a statement's `vnkg:evidence` links and each span's words. A
span is its article's IRI, so no two graphs state the same evidence triple, and every reader
finds it in `GRAPH ?g` (the named queries, the views, the explorer, the checks): copied into
the stored union, it was 12.4 quads an article that the union never merged. The union's
readers that hand out the union whole (loaders.rdf_dump's Turtle and JSON-LD, a store's
`union_triples`) add it back from the graphs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node as Term

from vnkg.graph.ids import article_id
from vnkg.graph.literals import literal, nt_literal
from vnkg.graph.membership import membership_triples
from vnkg.graph.model import Edge, Evidence, Fragment, PropValue
from vnkg.graph.reference import described
from vnkg.graph.vocab import (
    CLASSES,
    COPIES,
    DATE_PROPS,
    FROM_ID,
    ID,
    NODE_PROPS,
    VNKG,
    folded,
    id_tail,
    is_vietnamese,
    node_id_of,
    node_iri,
    predicate_for,
    property_predicate,
)

Quad = tuple[Term, Term, Term, URIRef]
Span = tuple[str, int, int]  # an evidence span: article, start, end
SPAN_MARK = "#char="  # RFC 5147's fragment for a range of characters


def graph_iri(article: str) -> URIRef:
    """The named graph holding one article's statements: the article node's own IRI."""
    return node_iri(f"article/{article}")


def evidence_iri(article: str, start: int, end: int) -> str:
    """The IRI of an evidence span: its article's IRI with an RFC 5147 fragment (an article
    id's own `#` is percent-encoded, so the first `#` starts the fragment).

    >>> evidence_iri("bài 1", 10, 42)
    'https://vnkg.dev/id/article/b%C3%A0i%201#char=10,42'
    """
    return f"{graph_iri(article)}{SPAN_MARK}{start},{end}"


def span_of(iri: str) -> Span | None:
    """The article and offsets an evidence IRI stands for (None: not such an IRI).

    >>> span_of(evidence_iri("bài 1", 10, 42))
    ('bài 1', 10, 42)
    """
    node, mark, span = iri.partition(SPAN_MARK)
    start, comma, end = span.partition(",")
    if not (mark and comma and start.isdigit() and end.isdigit()):
        return None
    return node_id_of(node).removeprefix("article/"), int(start), int(end)


def span_texts(fragment: Fragment) -> dict[Span, str]:
    """One text for each evidence span of a fragment, as its node holds one: the words
    between the offsets, which resolve cuts from the article's text, so every statement
    citing a span has the same ones; only records read without the article may lack them
    (a promotion's span keeps no words), so the longest text given wins, then the smallest.

    >>> frag = Fragment("a1", None)
    >>> for rel, target, words in (("HOLDS", "position/q", ""), ("HAS_RANK", "rank/r", "Ông")):
    ...     _ = frag.add_edge(Edge(rel, "person/p", target, {}, [Evidence("a1", 0, 3, words)]))
    >>> span_texts(frag)
    {('a1', 0, 3): 'Ông'}
    """
    texts: dict[Span, str] = {}
    for edge in fragment.edges.values():
        for ev in edge.evidence:
            span = (ev.article, ev.start, ev.end)
            old = texts.get(span)
            if old is None or (len(ev.text), old) > (len(old), ev.text):
                texts[span] = ev.text
    return texts


def to_quads(fragment: Fragment, gazetteer: bool = False) -> list[Quad]:
    """All quads of one fragment, in its article's named graph (for a store holding the
    `gazetteer`, the localities it describes only named)."""
    g = graph_iri(fragment.article)
    quads: list[Quad] = []
    if fragment.published:
        quads.append((g, VNKG.dated, literal(fragment.published, date=True), g))
    for node in fragment.nodes.values():
        s = node_iri(node.id)
        quads.append((s, RDF.type, CLASSES[node.label], g))
        quads.append((s, VNKG.id, literal(node.id), g))
        if gazetteer and described(node):
            continue
        quads.extend((s, p, o, g) for p, o in _props(stated(node.props, node.label, node.id),
                                                     node.label))
    labels = {n.id: n.label for n in fragment.nodes.values()}
    for edge in fragment.edges.values():
        quads.extend(_edge_quads(edge, labels.get(edge.source, ""), g))
        quads.extend((s, p, o, g) for s, p, o in membership_triples(edge, fragment))
    quads.extend((URIRef(evidence_iri(*span)), VNKG.text, literal(text, True), g)
                 for span, text in span_texts(fragment).items())
    return quads


def _edge_quads(edge: Edge, source_label: str, g: URIRef) -> list[Quad]:
    s, o = node_iri(edge.source), node_iri(edge.target)
    label = source_label or _label_for(edge.type)
    quads: list[Quad] = [(s, predicate_for(edge.type, label), o, g)]
    if not (edge.props or edge.evidence):
        return quads
    st = URIRef(statement_iri(edge.key))
    quads += [(st, VNKG.subject, s, g), (st, VNKG.object, o, g)]
    quads.extend((st, p, obj, g) for p, obj in _props(edge.props))
    quads.extend((st, VNKG.evidence, URIRef(_evidence(ev)), g) for ev in edge.evidence)
    return quads


def statement_iri(key: tuple[str, str, str]) -> str:
    """The IRI of the statement about a relation (its source, type and target), made from
    them alone: a reader finds a relation's statement without reading its subject and object
    back, and tells which relation a statement is about by this hash, as none states it.

    >>> statement_iri(("person/a", "HOLDS", "position/b")).startswith(ID + "statement/")
    True
    """
    return ID + "statement/" + _hash(*key)


def label_of_id(node_id: str) -> str | None:
    """The label a node id names by its first part (graph.ids.make_id: `person/...` is a
    Person), None when it names none: such a node's type is stored with it.

    >>> label_of_id("person/nguyen-van-a-1"), label_of_id("x")
    ('Person', None)
    """
    return _LABEL_OF_PREFIX.get(node_id.partition("/")[0])


def _label_for(rel: str) -> str:
    from vnkg.graph.model import RELATIONS

    return RELATIONS[rel][0][0]


def stated(props: dict[str, PropValue], label: str, node_id: str = "") -> dict[str, PropValue]:
    """The properties of a `label` node (`node_id`) that RDF states: not one repeating
    another with the same values (a post's title, its name: graph/schema.toml's `copies`),
    which graph.rdf_read takes from the other: at 10,000 synthetic articles, 5.5 quads an
    article fewer for posts and 2 for meetings; nor one that is the id's tail (`from_id`:
    an article's doc_id, 2 quads an article, in its graph and the union).

    >>> stated({"name": "Chủ tịch", "title": "Chủ tịch", "role": "Chủ tịch"}, "Position")
    {'name': 'Chủ tịch', 'role': 'Chủ tịch'}
    >>> stated({"name": "Tin 1", "doc_id": "a1"}, "Article", "article/a1")
    {'name': 'Tin 1'}
    """
    copies, from_id = COPIES.get(label), FROM_ID.get(label)
    if not (copies or from_id):
        return props
    tail = id_tail(node_id)
    return {k: v for k, v in props.items()
            if not (copies and k in copies and v == props.get(copies[k]))
            and not (from_id and k in from_id and v == tail)}


def _props(props: dict[str, PropValue], label: str | None = None
           ) -> Iterable[tuple[URIRef, Literal | URIRef]]:
    for name, value in props.items():
        values = value if isinstance(value, list) else [value]
        p = property_predicate(name, label)
        for v in values:
            if v is None:
                continue
            if name in NODE_PROPS:
                yield p, node_iri(str(v))
            else:
                yield p, literal(v, is_vietnamese(name, label), name in DATE_PROPS)


def to_ntriples(fragment: Fragment, gazetteer: bool = False,
                union_only: list[str] | None = None,
                graph_only: list[str] | None = None) -> list[str]:
    """The same statements as `to_quads`, as N-Triples terms ("<s> <p> o") without the graph.

    Built straight from strings, an order of magnitude faster than making rdflib terms; the
    loader writes them as N-Quads and digests them. Given a `union_only` list, the lines
    every article naming the same node or relation would state alike go there instead (see
    `render`): a node's type and id (read back from its IRI) and a statement's subject and
    object (read back from the relation it is about), and a key that is the fold
    of the node's name (read back by folding it). Given a `graph_only`
    list, the evidence goes there (see `render`).

    >>> frag = Fragment("a1", "2024-05")
    >>> to_ntriples(frag)[0].endswith('"2024-05"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>')
    True
    """
    g = _iri(graph_iri(fragment.article))
    out: list[str] = []
    shared = out if union_only is None else union_only
    own_lines = out if graph_only is None else graph_only
    if fragment.published:
        out.append(f"{g} {_V_DATED} {nt_literal(fragment.published, date=True)}")
    own = article_id(fragment.article)  # its id in its own graph names the graph's article
    for node in fragment.nodes.values():
        s = _node(node.id)
        only_named = gazetteer and described(node)  # its type says what the graph names
        typed = shared if label_of_id(node.id) == node.label and not only_named else out
        typed.append(f"{s} {_TYPE} {_class(node.label)}")
        # a graph names a node by its name, else by its id (and always its own article so)
        named = shared if _has_name(node.props) and not only_named and node.id != own else out
        named.append(f"{s} {_V_ID} {_id_literal(node.id)}")
        if only_named:
            continue
        props = stated(node.props, node.label, node.id)
        keys = folded(props, node.label)  # the union's alone: folded again from the name
        out.extend(f"{s} {p} {o}" for p, o in _nt_props(
            {k: v for k, v in props.items() if k not in keys}, node.label))
        shared.extend(f"{s} {p} {o}" for p, o in _nt_props(keys, node.label))
    labels = {n.id: n.label for n in fragment.nodes.values()}
    for edge in fragment.edges.values():
        _edge_lines(out, shared, edge, labels.get(edge.source, ""), own_lines)
        out.extend(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in membership_triples(edge, fragment))
    own_lines.extend(f"<{evidence_iri(*span)}> {_V_TEXT} {nt_literal(text, True)}"
                     for span, text in span_texts(fragment).items())
    return out


@dataclass(frozen=True)
class Rendered:
    """One article's statements as N-Triples terms (`to_ntriples`) and their digest: all the
    RDF store needs to write it. The extraction workers make it, so the one process that
    writes only loads (cheaper to receive, too: a list of strings unpickles 8x faster than
    a Fragment's objects, 0.07 against 0.58 ms an article).

    `lines` go to the article's named graph and the union; `union_only` to the union alone:
    what any article naming the same node or relation states alike (its type and id; a
    statement's subject and object; the fold of its name), kept there while some
    article's graph names it; `graph_only` to the article's graph alone: its evidence,
    which no other graph states and every reader finds in the graph."""

    article: str
    lines: list[str]
    digest: str
    union_only: list[str] = field(default_factory=list)
    graph_only: list[str] = field(default_factory=list)


def render(fragment: Fragment, gazetteer: bool = False) -> Rendered:
    """The fragment's statements and digest, ready for the store (one holding the
    `gazetteer` when that is True).

    >>> done = render(Fragment("a1", "2024-05"))
    >>> done.article, len(done.lines), len(done.digest)
    ('a1', 1, 64)
    """
    union_only: list[str] = []
    graph_only: list[str] = []
    lines = to_ntriples(fragment, gazetteer, union_only, graph_only)
    return Rendered(fragment.article, lines, lines_digest(lines + union_only + graph_only),
                    union_only, graph_only)


def lines_digest(lines: list[str]) -> str:
    """A digest of a fragment's statements as N-Triples lines, independent of their order."""
    return hashlib.sha256("\n".join(sorted(lines)).encode()).hexdigest()


def _edge_lines(out: list[str], shared: list[str], edge: Edge, source_label: str,
                own: list[str]) -> None:
    s, o = _node(edge.source), _node(edge.target)
    label = source_label or _label_for(edge.type)
    out.append(f"{s} {_predicate(edge.type, label)} {o}")
    if not (edge.props or edge.evidence):
        return
    st = f"<{statement_iri(edge.key)}>"
    shared += [f"{st} {_V_SUBJECT} {s}", f"{st} {_V_OBJECT} {o}"]
    out.extend(f"{st} {p} {obj}" for p, obj in _nt_props(edge.props))
    own.extend(f"{st} {_V_EVIDENCE} <{_evidence(ev)}>" for ev in edge.evidence)


def _has_name(props: dict[str, PropValue]) -> bool:
    return props.get("name") not in (None, [])


def _evidence(ev: Evidence) -> str:
    return evidence_iri(ev.article, ev.start, ev.end)


# N-Triples terms made once: rdflib's namespaces build a URIRef on every attribute access
_TYPE = f"<{RDF.type}>"
_V_DATED = f"<{VNKG.dated}>"
_V_ID = f"<{VNKG.id}>"
_V_SUBJECT = f"<{VNKG.subject}>"
_V_OBJECT = f"<{VNKG.object}>"
_V_EVIDENCE = f"<{VNKG.evidence}>"
_V_TEXT = f"<{VNKG.text}>"
_LABEL_OF_PREFIX = {label.lower(): label for label in CLASSES}


def _nt_props(props: dict[str, PropValue], label: str | None = None
              ) -> Iterable[tuple[str, str]]:
    for name, value in props.items():
        values = value if isinstance(value, list) else [value]
        p, node, vietnamese, date = _prop_form(name, label)
        for v in values:
            if v is None:
                continue
            yield p, (_node(str(v)) if node else nt_literal(v, vietnamese, date))


@lru_cache(maxsize=512)
def _prop_form(name: str, label: str | None) -> tuple[str, bool, bool, bool]:
    """How property `name` of a `label` node is written: its predicate, and whether its
    values are node ids, Vietnamese text, dates (asked once per pair, not per value)."""
    return (_property(name, label), name in NODE_PROPS, is_vietnamese(name, label),
            name in DATE_PROPS)


def _iri(term: URIRef) -> str:
    return f"<{term}>"


@lru_cache(maxsize=1 << 16)
def _node(node_id: str) -> str:
    return f"<{node_iri(node_id)}>"


@lru_cache(maxsize=1 << 16)
def _id_literal(node_id: str) -> str:
    return nt_literal(node_id)


@lru_cache(maxsize=256)
def _property(name: str, label: str | None) -> str:
    return f"<{property_predicate(name, label)}>"


@lru_cache(maxsize=64)
def _predicate(rel: str, label: str) -> str:
    return f"<{predicate_for(rel, label)}>"


@lru_cache(maxsize=64)
def _class(label: str) -> str:
    return f"<{CLASSES[label]}>"


def _hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]
