"""The graph model: typed nodes and relations with stable ids and their sources.

Every store (RDF, Neo4j) and every view reads and writes these classes. Labels and
relation types are a closed set, declared in graph/schema.toml: loaders take them from
here, never from data.

A `Fragment` is what ONE article says, already resolved to global ids; the graph is the
union of all fragments. Stores keep fragments apart (an RDF named graph per article,
a `sources` list on every Neo4j node and relationship) so that a changed article replaces
its own statements and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from vnkg.graph.schema import SCHEMA
from vnkg.graph.tenure import BOUND_PROPS, merge_bounds

Scalar = str | int | float | bool | None
PropValue = Scalar | list[str]

# the closed sets of labels and relation types, from the schema (graph/schema.toml)
LABELS: tuple[str, ...] = tuple(SCHEMA.labels)

# relation type -> the (source label, target label) pairs it may join
RELATIONS: dict[str, tuple[tuple[str, str], ...]] = {
    name: tuple((end.source, end.target) for end in rel.ends)
    for name, rel in SCHEMA.relations.items()
}

# label -> the parts of its canonical key (alternatives in order of preference; graph.ids)
KEY_PARTS: dict[str, tuple[tuple[str, ...], ...]] = {
    name: label.key for name, label in SCHEMA.labels.items()
}

# label -> the property kept unique in Neo4j (its constraint)
UNIQUE: dict[str, str] = {name: label.unique for name, label in SCHEMA.labels.items()}


@dataclass(frozen=True)
class Evidence:
    """Where an article states a fact: character offsets into its NFC text, and the text."""

    article: str
    start: int
    end: int
    text: str


@dataclass
class Node:
    """A node: `id` is deterministic (see graph.ids), `props` are plain values.

    >>> Node("person/nguyen-van-a-3f2a", "Person", {"name": "Nguyễn Văn A"}).label
    'Person'
    """

    id: str
    label: str
    props: dict[str, PropValue] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.label not in LABELS:
            raise ValueError(f"unknown label {self.label!r}; the model has {LABELS}")


@dataclass
class Edge:
    """A relation between two node ids, with its properties and the evidence for it."""

    type: str
    source: str
    target: str
    props: dict[str, PropValue] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.type not in RELATIONS:
            raise ValueError(f"unknown relation type {self.type!r}")

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.source, self.type, self.target)


@dataclass
class Fragment:
    """What one article says, with global ids: the unit of loading and of replacement."""

    article: str
    published: str | None
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)

    def add_node(self, node: Node) -> Node:
        """Add `node`, or merge its props into the node already there: lists are united,
        otherwise the first value wins."""
        old = self.nodes.get(node.id)
        if old is None:
            self.nodes[node.id] = node
            return node
        for k, v in node.props.items():
            cur = old.props.get(k)
            if isinstance(cur, list) and isinstance(v, list):
                old.props[k] = sorted(set(cur) | set(v))
            elif cur in (None, "", []):
                old.props[k] = v
        return old

    def add_edge(self, edge: Edge) -> Edge:
        """Add `edge`, or merge its evidence and list props into the one already there;
        stated tenure bounds merge by graph.tenure's rule."""
        old = self.edges.get(edge.key)
        if old is None:
            self.edges[edge.key] = edge
            return edge
        old.evidence.extend(e for e in edge.evidence if e not in old.evidence)
        merge_bounds(old.props, edge.props)
        for k, v in edge.props.items():
            if k in BOUND_PROPS:
                continue
            cur = old.props.get(k)
            if isinstance(cur, list) and isinstance(v, list):
                old.props[k] = sorted(set(cur) | set(v))
            elif cur in (None, ""):
                old.props[k] = v
        return old


@dataclass
class Graph:
    """The union of fragments: every node and edge lists the articles that support it.

    `published` maps article id to its date, so edge `first_seen`/`last_seen` can be derived.
    """

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)
    sources: dict[str, set[str]] = field(default_factory=dict)  # node or edge key -> articles
    published: dict[str, str | None] = field(default_factory=dict)

    def add_fragment(self, fragment: Fragment) -> None:
        """Merge one article's fragment into the graph; properties the articles state
        differently are merged by the value rule (`merge_value`), stated tenure bounds by
        graph.tenure's, so the order in which the fragments come does not matter."""
        self.published[fragment.article] = fragment.published
        for node in fragment.nodes.values():
            old = self.nodes.get(node.id)
            if old is None:
                self.nodes[node.id] = Node(node.id, node.label, merge_props({}, node.props))
            else:
                old.props = merge_props(old.props, node.props)
            self.sources.setdefault(node.id, set()).add(fragment.article)
        for edge in fragment.edges.values():
            had = self.edges.get(edge.key)
            if had is None:
                self.edges[edge.key] = Edge(edge.type, edge.source, edge.target,
                                            merge_props({}, edge.props), list(edge.evidence))
            else:
                plain = {k: v for k, v in edge.props.items() if k not in BOUND_PROPS}
                had.props = merge_props(had.props, plain)
                merge_bounds(had.props, edge.props)  # a bound is taken whole, by its own rule
                had.evidence.extend(e for e in edge.evidence if e not in had.evidence)
            self.sources.setdefault(edge_key(edge.key), set()).add(fragment.article)

    def sources_of(self, item: Node | Edge) -> list[str]:
        """The sorted ids of the articles that support a node or an edge."""
        key = item.id if isinstance(item, Node) else edge_key(item.key)
        return sorted(self.sources.get(key, ()))

    def seen(self, edge: Edge) -> tuple[str | None, str | None]:
        """(first_seen, last_seen): the earliest and latest dates of the edge's articles."""
        dates = sorted(d for a in self.sources_of(edge) if (d := self.published.get(a)))
        return (dates[0], dates[-1]) if dates else (None, None)


def merge_value(old: Any, new: Any) -> Any:
    """THE value rule: two values that two articles (or the gazetteer) give for one property
    of one node or relation, merged. Lists give their sorted union; other values the
    smallest (by code point; the new one when they do not compare). The rule is the same
    whatever the order the articles come in, and SPARQL's MIN gives the same value, so the
    Neo4j loader, every export and the RDF stores' queries agree.

    >>> merge_value(["b"], ["a", "b"]), merge_value("Hòa", "Hoà"), merge_value(None, 3)
    (['a', 'b'], 'Hoà', 3)
    >>> merge_value("Luật Nghĩa vụ quân sự năm 2015", "Luật Nghĩa vụ quân sự")
    'Luật Nghĩa vụ quân sự'
    """
    if isinstance(new, list):
        return sorted(set(old if isinstance(old, list) else []) | set(new))
    try:
        return old if old is not None and new is not None and old < new else new
    except TypeError:
        return new


def merge_props(old: dict[str, PropValue], new: dict[str, PropValue]) -> dict[str, PropValue]:
    """`old` with `new` merged in by the value rule (a new dict; neither is changed)."""
    merged = dict(old)
    for key, value in new.items():
        if value is not None:
            merged[key] = merge_value(merged.get(key), value)
    return merged


def edge_key(key: tuple[str, str, str]) -> str:
    """A string form of an edge key, for maps and ids."""
    return " ".join(key)
