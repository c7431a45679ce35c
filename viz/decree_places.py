"""Where a decree's meetings were held, read before any meeting is: the decree view of a
decree with many meetings.

At 100k articles one decree has 12,000 meetings (another 25,000): drawing each read every
one of them and their places and chairs (over five minutes), and drew a line of 12,000
nodes no one can read. Here two grouped queries (viz/queries/decree-meetings.rq,
decree-places.rq) give each meeting's places and the places' PART_OF chains, and each
meeting is grouped by province and district exactly as the detailed view groups it
(viz.decree.group). `province` keeps one province's meetings; up to DECREE_LIMIT meetings
the detailed view draws them (viz.stored reads only those), past it the view is an
aggregate: the decree, the provinces and their districts, each with its number of
meetings (`meetings`), districts PART_OF their province, provinces CONCERNS the decree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from vnkg.graph.vocab import node_iri
from vnkg.viz.decree import ROWS, STEP, group, in_province
from vnkg.viz.view_queries import select_view

DECREE_LIMIT = 100  # meetings past which the decree view is an aggregate

Group = tuple[str | None, str | None]  # (province, district) of a meeting


@dataclass
class Places:
    """The meetings about some decrees, each with its (province, district), and `graph`:
    the meetings HELD_IN their places, the places PART_OF theirs, with names and codes."""

    graph: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)
    groups: dict[str, Group] = field(default_factory=dict)

    def in_province(self, province: str) -> set[str]:
        """The meetings held in `province` (an id, name or code of one of their provinces);
        a ViewError naming their provinces when none is."""
        return set(in_province(self.graph, sorted(self.groups), self.groups, province))


def decree_places(store: Any, decrees: list[str]) -> Places:
    """The meetings about `decrees` grouped by province and district, from two queries.

    >>> from vnkg.loaders.oxigraph_store import OxigraphStore
    >>> with OxigraphStore(None) as store:
    ...     decree_places(store, ["decree/none"]).groups
    {}
    """
    places = Places()
    g = places.graph
    for d in decrees:
        for row in select_view(store, "decree-places", decree=node_iri(d)):
            g.add_node(row["place"], label="Locality")
            for key in ("name", "code"):
                old = g.nodes[row["place"]].get(key)
                if row[key] is not None:
                    g.nodes[row["place"]][key] = min(old, row[key]) if old else row[key]
            if row["parent"] is not None:
                g.add_edge(row["place"], row["parent"], key="PART_OF", type="PART_OF")
        for row in select_view(store, "decree-meetings", decree=node_iri(d)):
            g.add_node(row["meeting"], label="Meeting")
            if row["place"] is not None:
                g.add_edge(row["meeting"], row["place"], key="HELD_IN", type="HELD_IN")
    places.groups = {m: group(g, m) for m, data in g.nodes(data=True)
                     if data["label"] == "Meeting"}
    return places


def aggregate_decree(view: nx.MultiDiGraph, places: Places, meetings: set[str],
                     province: str | None = None) -> nx.MultiDiGraph:
    """`view` (the decree nodes, read from the store) with the provinces and districts of
    `meetings`, each with its number of meetings, laid out as a fixed timeline: the decree
    on the left, the provinces by number of meetings in a row, their districts under them.
    Meetings with no place are counted on the decree (`unplaced`)."""
    counts = Counter(places.groups[m] for m in meetings)
    by_province: Counter[str] = Counter()
    for (top, _), n in counts.items():
        if top is not None:
            by_province[top] += n
    decrees = list(view)
    for d in decrees:
        view.nodes[d].update(focus=True, meetings=len(meetings),
                             unplaced=sum(n for (p, _), n in counts.items() if p is None))
        _set(view, d, -STEP, ROWS["Meeting"])
    x = 0.0
    for top, n in sorted(by_province.items(), key=lambda kv: (-kv[1], kv[0])):
        _add(view, places.graph, top, n)
        _set(view, top, x, ROWS["Meeting"])
        for d in decrees:
            view.add_edge(top, d, key="CONCERNS", type="CONCERNS", meetings=n)
        districts = sorted(((dist, k) for (p, dist), k in counts.items()
                            if p == top and dist is not None), key=lambda dk: dk[0])
        for j, (district, k) in enumerate(districts):
            _add(view, places.graph, district, k)
            _set(view, district, x + STEP * 0.6 * (j // 4), ROWS["Locality"] + 80 * (j % 4))
            view.add_edge(district, top, key="PART_OF", type="PART_OF")
        x += STEP * max(1.0, 0.6 * ((len(districts) + 3) // 4))
    view.graph.update(layout="fixed", title="Văn bản: " + ", ".join(
        str(view.nodes[d].get("number") or view.nodes[d].get("name", d)) for d in decrees)
        + (f" — {province}" if province else "")
        + f" ({len(meetings)} sự kiện ở {len(by_province)} tỉnh, theo huyện)")
    return view


def _add(view: nx.MultiDiGraph, g: nx.MultiDiGraph, place: str, meetings: int) -> None:
    data = {k: g.nodes[place][k] for k in ("name", "code") if k in g.nodes[place]}
    view.add_node(place, label="Locality", aggregate=True, meetings=meetings, **data,
                  caption=f"{data.get('name', place)}\n{meetings} sự kiện")


def _set(view: nx.MultiDiGraph, node: str, x: float, y: float) -> None:
    view.nodes[node]["x"], view.nodes[node]["y"] = round(x, 1), round(float(y), 1)
