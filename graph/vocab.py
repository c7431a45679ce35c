"""The RDF vocabulary: standard terms where they fit, the project's own in one CLOSED namespace.

All of it is made from the schema (graph/schema.toml): each label's class, each relation's
predicate, each property's predicate, so the mapping to RDF and back (graph.rdf) and the
SPARQL queries agree by construction. `VNKG` holds only the terms the schema declares:
`VNKG.typo` raises AttributeError (`VNKG["typo"]` KeyError), so no term is made by mistake.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import quote, unquote

from rdflib import Namespace, URIRef
from rdflib.namespace import ClosedNamespace

from vnkg.extraction.keys import name_key
from vnkg.graph.schema import SCHEMA

VNKG = ClosedNamespace(SCHEMA.namespace, sorted(SCHEMA.vnkg_terms()))
ELI = Namespace(SCHEMA.prefixes["eli"])
ID = SCHEMA.ids

PREFIXES: dict[str, Namespace] = {
    prefix: VNKG if prefix == "vnkg" else Namespace(iri)
    for prefix, iri in SCHEMA.prefixes.items()
}


def term(curie: str) -> URIRef:
    """The IRI of a prefix:name term of the schema; a vnkg: one must be declared.

    >>> term("org:holds")
    rdflib.term.URIRef('http://www.w3.org/ns/org#holds')
    """
    prefix, _, name = curie.partition(":")
    return VNKG[name] if prefix == "vnkg" else URIRef(SCHEMA.expand(curie))


CLASSES: dict[str, URIRef] = {name: term(lab.cls) for name, lab in SCHEMA.labels.items()}
LABEL_OF_CLASS = {v: k for k, v in CLASSES.items()}

# (relation type, source label) -> predicate; PART_OF differs for units and localities
PREDICATES: dict[tuple[str, str], URIRef] = {
    (name, end.source): term(end.predicate)
    for name, rel in SCHEMA.relations.items() for end in rel.ends
}
RELATION_OF_PREDICATE = {p: rel for (rel, _), p in PREDICATES.items()}

# node and relation properties -> predicate (a standard one, else vnkg:<name>)
PROPERTIES: dict[str, URIRef] = {
    name: term(prop.predicate) for name, prop in SCHEMA.properties.items()
}
# a property's predicate on one label where it has its own (a decree's date: eli:date_document)
LABEL_PROPERTIES: dict[tuple[str, str], URIRef] = {
    (label, name): term(curie)
    for label, spec in SCHEMA.labels.items() for name, curie in spec.predicates.items()
}
PROPERTY_OF_PREDICATE = {v: k for k, v in PROPERTIES.items()}
PROPERTY_OF_PREDICATE |= {v: name for (_, name), v in LABEL_PROPERTIES.items()}

# Vietnamese text: tagged @vi; codes, keys, ids and dates are plain literals
VIETNAMESE = frozenset({name for name, prop in SCHEMA.properties.items() if prop.vietnamese}
                       | SCHEMA.vietnamese_terms)

# Vietnamese-text properties that hold codes on one label (written plain there)
PLAIN_ON: frozenset[tuple[str, str]] = frozenset(
    (label, name) for label, spec in SCHEMA.labels.items() for name in spec.plain)

# properties that repeat another on one label (a post's title: its name), by label: stated in
# RDF only where their values differ from the other's (graph.rdf), read back from it
COPIES: dict[str, dict[str, str]] = {
    label: spec.copies for label, spec in SCHEMA.labels.items() if spec.copies}

# properties that are another's matching key (a person's key: the fold of his name), by label:
# stated in the union alone where they are that fold (graph.rdf), folded again by a reader
FOLDS: dict[str, dict[str, str]] = {
    label: spec.folds for label, spec in SCHEMA.labels.items() if spec.folds}

# properties that are the node's id after its label's part (an article's doc_id), by label:
# stated in RDF only where they differ from it (graph.rdf), read back from the id
FROM_ID: dict[str, tuple[str, ...]] = {
    label: spec.from_id for label, spec in SCHEMA.labels.items() if spec.from_id}

# properties that hold a list of strings (one triple per item in RDF)
LIST_PROPS = frozenset(name for name, prop in SCHEMA.properties.items() if prop.is_list)

# ISO dates, typed by their precision; and node ids, written as the nodes' IRIs
DATE_PROPS = frozenset(name for name, prop in SCHEMA.properties.items() if prop.date)
NODE_PROPS = frozenset(name for name, prop in SCHEMA.properties.items() if prop.node)


def id_tail(node_id: str) -> str:
    """A node's id after its label's part: what a FROM_ID property holds.

    >>> id_tail("article/bài 1/2")
    'bài 1/2'
    """
    return node_id.partition("/")[2]


def with_id_props(props: dict[str, Any], label: str, node_id: str) -> dict[str, Any]:
    """`props` of a `label` node read from RDF, given (in place) each property that is its
    id's tail (FROM_ID) that RDF left unstated.

    >>> with_id_props({"name": "Tin 1"}, "Article", "article/a1")
    {'name': 'Tin 1', 'doc_id': 'a1'}
    """
    for name in FROM_ID.get(label, ()):
        if name not in props:
            props[name] = id_tail(node_id)
    return props


def with_copies(props: dict[str, Any], label: str) -> dict[str, Any]:
    """`props` of a `label` node read from RDF, given (in place) each property repeating
    another (COPIES) that RDF left unstated: the other's values.

    >>> with_copies({"name": "Hội nghị"}, "Meeting")
    {'name': 'Hội nghị', 'title': 'Hội nghị'}
    """
    for copy, source in COPIES.get(label, {}).items():
        if copy not in props and source in props:
            props[copy] = props[source]
    return props


def folded(props: dict[str, Any], label: str) -> dict[str, Any]:
    """Of `props` (a `label` node's), the properties that are exactly the fold of another
    (FOLDS, extraction.keys.name_key): those RDF states in the union alone.

    >>> folded({"name": "Đại tá", "key": "dai ta"}, "Rank"), folded({"key": "x"}, "Rank")
    ({'key': 'dai ta'}, {})
    """
    return {fold: props[fold] for fold, source in FOLDS.get(label, {}).items()
            if fold in props and source in props
            and _folds(props[source]) == _values(props[fold])}


def with_folds(props: dict[str, Any], label: str) -> dict[str, Any]:
    """`props` of a `label` node read from one article's graph, given (in place) each key
    RDF left to the union (FOLDS): the fold of the other's values.

    >>> with_folds({"name": "Thượng tá"}, "Rank")
    {'name': 'Thượng tá', 'key': 'thuong ta'}
    """
    for fold, source in FOLDS.get(label, {}).items():
        if fold not in props and source in props:
            keys = sorted(_folds(props[source]))
            props[fold] = keys if isinstance(props[source], list) else keys[0]
    return props


def _values(value: Any) -> set[str]:
    return set(value) if isinstance(value, list) else {value}


def _folds(value: Any) -> set[str]:
    return {name_key(str(v)) for v in _values(value)}


def is_vietnamese(name: str, label: str | None = None) -> bool:
    """Whether property `name` (of a node of `label`) holds Vietnamese text, tagged @vi.

    >>> is_vietnamese("kind", "Meeting"), is_vietnamese("kind", "Unit")
    (True, False)
    """
    return name in VIETNAMESE and (label, name) not in PLAIN_ON


@lru_cache(maxsize=1 << 16)
def node_iri(node_id: str) -> URIRef:
    """IRI of a node (or of an article's named graph) from its id, percent-encoded; made
    once an id (a view makes the IRIs of the same nodes for thousands of rows).

    >>> str(node_iri("article/bài 1"))
    'https://vnkg.dev/id/article/b%C3%A0i%201'
    """
    return URIRef(ID + quote(node_id, safe="/-_.~"))


def node_id_of(iri: object) -> str:
    """The node id an IRI stands for (inverse of node_iri)."""
    return unquote(str(iri)[len(ID):])


def predicate_for(rel: str, source_label: str) -> URIRef:
    """The predicate of a relation type leaving a node of `source_label`."""
    return PREDICATES[(rel, source_label)]


def property_predicate(name: str, label: str | None = None) -> URIRef:
    """The predicate of a node (of `label`) or edge property; a property the schema does not
    declare is an error (KeyError), never a new term.

    >>> str(property_predicate("date", "Decree"))
    'http://data.europa.eu/eli/ontology#date_document'
    """
    return LABEL_PROPERTIES.get((label or "", name)) or PROPERTIES.get(name) or VNKG[name]
