"""Projection of the graph into networkx, for analytics and views."""

from __future__ import annotations

import networkx as nx

from vnkg.graph.model import Graph


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Every node with attributes `label`, `name`, its props and `sources`; every edge keyed
    by its type, with `type`, props, `sources`, `first_seen`, `last_seen` and `evidence`
    (a list of dicts: article, start, end, text).

    >>> from vnkg.graph.model import Graph
    >>> to_networkx(Graph()).number_of_nodes()
    0
    """
    g = nx.MultiDiGraph()
    for node in graph.nodes.values():
        attrs = dict(node.props)
        attrs.setdefault("name", node.id)
        g.add_node(node.id, label=node.label, sources=graph.sources_of(node), **attrs)
    for edge in graph.edges.values():
        first, last = graph.seen(edge)
        g.add_edge(
            edge.source, edge.target, key=edge.type, type=edge.type,
            sources=graph.sources_of(edge), first_seen=first, last_seen=last,
            evidence=[vars(e) for e in edge.evidence], **edge.props,
        )
    return g
