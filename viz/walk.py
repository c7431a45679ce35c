"""Small typed-edge walks over the networkx projection (edge key = relation type)."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

ROLES = ("CHAIRED", "SPOKE_AT", "ATTENDED")


def out_nodes(g: nx.MultiDiGraph, node: str, types: Iterable[str]) -> set[str]:
    """Targets of `node`'s outgoing edges of the given types.

    >>> g = nx.MultiDiGraph(); _ = g.add_edge("m", "x", key="HELD_IN")
    >>> out_nodes(g, "m", ["HELD_IN"])
    {'x'}
    """
    wanted = set(types)
    return {v for _, v, k in g.out_edges(node, keys=True) if k in wanted}


def in_nodes(g: nx.MultiDiGraph, node: str, types: Iterable[str]) -> set[str]:
    """Sources of `node`'s incoming edges of the given types.

    >>> g = nx.MultiDiGraph(); _ = g.add_edge("p", "m", key="CHAIRED")
    >>> in_nodes(g, "m", ROLES)
    {'p'}
    """
    wanted = set(types)
    return {u for u, _, k in g.in_edges(node, keys=True) if k in wanted}


def ancestors(g: nx.MultiDiGraph, node: str, types: Iterable[str] = ("PART_OF",)) -> set[str]:
    """Every node reached from `node` by following `types` edges forward (its parents).

    >>> g = nx.MultiDiGraph(); _ = g.add_edge("xa", "huyen", key="PART_OF")
    >>> _ = g.add_edge("huyen", "tinh", key="PART_OF")
    >>> sorted(ancestors(g, "xa"))
    ['huyen', 'tinh']
    """
    return _closure(g, node, tuple(types), forward=True)


def descendants(g: nx.MultiDiGraph, node: str,
                types: Iterable[str] = ("PART_OF",)) -> set[str]:
    """Every node that reaches `node` by `types` edges (its children, their children...)."""
    return _closure(g, node, tuple(types), forward=False)


def top(g: nx.MultiDiGraph, node: str) -> str:
    """The highest PART_OF ancestor of a locality (its province), or the node itself.

    >>> g = nx.MultiDiGraph(); _ = g.add_edge("xa", "tinh", key="PART_OF")
    >>> top(g, "xa")
    'tinh'
    """
    current, seen = node, {node}
    while True:
        parents = sorted(out_nodes(g, current, ("PART_OF",)) - seen)
        if not parents:
            return current
        current = parents[0]
        seen.add(current)


def _closure(g: nx.MultiDiGraph, node: str, types: tuple[str, ...], forward: bool) -> set[str]:
    step = out_nodes if forward else in_nodes
    found: set[str] = set()
    frontier = [node]
    while frontier:
        nxt = {n for f in frontier for n in step(g, f, types)} - found - {node}
        found |= nxt
        frontier = sorted(nxt)
    return found
