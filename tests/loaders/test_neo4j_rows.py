"""The rows the Neo4j loader and exports make of a fragment: its digest."""

from __future__ import annotations

import hashlib
import json

from vnkg.graph.model import Edge, Evidence, Fragment, Node
from vnkg.graph.schema import SCHEMA
from vnkg.loaders.neo4j_rows import ROWS_VERSION, digest, evidence_json


def _as_before(fragment: Fragment) -> str:
    """The digest as it was first written: properties sorted by their text."""
    nodes = sorted((n.id, n.label, sorted(n.props.items(), key=str))
                   for n in fragment.nodes.values())
    edges = sorted((e.key, sorted(e.props.items(), key=str),
                    sorted(map(evidence_json, e.evidence))) for e in fragment.edges.values())
    text = json.dumps([ROWS_VERSION, fragment.article, fragment.published, nodes, edges],
                      ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _every_property() -> Fragment:
    """A fragment with a node of every label and a relationship of every type, each holding
    every property the schema gives it (invented values, some lists)."""
    fragment = Fragment("a1", "2024-05")
    for label, spec in SCHEMA.labels.items():
        props = {name: [f"{name} 2", f"{name} 1"] if i % 3 == 0 else f"Giá trị {name}"
                 for i, name in enumerate(reversed(spec.properties))}
        fragment.add_node(Node(f"{label.lower()}/x", label, dict(props)))
    for rel, spec in SCHEMA.relations.items():
        end = spec.ends[0]
        props = {name: i for i, name in enumerate(reversed(spec.properties))}
        fragment.add_edge(Edge(rel, f"{end.source.lower()}/x", f"{end.target.lower()}/x",
                               dict(props), [Evidence("a1", 3, 9, "Đại tá")]))
    return fragment


def test_the_digest_is_the_one_stores_hold() -> None:
    """Stores written before hold digests made by sorting properties as text; sorted by
    name, every schema property still comes in that order, so no stored article looks
    changed."""
    fragment = _every_property()
    assert sum(len(n.props) for n in fragment.nodes.values()) > 20
    assert digest(fragment) == _as_before(fragment)


def test_the_digest_does_not_depend_on_the_order_properties_came_in() -> None:
    fragment = _every_property()
    shuffled = Fragment("a1", "2024-05")
    for node in fragment.nodes.values():
        shuffled.add_node(Node(node.id, node.label, dict(reversed(node.props.items()))))
    for edge in fragment.edges.values():
        shuffled.add_edge(Edge(edge.type, edge.source, edge.target,
                               dict(reversed(edge.props.items())), edge.evidence))
    assert digest(shuffled) == digest(fragment)
    node = next(iter(shuffled.nodes.values()))
    node.props[next(iter(node.props))] = "khác"
    assert digest(shuffled) != digest(fragment)
