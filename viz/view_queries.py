"""The view queries run on a store: their text (data, in viz/queries/) read once, their
parameters bound, never formatted in.

Apart from viz.read because every view that reads a store asks through it, not only the
walk: the name lookup (viz.lookup), the overview's counts (viz.aggregate), a decree's
places (viz.decree_places) and the views themselves (viz.stored).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from rdflib import URIRef

from vnkg.queries import read_query
from vnkg.queries.seeds import with_seeds


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


@cache
def _query_text(name: str, language: str) -> str:
    """The text of view query `name`, read once (a person view runs 900 queries)."""
    return read_query(name, language, package=__name__.rsplit(".", 1)[0] + ".queries").text
