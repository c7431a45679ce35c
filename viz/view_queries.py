"""The view queries run on a store: their text (data, in viz/queries/) read once, their
parameters bound, never formatted in.

Apart from viz.read because every view that reads a store asks through it, not only the
walk: the name lookup (viz.lookup), the overview's counts (viz.aggregate), a decree's
places (viz.decree_places) and the views themselves (viz.stored).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from rdflib import URIRef

from vnkg.graph.vocab import node_iri
from vnkg.queries import read_query
from vnkg.queries.seeds import open_where, with_seeds

# nodes one query binds at most: a walk's step, a view's nodes (a person view's 176) in one
CHUNK = 500


def select_view(store: Any, name: str, **params: Any) -> list[dict[str, Any]]:
    """The rows of view query `name` (viz/queries/NAME.rq) on `store`, `params` bound."""
    return select_seeded(store, name, {}, **params)


def select_seeded(store: Any, name: str, seeds: Mapping[str, list[URIRef]],
                  **params: Any) -> list[dict[str, Any]]:
    """The rows of view query `name` on `store`, `params` bound and each variable of
    `seeds` bound to its nodes (IRIs the store gave) as a VALUES block (queries.seeds): a
    parameter binds one value, not a list.

    >>> from vnkg.graph.vocab import node_iri
    >>> from vnkg.loaders.oxigraph_store import OxigraphStore
    >>> with OxigraphStore(None) as store:
    ...     select_seeded(store, "co-attendance-pairs", {"person_a": [node_iri("person/a")]},
    ...                   min=1)
    []
    """
    text = with_seeds(_query_text(name, store.language), seeds)
    rows: list[dict[str, Any]] = store.select(text, params)
    return rows


def select_each(store: Any, name: str, var: str, nodes: Iterable[str],
                **params: Any) -> list[dict[str, Any]]:
    """The rows of view query `name` on `store` for each node of `nodes` (ids), bound to
    `?var` as a VALUES block of their IRIs, CHUNK at a time, `params` bound: a view asks
    one query a step of its walk, not one a node (a person view at 100k articles asked
    950, each planned anew); the rows say which node they are of. No node, no query.

    >>> from vnkg.loaders.oxigraph_store import OxigraphStore
    >>> with OxigraphStore(None) as store:
    ...     select_each(store, "node-count", "node", ["person/a", "person/b"])
    []
    """
    ids = sorted(set(nodes))
    rows: list[dict[str, Any]] = []
    for i in range(0, len(ids), CHUNK):
        seeds = {var: [node_iri(n) for n in ids[i:i + CHUNK]]}
        rows += select_seeded(store, name, seeds, **params)
    return rows


def select_pairs(store: Any, name: str, pairs: Iterable[tuple[str, str]],
                 **params: Any) -> list[dict[str, Any]]:
    """The rows of view query `name` on `store` for each pair of nodes (ids) of `pairs`,
    bound to `(?a ?b)` as one VALUES block of their IRIs, CHUNK pairs at a time, `params`
    bound: a block for each end would bind every pairing of the two, and Oxigraph read the
    whole store first. No pair, no query.

    >>> from vnkg.loaders.oxigraph_store import OxigraphStore
    >>> with OxigraphStore(None) as store:
    ...     select_pairs(store, "relation-graphs", [("person/a", "meeting/b")])
    []
    """
    ordered = sorted(set(pairs))
    text = _query_text(name, store.language)
    rows: list[dict[str, Any]] = []
    for i in range(0, len(ordered), CHUNK):
        block = " ".join(f"({node_iri(a).n3()} {node_iri(b).n3()})"
                         for a, b in ordered[i:i + CHUNK])
        rows += store.select(open_where(text, f"VALUES (?a ?b) {{ {block} }}"), params)
    return rows


@cache
def _query_text(name: str, language: str) -> str:
    """The text of view query `name`, read once (a person view runs 900 queries)."""
    return read_query(name, language, package=__name__.rsplit(".", 1)[0] + ".queries").text
