"""The graph for large stores, compact JSON for the WebGL page (sigma.js and graphology,
vendored under static/vendor/ by tools/web/vendor.sh), laid out here.

The page's JSON is in columns, not one object per node, so 20,000 nodes parse in a few
tens of milliseconds: per node (index i) `ids[i]`, `names[i]` (display name), `kind[i]` (an
index into `kinds`, whose colours are `colors`), `province[i]` (an index into `provinces`,
-1 for none), `dates[i]` (or null) and its position `x[i]`, `y[i]`; `edges` is flat,
source, target and an index into `relations` per edge. The page filters by kind, province
and date range itself, so one answer serves every filter. The layout is deterministic (no
seed to pick): provinces on a golden-angle spiral, each one's nodes on a small spiral around
it by kind and id; the page can refine it with ForceAtlas2. `encode` makes the bytes served
(and their gzip, made once, since the answer is kept per version of the store).

The server builds the columns from two page queries (`rows_json`: a node's own values and
the relations, web.data.graph_rows), not from the whole graph read through the graph model:
on 20,000 nodes the whole read took 10 to 17 s, the two queries well under one. `graph_json`
gives the same columns from a networkx graph (graph.nx), the rule the queries must match.

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
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any, NamedTuple

import networkx as nx

from vnkg.graph.model import merge_value
from vnkg.viz.style import display_name, label_style

GOLDEN = math.pi * (3 - math.sqrt(5))
DATE_PROPS = ("date", "published", "first_seen")
NOWHERE: frozenset[str] = frozenset()  # the places a node links to when it links to none


class Own(NamedTuple):
    """What a node states of itself that the page draws: its label (None for an end of a
    relation no article describes), the text it is shown by, its own province and date.
    A named tuple: one is made per node, in half a frozen dataclass's time."""

    label: str | None
    name: str
    province: str | None = None
    date: str | None = None


Link = tuple[str, str, str, str | None]  # source, target, relation type, first_seen


def own_of(n: str, data: dict[str, Any]) -> Own:
    """A networkx node's own values (graph.nx's attributes): its first date of DATE_PROPS."""
    dates = [str(data[p]) for p in DATE_PROPS if data.get(p)]
    label = data.get("label")
    return Own(None if label is None else str(label), display_name(n, data),
               str(data["province"]) if data.get("province") else None,
               dates[0] if dates else None)


def graph_json(g: nx.MultiDiGraph) -> dict[str, Any]:
    """The columns (see the module's text) of a networkx graph (graph.nx's attributes)."""
    nodes = {n: own_of(n, data) for n, data in g.nodes(data=True)}
    links = [(s, t, str(k), None if d.get("first_seen") is None else str(d["first_seen"]))
             for s, t, k, d in g.edges(keys=True, data=True)]
    return columns(nodes, links)


def aggregate_json(g: nx.MultiDiGraph, total: int) -> dict[str, Any]:
    """The columns of an aggregate overview `g` (viz.aggregate) of a store of `total` nodes,
    each province its own province (so the units in it are filtered with it), and
    `aggregate`: the store's node count and the aggregate's title, which the page shows.

    >>> g = nx.MultiDiGraph(title="Tổng quan")
    >>> g.add_node("p", label="Locality", name="Điện Biên", meetings=3)
    >>> g.add_node("u", label="Unit", name="Bộ CHQS tỉnh")
    >>> _ = g.add_edge("u", "p", key="LOCATED_IN", type="LOCATED_IN")
    >>> data = aggregate_json(g, 250_000)
    >>> data["province"], data["provinces"], data["aggregate"]
    ([0, 0], ['Điện Biên'], {'nodes': 250000, 'title': 'Tổng quan'})
    """
    placed = g.copy()
    for _, data in placed.nodes(data=True):
        if data.get("label") == "Locality" and not data.get("province"):
            data["province"] = data.get("name")
    return {**graph_json(placed),
            "aggregate": {"nodes": total, "title": str(g.graph.get("title", ""))}}


