"""A person's career as a timeline: one bar per post held and per rank, over time.

Each bar runs from the tenure's start to its end by the rule of the tenure queries (stated
bounds win, observed article dates fill in; queries/CATALOGUE.md), says which of its ends the
text states, and lists its sources (their number past what a view lists: viz.sources).
The page (viz/assets/page.js) draws the bars with DOM elements and `textContent` only, so
the article text they carry cannot become markup.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from vnkg.viz.sources import shown

Bar = dict[str, Any]
KINDS = {"HOLDS": "post", "HAS_RANK": "rank"}


def career_timeline(g: nx.MultiDiGraph, person: str) -> list[Bar]:
    """The bars of `person`'s career: posts (with their unit) and ranks, posts first, each
    in order of start.

    >>> g = nx.MultiDiGraph(); g.add_node("p", label="Person", name="Lò Văn Thuỷ")
    >>> g.add_node("r", label="Rank", name="Đại tá")
    >>> _ = g.add_edge("p", "r", key="HAS_RANK", type="HAS_RANK", start="2024-05",
    ...                first_seen="2024-09-20", last_seen="2024-09-20", sources=["t4"])
    >>> [(b["label"], b["start"], b["end"], b["start_stated"]) for b in career_timeline(g, "p")]
    [('Đại tá', '2024-05', '2024-09-20', True)]
    """
    bars = []
    for _, target, kind, data in g.out_edges(person, keys=True, data=True):
        if kind not in KINDS:
            continue
        bars.append(_bar(g, target, KINDS[kind], data))
    return sorted(bars, key=lambda b: (b["kind"] != "post", b["start"] or "", b["label"]))


def _bar(g: nx.MultiDiGraph, target: str, kind: str, data: dict[str, Any]) -> Bar:
    label = str(g.nodes[target].get("name") or target)
    units = [str(g.nodes[u].get("name") or u) for _, u, k in g.out_edges(target, keys=True)
             if k == "IN_UNIT"]
    if units and not any(u in label for u in units):
        label = f"{label} — {units[0]}"
    notes = [str(data[k]) for k in ("start_surface", "end_surface") if data.get(k)]
    if data.get("end_by") and not data.get("end"):
        notes.append(f"kết thúc trước {data['end_by']}")
    return {"kind": kind, "label": label,
            "start": data.get("start") or data.get("first_seen"),
            "end": data.get("end") or data.get("last_seen"),
            "start_stated": bool(data.get("start")), "end_stated": bool(data.get("end")),
            "notes": notes, **_sources(data)}


def _sources(data: dict[str, Any]) -> dict[str, Any]:
    """A bar's articles as a view lists them (viz.sources): past SHOWN, their number."""
    sources, count = shown(data)
    listed: dict[str, Any] = {"sources": sorted(str(s) for s in sources)}
    return listed | ({"source_count": count} if count > len(sources) else {})
