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

from vnkg.extraction.keys import decree_key, name_key
from vnkg.graph.vocab import CLASSES, FOLDS, PROPERTY_OF_PREDICATE
from vnkg.viz.match import find_nodes, require_nodes
from vnkg.viz.view_queries import select_view

MATCHED = ("name", "title", "number")  # the properties a view's argument is matched against


def find(store: Any, label: str, query: str, keys: tuple[str, ...] = ("name",),
         key: Callable[[str], str] = name_key) -> list[str]:
    """The nodes of `label` a view's argument names, as `viz.match.require_nodes` finds
    them among the `candidates`; an id is looked up alone (reading every meeting of a
    100k-article store to find one took minutes), and a name or a number matched by its
    key alone among the nodes whose stored key it is (`by_key`), every node read only when
    none is.

    >>> from vnkg.loaders.oxigraph_store import OxigraphStore
    >>> with OxigraphStore(None) as store:
    ...     find(store, "Person", "Lò Văn Thuỷ")
    Traceback (most recent call last):
    ...
    vnkg.viz.match.ViewError: no Person node has id or name 'Lò Văn Thuỷ'; try a shorter name
    """
    if select_view(store, "is-a", node=query, **{"class": CLASSES[label]}):
        return [query]
    if by_key(label, keys, key):
        found = find_nodes(candidates(store, label, keys, key(query)), query, [label], keys, key)
        if found:
            return found
    return require_nodes(candidates(store, label, keys), query, [label], keys, key)


def by_key(label: str, keys: tuple[str, ...], key: Callable[[str], str]) -> bool:
    """Whether a view's argument matched against `keys` by `key` can be looked up by the
    nodes' stored key (`vnkg:key`), as every node `viz.match.find_nodes` could find has the
    argument's key as its own: a person's (a `label` node's whose key FOLDS its names) is
    the fold of its names, matched by the name key; a decree's is the decree key of its
    number (graph.resolve), matched by its number and name. Reading every decree's number
    and name to find one took 0.5 s of a decree view's 2.5 s at 100k articles.

    >>> by_key("Person", ("name",), name_key), by_key("Meeting", ("name", "title"), name_key)
    (True, False)
    >>> by_key("Decree", ("number", "name"), decree_key)
    True
    """
    if label == "Decree":
        return key is decree_key and set(keys) <= {"number", "name"}
    return keys == ("name",) and key is name_key and FOLDS.get(label, {}).get("key") == "name"


def candidates(store: Any, label: str, keys: tuple[str, ...],
               folded: str | None = None) -> nx.MultiDiGraph:
    """The nodes of `label` with the properties in `keys` (among MATCHED, which the query
    reads), as viz.match matches a view's argument against them (a graph of those nodes
    alone); given `folded`, only those whose stored key (`vnkg:key`) it is."""
    if not set(keys) <= set(MATCHED):
        raise ValueError(f"a view's argument is matched against {MATCHED}, not {keys}")
    g = nx.MultiDiGraph()
    cls = {"class": CLASSES[label]}
    rows = (select_view(store, "candidates", **cls) if folded is None
            else select_view(store, "candidates-by-key", key=folded, **cls))
    for row in rows:
        name = PROPERTY_OF_PREDICATE.get(URIRef(row["predicate"]))
        if name in keys:
            g.add_node(row["node"], label=label)
            old = g.nodes[row["node"]].get(name)
            value = str(row["value"])
            g.nodes[row["node"]][name] = value if old is None else min(old, value)
    return g
