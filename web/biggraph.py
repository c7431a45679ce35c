"""The graph for large stores, compact JSON for the WebGL page (sigma.js and graphology,
vendored under static/vendor/ by tools/web/vendor.sh), laid out here.

`graph_json` answers in columns, not one object per node, so 20,000 nodes parse in a few
tens of milliseconds: per node (index i) `ids[i]`, `names[i]` (display name), `kind[i]` (an
index into `kinds`, whose colours are `colors`), `province[i]` (an index into `provinces`,
-1 for none), `dates[i]` (or null) and its position `x[i]`, `y[i]`; `edges` is flat,
source, target and an index into `relations` per edge. The page filters by kind, province
and date range itself, so one answer serves every filter. The layout is deterministic (no
seed to pick): provinces on a golden-angle spiral, each one's nodes on a small spiral around
it by kind and id; the page can refine it with ForceAtlas2. `encode` makes the bytes served
(and their gzip, made once, since the answer is kept per version of the store).

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("l", label="Locality", name="Ba Bể", province="Bắc Kạn")
>>> g.add_node("m", label="Meeting", name="Hội nghị", date="2024-05-02")
>>> _ = g.add_edge("m", "l", key="HELD_IN", type="HELD_IN")
>>> data = graph_json(g)
>>> data["ids"], data["province"], data["provinces"], data["dates"]
(['l', 'm'], [0, 0], ['Bắc Kạn'], [None, '2024-05-02'])
>>> data["edges"], data["relations"]
([1, 0, 0], ['HELD_IN'])
"""

from __future__ import annotations

import gzip
import json
import math
from collections import defaultdict
from dataclasses import dataclass
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
    """The graph in columns (see the module's text): nodes sorted by id, edges by their
    source, target and relation, so the same store gives the same answer."""
    ids = sorted(g)
    index = {n: i for i, n in enumerate(ids)}
    kinds_of = [str(g.nodes[n].get("label")) for n in ids]
    provinces_of = [province_of(g, n) for n in ids]
    kinds = sorted(set(kinds_of))
    provinces = sorted({p for p in provinces_of if p})
    x, y = _lay_out(ids, kinds_of, provinces_of)
    edges = sorted({(index[s], index[t], str(k)) for s, t, k in g.edges(keys=True)})
    relations = sorted({k for *_, k in edges})
    kind_at, province_at, relation_at = ({v: i for i, v in enumerate(vs)}
                                         for vs in (kinds, provinces, relations))
    return {"ids": ids, "names": [display_name(n, g.nodes[n]) for n in ids],
            "kind": [kind_at[k] for k in kinds_of],
            "province": [province_at[p] if p else -1 for p in provinces_of],
            "dates": [date_of(g, n) for n in ids], "x": x, "y": y,
            "edges": [v for s, t, k in edges for v in (s, t, relation_at[k])],
            "kinds": kinds, "colors": [label_style(k).color for k in kinds],
            "provinces": provinces, "relations": relations}


@dataclass(frozen=True)
class Encoded:
    """The graph JSON as served: its bytes, their gzip, and how many nodes it holds."""

    body: bytes
    gzipped: bytes
    nodes: int


def encode(g: nx.MultiDiGraph) -> Encoded:
    """`graph_json(g)` as compact UTF-8 JSON, gzipped once (level 6: most of level 9's
    saving at a fraction of its time).

    >>> import networkx as nx
    >>> encode(nx.MultiDiGraph()).nodes
    0
    """
    data = graph_json(g)
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return Encoded(body, gzip.compress(body, compresslevel=6, mtime=0), len(data["ids"]))


def _spiral(i: int, step: float) -> tuple[float, float]:
    """The i-th point of a golden-angle (sunflower) spiral: even density, no overlap."""
    r, a = step * math.sqrt(i + 0.5), i * GOLDEN
    return r * math.cos(a), r * math.sin(a)


def _lay_out(ids: list[str], kinds: list[str],
             provinces: list[str | None]) -> tuple[list[float], list[float]]:
    """x and y per node: the largest province in the middle, each province's nodes around
    its centre (by kind, then id)."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(provinces):
        groups[p or ""].append(i)
    order = sorted(groups, key=lambda p: (-len(groups[p]), p))
    widest = math.sqrt(max((len(v) for v in groups.values()), default=1))
    x, y = [0.0] * len(ids), [0.0] * len(ids)
    for rank, province in enumerate(order):
        cx, cy = _spiral(rank, 2.2 * widest)
        members = sorted(groups[province], key=lambda i: (kinds[i], ids[i]))
        for j, i in enumerate(members):
            dx, dy = _spiral(j, 1.0)
            x[i], y[i] = round(cx + dx, 2), round(cy + dy, 2)
    return x, y
