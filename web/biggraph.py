"""The graph for large stores: nodes and edges as compact JSON for the WebGL page (sigma.js and
graphology, vendored under static/vendor/ by tools/web/vendor.sh), laid out here.

`graph_json` gives each node its id, display name (`label`), `kind` (its model label),
`province`, `date` and a position; each edge as [source index, target index, kind]. The page
filters by kind, province and date range itself, so one answer serves every filter. The
layout is deterministic (no seed to pick): provinces on a golden-angle spiral, each one's
nodes on a small spiral around it by kind and id; the page can refine it with ForceAtlas2.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("l", label="Locality", name="Ba Bể", province="Bắc Kạn")
>>> g.add_node("m", label="Meeting", name="Hội nghị", date="2024-05-02")
>>> _ = g.add_edge("m", "l", key="HELD_IN", type="HELD_IN")
>>> data = graph_json(g)
>>> [(n["id"], n["province"], n["date"]) for n in data["nodes"]], data["edges"]
([('l', 'Bắc Kạn', None), ('m', 'Bắc Kạn', '2024-05-02')], [[1, 0, 'HELD_IN']])
"""

from __future__ import annotations

import math
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import networkx as nx

from vnkg.viz.style import display_name, label_style

GOLDEN = math.pi * (3 - math.sqrt(5))
DATE_PROPS = ("date", "published", "first_seen")


def province_of(g: nx.MultiDiGraph, n: str) -> str | None:
    """A node's province: a locality's own, else that of the first locality it links to
    (a meeting's place, a unit's seat), else None."""
    data = g.nodes[n]
    if data.get("label") == "Locality":
        return str(data.get("province") or data.get("name") or "") or None
    near = sorted(m for m in (*g.successors(n), *g.predecessors(n))
                  if g.nodes[m].get("label") == "Locality" and g.nodes[m].get("province"))
    return str(g.nodes[near[0]]["province"]) if near else None


def date_of(g: nx.MultiDiGraph, n: str) -> str | None:
    """A node's date: its own (a meeting's, an article's), else the first seen of its links."""
    data = g.nodes[n]
    for prop in DATE_PROPS:
        if data.get(prop):
            return str(data[prop])
    seen = [str(d["first_seen"]) for *_, d in g.in_edges(n, data=True) if d.get("first_seen")]
    seen += [str(d["first_seen"]) for *_, d in g.out_edges(n, data=True) if d.get("first_seen")]
    return min(seen) if seen else None


def graph_json(g: nx.MultiDiGraph) -> dict[str, Any]:
    """Nodes (id, label, kind, province, date, x, y, color) and edges ([s, t, kind])."""
    ids = sorted(g)
    index = {n: i for i, n in enumerate(ids)}
    nodes = [{"id": n, "label": display_name(n, g.nodes[n]), "kind": str(g.nodes[n].get("label")),
              "province": province_of(g, n), "date": date_of(g, n),
              "color": label_style(g.nodes[n].get("label")).color} for n in ids]
    _lay_out(nodes)
    edges = sorted({(index[s], index[t], str(k)) for s, t, k in g.edges(keys=True)})
    return {"nodes": nodes, "edges": [list(e) for e in edges],
            "kinds": sorted({n["kind"] for n in nodes}),
            "provinces": sorted({n["province"] for n in nodes if n["province"]})}


def _spiral(i: int, step: float) -> tuple[float, float]:
    """The i-th point of a golden-angle (sunflower) spiral: even density, no overlap."""
    r, a = step * math.sqrt(i + 0.5), i * GOLDEN
    return r * math.cos(a), r * math.sin(a)


def _lay_out(nodes: list[dict[str, Any]]) -> None:
    """Set x, y: the largest province in the middle, each province's nodes around its centre."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for n in nodes:
        groups[n["province"] or ""].append(n)
    order = sorted(groups, key=lambda p: (-len(groups[p]), p))
    widest = math.sqrt(max((len(v) for v in groups.values()), default=1))
    for rank, province in enumerate(order):
        cx, cy = _spiral(rank, 2.2 * widest)
        members = sorted(groups[province], key=lambda n: (n["kind"], n["id"]))
        for i, n in enumerate(members):
            dx, dy = _spiral(i, 1.0)
            n["x"], n["y"] = round(cx + dx, 2), round(cy + dy, 2)


class GraphCache:
    """The store's graph JSON (encoded once), made again when `version` (a token of what
    the store holds) changes, looked at every `check` seconds."""

    def __init__(self, load: Callable[[], bytes], version: Callable[[], object],
                 check: float = 10.0) -> None:
        self._load, self._version, self.check = load, version, check
        self._body: bytes | None = None
        self._seen: object = None
        self._at = float("-inf")
        self._lock = threading.Lock()

    def body(self) -> bytes:
        """The JSON, read again when the store changed."""
        with self._lock:
            if time.monotonic() - self._at > self.check:
                version, self._at = self._version(), time.monotonic()
                if version != self._seen:
                    self._body, self._seen = None, version
            if self._body is None:
                self._body = self._load()
            return self._body
