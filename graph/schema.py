"""The model as data: graph/schema.toml read once, checked, and given as plain tables.

The schema declares the node labels (class, key parts, unique property, properties, caption,
style), the relations (endpoints with their RDF predicates, properties, caption, style), the
node and relation properties, and the project's other RDF terms. graph.model, graph.vocab,
the Neo4j constraints and viz.style are all made from it, so they cannot disagree; a test
checks graph/ontology.ttl against it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

TERM_KINDS = ("class", "object", "datatype")  # owl:Class, owl:ObjectProperty, DatatypeProperty


class SchemaError(ValueError):
    """The schema file contradicts itself (an unknown label, property or prefix...)."""


@dataclass(frozen=True)
class NodeStyle:
    """How nodes are drawn: a vis-network colour and shape, and a legend caption."""

    color: str
    shape: str
    legend: str


@dataclass(frozen=True)
class EdgeStyle:
    """How edges are drawn: a colour, whether the line is dashed, and its width (None: the
    default edge width)."""

    color: str
    dashed: bool
    width: float | None = None


@dataclass(frozen=True)
class NodeSize:
    """Node size in views: min(base + per_degree * sqrt(degree), max), + focus if focused."""

    base: float
    per_degree: float
    max: float
    focus: float


@dataclass(frozen=True)
class LabelSpec:
    """A node label: its RDF class (prefix:name), key parts, unique property, properties."""

    name: str
    cls: str
    key: tuple[tuple[str, ...], ...]
    unique: str
    properties: tuple[str, ...]
    caption: str
    style: NodeStyle
    predicates: dict[str, str]  # property -> the predicate it has on this label, if its own
    plain: tuple[str, ...] = ()  # Vietnamese-text properties that hold codes on this label
    copies: dict[str, str] = field(default_factory=dict)  # property -> the one it repeats
    folds: dict[str, str] = field(default_factory=dict)  # property -> the one it is the key of
    from_id: tuple[str, ...] = ()  # properties that are the node's id after its label's part


@dataclass(frozen=True)
class End:
    """One (source label, target label) pair a relation may join, and its RDF predicate."""

    source: str
    target: str
    predicate: str


@dataclass(frozen=True)
class RelationSpec:
    """A relation type: its endpoints, properties, caption and (optional) style."""

    name: str
    ends: tuple[End, ...]
    properties: tuple[str, ...]
    caption: str
    style: EdgeStyle | None


@dataclass(frozen=True)
class PropertySpec:
    """A node or relation property: its predicate, @vi or not, list or not, view caption;
    `date`: an ISO date typed by its precision (xsd:date, xsd:gYearMonth, xsd:gYear);
    `node`: node ids, written as the nodes' IRIs."""

    name: str
    predicate: str
    vietnamese: bool
    is_list: bool
    caption: str | None
    date: bool = False
    node: bool = False


@dataclass(frozen=True)
class Schema:
    """The whole schema; `vnkg_terms` is the closed set of the project's own terms."""

    namespace: str
    ids: str
    prefixes: dict[str, str]
    labels: dict[str, LabelSpec]
    relations: dict[str, RelationSpec]
    properties: dict[str, PropertySpec]
    terms: dict[str, str]  # the other vnkg: terms -> kind
    vietnamese_terms: frozenset[str]  # of those, the ones holding Vietnamese text
    fallback: NodeStyle
    gap: NodeStyle
    edge: EdgeStyle
    size: NodeSize

    def expand(self, curie: str) -> str:
        """The full IRI of a prefix:name term.

        >>> SCHEMA.expand("vnkg:hasRank")
        'https://vnkg.dev/ns#hasRank'
        """
        prefix, _, name = curie.partition(":")
        return self.prefixes[prefix] + name

    def vnkg_terms(self) -> dict[str, str]:
        """Every vnkg: term the schema declares (local name -> kind): label classes, relation
        predicates, properties without a standard predicate, and the other terms."""
        out: dict[str, str] = {}
        for label in self.labels.values():
            _add(out, label.cls, "class")
        for rel in self.relations.values():
            for end in rel.ends:
                _add(out, end.predicate, "object")
        for prop in self.properties.values():
            _add(out, prop.predicate, "object" if prop.node else "datatype")
        for label in self.labels.values():
            for predicate in label.predicates.values():
                _add(out, predicate, "datatype")
        for name, kind in self.terms.items():
            _add(out, f"vnkg:{name}", kind)
        return out


