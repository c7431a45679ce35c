"""SHACL shapes of vnkg's own model, made from graph/schema.toml and shipped as data.

`graph/model_shapes.ttl` is what `model_shapes()` makes (a test holds the file to it), so a
SHACL engine (pySHACL, Jena, TopBraid) can check a store or an export without vnkg: every
node of a label has one id, only the properties its label declares (closed shapes), each
with its kind of value (Vietnamese text `@vi`, a plain string, a date typed by its
precision, a node IRI), and relations leading to nodes of the right class. A relation's
`vnkg:Statement` and its evidence have shapes too. These describe the model; checks of the
facts' consistency live apart. So does the union's holding summary (loaders.rdf_summaries):
who held which post, and the first and last dates of the articles stating it, as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node as Term

from vnkg.graph.schema import SCHEMA
from vnkg.graph.vocab import (
    CLASSES,
    DATE_PROPS,
    ID,
    NODE_PROPS,
    PREDICATES,
    VNKG,
    is_vietnamese,
    property_predicate,
)

SHAPES = Namespace(SCHEMA.namespace[:-1] + "/shapes#")
_DATES = (XSD.date, XSD.gYearMonth, XSD.gYear)


def model_shapes() -> Graph:
    """The model's shapes as an rdflib graph.

    >>> shapes = model_shapes()
    >>> (SHAPES.Decree, SH.targetClass, CLASSES["Decree"]) in shapes
    True
    """
    g = Graph()
    g.bind("sh", SH)
    g.bind("vnkgsh", SHAPES)
    for prefix, iri in SCHEMA.prefixes.items():
        g.bind(prefix, iri)
    for label, spec in SCHEMA.labels.items():
        shape = _node_shape(g, SHAPES[label], CLASSES[label])
        g.add((shape, SH.closed, Literal(True)))
        ignored = [RDF.type] + ([VNKG.dated, VNKG.digest] if label == "Article" else [])
        g.add((shape, SH.ignoredProperties, _list(g, ignored)))
        _property(g, shape, VNKG.id, [(SH.datatype, XSD.string)], once=True)
        for name in spec.properties:
            _property(g, shape, property_predicate(name, label), _values(name, label))
        for (rel, source), predicate in sorted(PREDICATES.items()):
            if source == label:
                target = next(e.target for e in SCHEMA.relations[rel].ends if e.source == label)
                _property(g, shape, predicate, [(SH["class"], CLASSES[target])])
    _statement_shapes(g)
    _summary_shape(g)
    return g


def _statement_shapes(g: Graph) -> None:
    st = SHAPES.Statement  # statements are untyped in the store (the ontology's rdfs:domain
    g.add((st, RDF.type, SH.NodeShape))  # types them): the subjects of vnkg:subject
    g.add((st, SH.targetSubjectsOf, VNKG.subject))
    g.add((st, SH.closed, Literal(True)))
    g.add((st, SH.ignoredProperties, _list(g, [RDF.type])))
    for p in (VNKG.subject, VNKG.object):
        _property(g, st, p, [(SH.nodeKind, SH.IRI)], once=True)
    # a statement's relation type is its IRI's hash (graph.rdf), stated by older stores only
    _property(g, st, VNKG.relation, [(SH["in"], _list(g, [Literal(r) for r in sorted(
        SCHEMA.relations)])), (SH.maxCount, Literal(1))])
    _property(g, st, VNKG.evidence, [(SH.nodeKind, SH.IRI), (SH.node, SHAPES.Evidence)])
    for name in sorted({p for rel in SCHEMA.relations.values() for p in rel.properties}):
        _property(g, st, property_predicate(name), _values(name, None))
    ev = SHAPES.Evidence  # evidence resources are untyped: the objects of vnkg:evidence,
    g.add((ev, RDF.type, SH.NodeShape))  # each its article's IRI with an RFC 5147 fragment
    g.add((ev, SH.targetObjectsOf, VNKG.evidence))
    g.add((ev, SH.nodeKind, SH.IRI))
    g.add((ev, SH.pattern, Literal(f"^{re.escape(ID)}article/[^#]+#char=[0-9]+,[0-9]+$")))
    g.add((ev, SH.closed, Literal(True)))
    g.add((ev, SH.ignoredProperties, _list(g, [])))
    _property(g, ev, VNKG.text, [(SH.datatype, RDF.langString), (SH.languageIn,
                                                                 _list(g, [Literal("vi")]))],
              once=True)


def _summary_shape(g: Graph) -> None:
    hs = SHAPES.HoldingSummary  # untyped in the store, like statements: the subjects of
    g.add((hs, RDF.type, SH.NodeShape))  # vnkg:heldPost, at a hash of the holding's IRIs
    g.add((hs, SH.targetSubjectsOf, VNKG.heldPost))
    g.add((hs, SH.nodeKind, SH.IRI))
    g.add((hs, SH.pattern, Literal(f"^{re.escape(ID)}seen/[0-9a-f]{{20}}$")))
    g.add((hs, SH.closed, Literal(True)))
    g.add((hs, SH.ignoredProperties, _list(g, [RDF.type])))
    _property(g, hs, VNKG.holder, [(SH["class"], CLASSES["Person"])], once=True)
    _property(g, hs, VNKG.heldPost, [(SH["class"], CLASSES["Position"])], once=True)
    for p in (VNKG.firstSeen, VNKG.lastSeen):  # a date's text, "" when none is dated
        _property(g, hs, p, [(SH.datatype, XSD.string),
                             (SH.pattern, Literal(r"^([0-9]{4}(-[0-9]{2}){0,2})?$"))], once=True)
    _property(g, hs, VNKG.undated, [(SH["in"], _list(g, [Literal(True)])),
                                    (SH.maxCount, Literal(1))])


def _node_shape(g: Graph, shape: URIRef, cls: URIRef) -> URIRef:
    g.add((shape, RDF.type, SH.NodeShape))
    g.add((shape, SH.targetClass, cls))
    return shape


def _values(name: str, label: str | None) -> list[tuple[URIRef, Term]]:
    """What a value of property `name` (on a node of `label`) must be."""
    if name in NODE_PROPS:
        return [(SH.nodeKind, SH.IRI)]
    if is_vietnamese(name, label):
        return [(SH.datatype, RDF.langString), (SH.languageIn, Literal("vi"))]
    if name in DATE_PROPS:
        return [(SH["or"], _DATES)]  # type: ignore[list-item]
    return [(SH.datatype, XSD.string)]


def _property(g: Graph, shape: URIRef, path: URIRef, constraints: list[tuple[URIRef, Term]],
              once: bool = False) -> None:
    prop = SHAPES[f"{shape.split('#')[-1]}-{path.n3(g.namespace_manager).replace(':', '-')}"]
    g.add((shape, SH.property, prop))
    g.add((prop, SH.path, path))
    for p, o in constraints:
        if p == SH["or"]:
            o = _list(g, [_datatype(g, t) for t in o])  # type: ignore[attr-defined]
        elif p == SH.languageIn and isinstance(o, Literal):
            o = _list(g, [o])
        g.add((prop, p, o))
    if once:
        g.add((prop, SH.minCount, Literal(1)))
        g.add((prop, SH.maxCount, Literal(1)))


def _datatype(g: Graph, datatype: URIRef) -> BNode:
    node = BNode()
    g.add((node, SH.datatype, datatype))
    return node


def _list(g: Graph, items: Iterable[Term]) -> BNode:
    head = BNode()
    Collection(g, head, list(items))
    return head
