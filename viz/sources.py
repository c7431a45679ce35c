"""How many of a node's or a relation's articles a view lists.

A district or a decree that 28,000 articles name would list them all in its tooltip and
make a view read them all from the store (most of a meeting view's time at 100k articles);
so would a post in a unit that 1,685 articles state, and a career's bar of it. Past `SHOWN`
articles a view gives their number (`source_count`) instead of the list; the `sources`
query and the explorer's pages still give every one.

>>> import networkx as nx
>>> g = nx.MultiDiGraph(); g.add_node("d", sources=[f"a{i}" for i in range(SHOWN + 1)])
>>> g.add_node("m", sources=["a1"])
>>> _ = g.add_edge("m", "d", key="HELD_IN", sources=[f"a{i}" for i in range(SHOWN + 1)])
>>> list_sources(g)
>>> g.nodes["d"], g.nodes["m"], g.edges["m", "d", "HELD_IN"]
({'sources': [], 'source_count': 51}, {'sources': ['a1']}, {'sources': [], 'source_count': 51})
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx

SHOWN = 50  # articles a view lists for one node or relation


def shown(data: Mapping[str, Any]) -> tuple[list[str], int]:
    """The articles a view lists of a node or a relation (`data`, its attributes), none past
    SHOWN, and their number (given, or the list's length).

    >>> shown({"sources": ["a1", "a2"]}), shown({"sources": [], "source_count": 900})
    ((['a1', 'a2'], 2), ([], 900))
    """
    sources = list(data.get("sources") or [])
    count = int(data.get("source_count") or len(sources))
    return (sources if count <= SHOWN else []), count


def list_sources(view: nx.MultiDiGraph) -> None:
    """Replace, on each node and relation of `view` with more than SHOWN articles, the list
    of its articles by their number (a view read from the store has it already)."""
    for data in [d for _, d in view.nodes(data=True)] + [d for *_, d in view.edges(data=True)]:
        sources, count = shown(data)
        if count > SHOWN:
            data["sources"], data["source_count"] = sources, count
