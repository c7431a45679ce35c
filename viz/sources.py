"""How many of a node's articles a view lists.

A district or a decree that 28,000 articles name would list them all in its tooltip and
make a view read them all from the store (most of a meeting view's time at 100k articles).
Past `SHOWN` articles a view gives their number (`source_count`) instead of the list; the
`sources` query and the explorer's pages still give every one.

>>> import networkx as nx
>>> g = nx.MultiDiGraph(); g.add_node("d", sources=[f"a{i}" for i in range(SHOWN + 1)])
>>> g.add_node("m", sources=["a1"])
>>> list_sources(g)
>>> g.nodes["d"], g.nodes["m"]
({'sources': [], 'source_count': 51}, {'sources': ['a1']})
"""

from __future__ import annotations

import networkx as nx

SHOWN = 50  # articles a view lists for one node


def list_sources(view: nx.MultiDiGraph) -> None:
    """Replace, on each node of `view` with more than SHOWN articles, the list of its
    articles by their number (a view read from the store has it already)."""
    for _, data in view.nodes(data=True):
        sources = data.get("sources") or []
        count = int(data.get("source_count") or len(sources))
        if count > SHOWN:
            data["sources"], data["source_count"] = [], count