def rows_json(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, Any]:
    """The columns from page queries graph-nodes (id, label, name, province, date, published,
    first_seen: a row per node, or per pair of values where it has two of one) and
    graph-edges (source, relation, target, first_seen), as web.data.graph_rows gives them:
    the answer `graph_json` gives for the whole graph read from the same store. A value
    given twice counts as its smallest (graph.model's rule).

    >>> data = rows_json([{"id": "l", "label": "Locality", "province": "Bắc Kạn"}],
    ...                  [{"source": "m", "target": "l", "relation": "HELD_IN",
    ...                    "first_seen": "2024-05"}])
    >>> data["ids"], data["kinds"], data["province"], data["dates"]
    (['l', 'm'], ['Locality', 'None'], [0, 0], ['2024-05', '2024-05'])
    """
    props: dict[str, dict[str, Any]] = {}
    for r in nodes:
        values = {k: str(v) for k, v in r.items() if v is not None and k != "id"}
        have = props.setdefault(r["id"], values)
        if have is not values:  # a second row of the node: another value of some column
            for key, value in values.items():
                have[key] = merge_value(have.get(key), value)
    own = {n: own_of(n, have) for n, have in props.items() if "label" in have}
    links = [(r["source"], r["target"], r["relation"],
              None if r["first_seen"] is None else str(r["first_seen"]))
             for r in edges if r["source"] is not None and r["target"] is not None]
    return columns(own, links)


def columns(nodes: dict[str, Own], links: list[Link]) -> dict[str, Any]:
    """The graph in columns from each node's own values and the relations: nodes sorted by
    id, edges by their source, target and relation, so the same store gives the same answer.
    A node's province is a locality's own (else its name), else that of the first locality
    (by id) it links to; its date its own, else the earliest first_seen of its relations.
    An end of a relation missing from `nodes` is drawn under its id (label None)."""
    nodes = dict(nodes)
    places = {n for n, own in nodes.items() if own.label == "Locality" and own.province}
    near: dict[str, set[str]] = defaultdict(set)  # the places each node links to
    seen: dict[str, str] = {}
    for s, t, _, first in links:
        if t in places:
            near[s].add(t)
        if s in places:
            near[t].add(s)
        for n in (s, t):
            if n not in nodes:
                nodes[n] = Own(None, n)
            if first and (n not in seen or first < seen[n]):
                seen[n] = first
    ids = sorted(nodes)
    index = {n: i for i, n in enumerate(ids)}
    kinds_of = [str(nodes[n].label) for n in ids]
    provinces_of = [_province(nodes, n, near.get(n, NOWHERE)) for n in ids]
    kinds = sorted(set(kinds_of))
    provinces = sorted({p for p in provinces_of if p})
    x, y = _lay_out(ids, kinds_of, provinces_of)
    edges = sorted({(index[s], index[t], k) for s, t, k, _ in links})
    relations = sorted({k for *_, k in edges})
    kind_at, province_at, relation_at = ({v: i for i, v in enumerate(vs)}
                                         for vs in (kinds, provinces, relations))
    return {"ids": ids, "names": [nodes[n].name for n in ids],
            "kind": [kind_at[k] for k in kinds_of],
            "province": [province_at[p] if p else -1 for p in provinces_of],
            "dates": [nodes[n].date or seen.get(n) for n in ids], "x": x, "y": y,
            "edges": [v for s, t, k in edges for v in (s, t, relation_at[k])],
            "kinds": kinds, "colors": [label_style(k).color for k in kinds],
            "provinces": provinces, "relations": relations}


def _province(nodes: dict[str, Own], n: str, places: AbstractSet[str]) -> str | None:
    """A locality's own province (else its name); else that of the first (by id) of the
    `places` (localities with a province) it links to."""
    own = nodes[n]
    if own.label == "Locality":
        return own.province or own.name or None
    return nodes[min(places)].province if places else None


@dataclass(frozen=True)
class Encoded:
    """The graph JSON as served: its bytes, their gzip, and how many nodes the graph it
    stands for holds (an aggregate's: the store's, not the few it draws)."""

    body: bytes
    gzipped: bytes
    nodes: int


def encode(data: dict[str, Any]) -> Encoded:
    """The columns `data` as compact UTF-8 JSON, gzipped once, at level 4: on 20,000 nodes
    (1.9 MB) 13 ms for 283 kB, where level 6 took 52 ms for 269 kB, on the first answer's
    path (a server just started).

    >>> encode(columns({}, [])).nodes
    0
    """
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    nodes = data["aggregate"]["nodes"] if "aggregate" in data else len(data["ids"])
    return Encoded(body, gzip.compress(body, compresslevel=4, mtime=0), nodes)


def decoded(gzipped: bytes, nodes: int) -> Encoded:
    """The answer `encode` made, from its gzip as kept on disk (web.cache.Shelf).

    >>> made = encode(columns({}, [])); decoded(made.gzipped, made.nodes) == made
    True
    """
    return Encoded(gzip.decompress(gzipped), gzipped, nodes)


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
