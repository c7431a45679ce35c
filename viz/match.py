"""Find nodes by id or by name, without regard to case, tone-mark style or diacritics.

Names are compared on the keys of `extract.keys` (a name key by default), the keys the
queries bind their parameters with, so a spelling that finds a node here finds it in a query.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable

import networkx as nx

from vnkg.extraction.keys import name_key, nearest

fold = name_key  # the old name of the views' matching key


class ViewError(ValueError):
    """A view's argument names nothing in the graph (the message says what to try)."""


def find_nodes(g: nx.MultiDiGraph, query: str, labels: Iterable[str],
               keys: tuple[str, ...] = ("name",), key: Callable[[str], str] = name_key
               ) -> list[str]:
    """Ids of the nodes of `labels` named by `query`: the id itself, else an exact
    (NFC, casefolded) value of one of `keys`, else one whose `key` (by default the name key)
    equals the query's. Sorted for determinism.

    >>> g = nx.MultiDiGraph(); g.add_node("p1", label="Person", name="Lò Văn Thuỷ")
    >>> find_nodes(g, "lo van thuy", ["Person"])
    ['p1']
    """
    wanted = set(labels)
    if query in g and g.nodes[query].get("label") in wanted:
        return [query]
    exact = unicodedata.normalize("NFC", query).casefold().strip()
    folded = key(query)
    tiers: tuple[list[str], list[str]] = ([], [])
    for node, data in g.nodes(data=True):
        if data.get("label") not in wanted:
            continue
        values = [str(data[k]) for k in keys if data.get(k) not in (None, "")]
        if any(unicodedata.normalize("NFC", v).casefold().strip() == exact for v in values):
            tiers[0].append(node)
        elif any(key(v) == folded for v in values):
            tiers[1].append(node)
    return sorted(tiers[0] or tiers[1])


def require_nodes(g: nx.MultiDiGraph, query: str, labels: Iterable[str],
                  keys: tuple[str, ...] = ("name",), key: Callable[[str], str] = name_key
                  ) -> list[str]:
    """Like `find_nodes`, but raise `ViewError` naming the labels searched when none match."""
    labels = list(labels)
    found = find_nodes(g, query, labels, keys, key)
    if not found:
        names = {str(d[k]) for _, d in g.nodes(data=True) if d.get("label") in labels
                 for k in keys if d.get(k) not in (None, "")}
        close = nearest(query, names, key)
        hint = f"the nearest: {', '.join(close)}" if close else "try a shorter name"
        raise ViewError(f"no {'/'.join(labels)} node has id or {'/'.join(keys)} {query!r}; "
                        f"{hint}")
    return found
