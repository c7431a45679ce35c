"""Search: typed text against every searchable node's key, through extract.keys alone.

The typed text is keyed three ways, as the query parameters are (`param_key`): a name key
(case, tone-mark style, diacritics and abbreviations do not count: "ubnd" is "ủy ban nhân
dân"), a locality key (no leading type word) and a decree key ("21/2019/nd-cp"). A node
matches when its stored key holds one of them; exact keys come first, then keys starting
with the text, then keys with a word starting with it, then the rest.

The node list (page query `search`) is read once and kept while the store's version (its
list of articles) stays the same (web.cache), looked at every `check` seconds at most, so
results come as fast as the user types and a build's new nodes show up soon after it ends.

>>> idx = Index(lambda: [{"id": "person/a", "label": "Person", "name": "Mai Trường Sơn",
...                       "key": "mai truong son"}])
>>> [hit.name for hit in idx.find("MAI TRUONG son")]
['Mai Trường Sơn']
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from vnkg.extraction.keys import param_key
from vnkg.web.cache import Versioned

LABELS = ("Person", "Unit", "Locality", "Decree", "Meeting")
LIMIT = 30


@dataclass(frozen=True)
class Hit:
    """One search result: node id, label, name, the key it matched on, and a hint telling
    namesakes apart (page query `search`: anchor, date, title or province; "" for none)."""

    id: str
    label: str
    name: str
    key: str
    hint: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"id": self.id, "label": self.label, "name": self.name, "key": self.key,
                "hint": self.hint}


def typed_keys(text: str) -> set[str]:
    """The keys of typed text: name, locality and decree key, and the name key of the text
    in capitals, so an abbreviation typed in lower case is expanded too ("ubnd").

    >>> sorted(typed_keys("huyện Ba Bể"))
    ['HUYENBABE', 'ba be', 'huyen ba be']
    >>> "uy ban nhan dan ba be" in typed_keys("ubnd ba be")
    True
    """
    keys = {param_key(kind, text) for kind in ("person", "locality", "decree")}
    keys.add(param_key("person", text.upper()))
    return {k for k in keys if k.strip()}


def _hit(row: dict[str, Any]) -> Hit:
    """A row of page query `search` as a Hit (a hint that only repeats the name dropped)."""
    name = str(row["name"] or row["id"])
    hint = str(row.get("hint") or "")
    return Hit(str(row["id"]), str(row["label"]), name, str(row["key"]),
               "" if hint == name else hint)


def _rank(key: str, wanted: set[str]) -> int | None:
    """How well `key` matches (0 best), None when it does not."""
    best: int | None = None
    for w in wanted:
        if w not in key:
            continue
        score = 0 if key == w else 1 if key.startswith(w) else \
            2 if f" {w}" in key else 3
        best = score if best is None else min(best, score)
    return best


class _Table:
    """The searchable nodes, and their keys joined in one text with each key's offset, so
    the keys holding a typed key are found by a substring search in C, not one by one."""

    def __init__(self, hits: list[Hit]) -> None:
        self.hits = hits
        self.text = "\n".join(h.key for h in hits)
        self.starts = list(accumulate((len(h.key) + 1 for h in hits[:-1]), initial=0))

    def holding(self, wanted: set[str]) -> list[Hit]:
        """The hits whose key holds one of `wanted`, in their order."""
        found: set[int] = set()
        for w in wanted:
            at = self.text.find(w)
            while at >= 0:
                i = bisect_right(self.starts, at) - 1
                found.add(i)
                at = self.text.find(w, self.starts[i] + len(self.hits[i].key) + 1)
        return [self.hits[i] for i in sorted(found)]


class Index:
    """The searchable nodes, read by `load` (rows of id, label, name, key) and read again
    when `version` (a token of what the store holds) changes, looked at every `check` s."""

    def __init__(self, load: Callable[[], list[dict[str, Any]]],
                 version: Callable[[], object] = lambda: None, check: float = 10.0) -> None:
        self._kept = Versioned(lambda: _Table([_hit(r) for r in load() if r.get("key")]),
                               version, check)

    def hits(self) -> list[Hit]:
        """Every searchable node, read again when the store changed."""
        return self._kept.get().hits

    def find(self, text: str, limit: int = LIMIT, label: str | None = None) -> list[Hit]:
        """The nodes matching `text` (two characters or more), best first, each once (at
        most `limit`)."""
        wanted = typed_keys(text) if len(text.strip()) >= 2 else set()
        if not wanted:
            return []
        scored: dict[str, tuple[int, int, Hit]] = {}
        for hit in self._kept.get().holding(wanted):
            if label and hit.label != label:
                continue
            rank = _rank(hit.key, wanted)
            if rank is None:
                continue
            order = LABELS.index(hit.label) if hit.label in LABELS else len(LABELS)
            old = scored.get(hit.id)
            if old is None or (rank, order) < old[:2]:
                scored[hit.id] = (rank, order, hit)
        best = sorted(scored.values(), key=lambda s: (s[0], s[1], len(s[2].key), s[2].name))
        return [h for _, _, h in best[:limit]]
