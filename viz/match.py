"""Find nodes by id or by name, without regard to case, tone-mark style or diacritics.

Uses `extract.text.fold` when the extraction package provides it, so views match names the
same way as queries do; otherwise a local fold (NFC, casefold, marks stripped, đ → d).
"""

from __future__ import annotations

import importlib
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache

import networkx as nx


class ViewError(ValueError):
    """A view's argument names nothing in the graph (the message says what to try)."""


def local_fold(text: str) -> str:
    """Case-, tone- and diacritic-insensitive key of a name.

    >>> local_fold("Thuỷ  Hoà") == local_fold("thủy hòa") == "thuy hoa"
    True
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


@cache
def _fold_function() -> Callable[[str], str]:
    try:
        module = importlib.import_module("extract.text")
    except ImportError:
        return local_fold
    fold = getattr(module, "fold", None)
    return fold if callable(fold) else local_fold


def fold(text: str) -> str:
    """Fold a name for matching; both `fold` and the local fold are applied, so matching is
    insensitive to diacritics even if the project fold keeps them.

    >>> fold("Nguyễn Văn Hoà") == fold("NGUYEN VAN HOA")
    True
    """
    return local_fold(_fold_function()(unicodedata.normalize("NFC", text)))


def find_nodes(g: nx.MultiDiGraph, query: str, labels: Iterable[str],
               keys: tuple[str, ...] = ("name",)) -> list[str]:
    """Ids of the nodes of `labels` named by `query`: the id itself, else an exact
    (NFC, casefolded) value of one of `keys`, else a folded match. Sorted for determinism.

    >>> g = nx.MultiDiGraph(); g.add_node("p1", label="Person", name="Lò Văn Thuỷ")
    >>> find_nodes(g, "lo van thuy", ["Person"])
    ['p1']
    """
    wanted = set(labels)
    if query in g and g.nodes[query].get("label") in wanted:
        return [query]
    exact = unicodedata.normalize("NFC", query).casefold().strip()
    folded = fold(query)
    tiers: tuple[list[str], list[str]] = ([], [])
    for node, data in g.nodes(data=True):
        if data.get("label") not in wanted:
            continue
        values = [str(data[k]) for k in keys if data.get(k) not in (None, "")]
        if any(unicodedata.normalize("NFC", v).casefold().strip() == exact for v in values):
            tiers[0].append(node)
        elif any(fold(v) == folded for v in values):
            tiers[1].append(node)
    return sorted(tiers[0] or tiers[1])


def require_nodes(g: nx.MultiDiGraph, query: str, labels: Iterable[str],
                  keys: tuple[str, ...] = ("name",)) -> list[str]:
    """Like `find_nodes`, but raise `ViewError` naming the labels searched when none match."""
    labels = list(labels)
    found = find_nodes(g, query, labels, keys)
    if not found:
        raise ViewError(f"no {'/'.join(labels)} node has id or {'/'.join(keys)} {query!r}; "
                        "try `vnkg query` to list ids, or a shorter name")
    return found
