"""The view queries run on a store: their text (data, in viz/queries/) read once, their
parameters bound, never formatted in.

Apart from viz.read because every view that reads a store asks through it, not only the
walk: the name lookup (viz.lookup), the overview's counts (viz.aggregate), a decree's
places (viz.decree_places) and the views themselves (viz.stored).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from vnkg.queries import read_query


def select_view(store: Any, name: str, **params: Any) -> list[dict[str, Any]]:
    """The rows of view query `name` (viz/queries/NAME.rq) on `store`, `params` bound."""
    rows: list[dict[str, Any]] = store.select(_query_text(name, store.language), params)
    return rows


@cache
def _query_text(name: str, language: str) -> str:
    """The text of view query `name`, read once (a person view runs 900 queries)."""
    return read_query(name, language, package=__name__.rsplit(".", 1)[0] + ".queries").text
