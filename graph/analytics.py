"""Analytics on the graph through networkx: counts, co-attendance, central officials."""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from graph.model import Graph

ROLE_TYPES = ("CHAIRED", "ATTENDED", "SPOKE_AT")


def co_attendance(graph: Graph) -> nx.Graph:
    """Person–person graph: an edge for each pair seen at the same meeting, `weight` =
    meetings shared.

    >>> co_attendance(Graph()).number_of_edges()
    0
    """
    people_at: dict[str, set[str]] = {}
    for edge in graph.edges.values():
        if edge.type in ROLE_TYPES:
            people_at.setdefault(edge.target, set()).add(edge.source)
    g = nx.Graph()
    for person in {p for ps in people_at.values() for p in ps}:
        g.add_node(person, name=graph.nodes[person].props.get("name", person))
    for people in people_at.values():
        ordered = sorted(people)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                w = g.get_edge_data(a, b, {}).get("weight", 0)
                g.add_edge(a, b, weight=w + 1)
    return g


def graph_stats(graph: Graph, top: int = 10) -> dict[str, Any]:
    """Counts by label and by relation type, articles, and the officials at most meetings."""
    labels = Counter(n.label for n in graph.nodes.values())
    relations = Counter(e.type for e in graph.edges.values())
    # one count per meeting, however many roles (chair and speaker) he had at it
    meetings = Counter(person for person, _ in {(e.source, e.target) for e in graph.edges.values()
                                                if e.type in ROLE_TYPES})
    central = [{"person": pid, "name": graph.nodes[pid].props.get("name"), "meetings": n}
               for pid, n in sorted(meetings.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
    return {"articles": len(graph.published), "nodes": dict(sorted(labels.items())),
            "relations": dict(sorted(relations.items())), "central": central}