def _add(out: dict[str, str], curie: str, kind: str) -> None:
    prefix, _, name = curie.partition(":")
    if prefix != "vnkg":
        return
    if out.setdefault(name, kind) != kind:
        raise SchemaError(f"vnkg:{name} is declared both {out[name]} and {kind}")


def load(text: str | None = None) -> Schema:
    """Read and check the schema (graph/schema.toml unless `text` is given).

    >>> load().labels["Person"].cls
    'foaf:Person'
    """
    if text is None:
        text = (resources.files("vnkg.graph") / "schema.toml").read_text("utf-8")
    data = tomllib.loads(text)
    view = data.get("view", {})
    schema = Schema(
        namespace=data["namespace"]["vnkg"], ids=data["namespace"]["ids"],
        prefixes=dict(data["prefixes"]),
        labels={n: _label(n, d) for n, d in data["labels"].items()},
        relations={n: _relation(n, d) for n, d in data["relations"].items()},
        properties={n: _property(n, d) for n, d in data["properties"].items()},
        terms={n: d["kind"] for n, d in data.get("terms", {}).items()},
        vietnamese_terms=frozenset(n for n, d in data.get("terms", {}).items()
                                   if d.get("vietnamese")),
        fallback=NodeStyle(**view["fallback"]), gap=NodeStyle(**view["gap"]),
        edge=EdgeStyle(**view["edge"]), size=NodeSize(**view["size"]),
    )
    _check(schema)
    return schema


def _label(name: str, d: dict[str, Any]) -> LabelSpec:
    return LabelSpec(name, d["class"], tuple(tuple(k) for k in d["key"]), d["unique"],
                     tuple(d["properties"]), d["caption"], NodeStyle(**d["style"]),
                     dict(d.get("predicates", {})), tuple(d.get("plain", ())),
                     dict(d.get("copies", {})), dict(d.get("folds", {})),
                     tuple(d.get("from_id", ())))


def _relation(name: str, d: dict[str, Any]) -> RelationSpec:
    style = EdgeStyle(**d["style"]) if "style" in d else None
    return RelationSpec(name, tuple(End(**e) for e in d["ends"]),
                        tuple(d.get("properties", ())), d["caption"], style)


def _property(name: str, d: dict[str, Any]) -> PropertySpec:
    return PropertySpec(name, d.get("predicate", f"vnkg:{name}"), d.get("vietnamese", False),
                        d.get("list", False), d.get("caption"), d.get("date", False),
                        d.get("node", False))


def _check(schema: Schema) -> None:
    """Raise SchemaError where the schema names a label, property, prefix or kind it does
    not declare."""
    problems = [f"{t}: unknown term kind {k!r}" for t, k in schema.terms.items()
                if k not in TERM_KINDS]
    curies = [lab.cls for lab in schema.labels.values()]
    curies += [p.predicate for p in schema.properties.values()]
    for lab in schema.labels.values():
        problems += [f"{lab.name}: unknown property {p!r}" for p in
                     (*lab.properties, lab.caption) if p not in schema.properties]
        problems += [f"{lab.name}: {p!r} is not one of its properties" for p in
                     (*lab.predicates, *lab.plain, *lab.copies, *lab.copies.values(),
                      *lab.folds, *lab.folds.values(), *lab.from_id) if p not in lab.properties]
        curies += lab.predicates.values()
    for rel in schema.relations.values():
        problems += [f"{rel.name}: unknown property {p!r}" for p in rel.properties
                     if p not in schema.properties]
        for end in rel.ends:
            curies.append(end.predicate)
            problems += [f"{rel.name}: unknown label {x!r}" for x in (end.source, end.target)
                         if x not in schema.labels]
    problems += [f"unknown prefix in {c!r}" for c in curies
                 if c.partition(":")[0] not in schema.prefixes]
    if schema.prefixes.get("vnkg") != schema.namespace:
        problems.append("the vnkg prefix is not the namespace")
    if problems:
        raise SchemaError("; ".join(problems))
    schema.vnkg_terms()  # raises on a term declared with two kinds


SCHEMA = load()
