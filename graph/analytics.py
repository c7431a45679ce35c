"""Analytics on the graph: counts by label and relation, and the officials at most meetings."""

from __future__ import annotations

from collections import Counter
from typing import Any

from vnkg.graph.model import Graph

ROLE_TYPES = ("CHAIRED", "ATTENDED", "SPOKE_AT")


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
