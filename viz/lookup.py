"""The nodes a view's argument names, looked up in the store: an id alone, else the
names of one label's nodes matched as viz.match matches them in a whole graph.

Apart from viz.read because it reads no relations and walks nothing: it only decides
which nodes a view starts from, before the walk begins.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import networkx as nx
from rdflib import URIRef

from vnkg.extraction.keys import name_key
from vnkg.graph.vocab import CLASSES, PROPERTY_OF_PREDICATE
from vnkg.viz.match import require_nodes
from vnkg.viz.view_queries import select_view

MATCHED = ("name", "title", "number")  # the properties a view's argument is matched against


def find(store: Any, label: str, query: str, keys: tuple[str, ...] = ("name",),
         key: Callable[[str], str] = name_key) -> list[str]:
    """The nodes of `label` a view's argument names, as `viz.match.require_nodes` finds
    them among the `candidates`; an id is looked up alone (reading every meeting of a
    100k-article store to find one took minutes)."""
    if select_view(store, "is-a", node=query, **{"class": CLASSES[label]}):
        return [query]
    return require_nodes(candidates(store, label, keys), query, [label], keys, key)


def candidates(store: Any, label: str, keys: tuple[str, ...]) -> nx.MultiDiGraph:
    """The nodes of `label` with the properties in `keys` (among MATCHED, which the query
    reads), as viz.match matches a view's argument against them (a graph of those nodes
    alone)."""
    if not set(keys) <= set(MATCHED):
        raise ValueError(f"a view's argument is matched against {MATCHED}, not {keys}")
    g = nx.MultiDiGraph()
    for row in select_view(store, "candidates", **{"class": CLASSES[label]}):
        name = PROPERTY_OF_PREDICATE.get(URIRef(row["predicate"]))
        if name in keys:
            g.add_node(row["node"], label=label)
            old = g.nodes[row["node"]].get(name)
            value = str(row["value"])
            g.nodes[row["node"]][name] = value if old is None else min(old, value)
    return g
