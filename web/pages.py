"""What each page shows, gathered from the store: plain dicts the templates draw.

Every function takes an open store and a node (from web.data.node) and returns the page's
context; nothing here writes, and every value the user gave reaches the store bound.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from vnkg.loaders.store import Store
from vnkg.queries import order_rows
from vnkg.web.data import Rows, facts, links, named, page_query, participants, qualifiers
from vnkg.web.geo import district_map
from vnkg.web.text import article_text, marked_segments

ROLES = (("CHAIRED", "chair"), ("SPOKE_AT", "speaker"), ("ATTENDED", "attendee"))


LABEL_W = 360  # of the timeline's 1000-wide box: the posts' and ranks' names


def person_page(store: Store, node: dict[str, Any]) -> dict[str, Any]:
    """Posts and ranks over time, meetings by role, people met most often, every fact."""
    pid = node["id"]
    career = sorted(named(store, "career", {"person": pid}),
                    key=lambda r: (r["first_seen"] or "", r["last_seen"] or ""))
    meetings = named(store, "person-meetings", {"person": pid})
    by_role: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in meetings:
        by_role[row["role"]].append(row)
    met = [r for r in named(store, "co-attendance", {"person": pid}) if r["person_a"] == pid]
    met.sort(key=lambda r: (-int(r["meetings"] or 0), r["name_b"] or ""))
    return {"career": career, "timeline": timeline(career), "by_role": dict(by_role),
            "met": met[:15], "facts": facts(store, pid)}


def timeline(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Bars for posts and ranks, each labelled with its post or rank, over a year axis: in a
    1000-wide box, labels on the left (`LABEL_W`), bars on the track to their right spanning
    each row's first to last year, a gridline per year (drawn as SVG, no inline style).

    >>> t = timeline([{"post": "Chủ tịch", "rank": None, "first_seen": "2021-03",
    ...                "last_seen": "2023"}])
    >>> (t["start"], t["end"], t["bars"][0]["x"], t["bars"][0]["w"])
    (2021, 2023, 370, 630)
    """
    years = [int(str(d)[:4]) for r in rows for d in (r["first_seen"], r["last_seen"])
             if d and str(d)[:4].isdigit()]
    if not years:
        return {"bars": [], "start": None, "end": None}
    start, end = min(years), max(years) + 1
    span = max(end - start, 1)
    left, track = LABEL_W + 10, 1000 - LABEL_W - 10
    bars = []
    for i, r in enumerate(rows):
        first = str(r["first_seen"] or r["last_seen"] or start)[:4]
        last = str(r["last_seen"] or r["first_seen"] or start)[:4]
        a, b = int(first) - start, int(last) + 1 - start
        label = r["post"] or r["rank"] or ""
        bars.append({"y": 8 + i * 26, "x": left + track * a // span,
                     "w": max(track * (b - a) // span, 6), "label": label,
                     "short": label if len(label) <= 46 else label[:45] + "…",
                     "rank": bool(r["rank"]),
                     "when": f"{r['first_seen'] or '?'} – {r['last_seen'] or '?'}"})
    height = 16 + 26 * len(rows)
    cell = track / span
    ticks = [{"x": round(left + cell * (y - start)), "mid": round(left + cell * (y - start + .5)),
              "year": y if span <= 20 or (y - start) % 5 == 0 else None}
             for y in range(start, end)]
    return {"bars": bars, "start": start, "end": end - 1, "height": height + 18,
            "axis": height + 12, "ticks": ticks, "label_w": LABEL_W}


def meeting_page(store: Store, node: dict[str, Any]) -> dict[str, Any]:
    """Participants by role (each with the rank and post the article gives him there),
    organiser, place, decrees, sources."""
    rows = links(store, node["id"])
    said = qualifiers(store, node["id"])
    there = participants(store, node["id"])
    roles = {role: [{**r, "qualifiers": said.get((r["other"], rel), []),
                     "rank": there.get(r["other"], {}).get("rank"),
                     "post": there.get(r["other"], {}).get("post")}
                    for r in rows if r["rel"] == rel and r["dir"] == "in"] for rel, role in ROLES}
    out = {rel: [r for r in rows if r["rel"] == rel and r["dir"] == "out"]
           for rel in ("HELD_IN", "ORGANIZED_BY", "CONCERNS")}
    return {"roles": roles, **out, "articles": named(store, "sources", {"id": node["id"]})}


def decree_page(store: Store, node: dict[str, Any]) -> dict[str, Any]:
    """Implementation by province and district: the meetings on it (with their chairs) from
    decree-trace, and each such province's districts with none (decree_gaps), drawn as a
    map of points (web.geo)."""
    trace = named(store, "decree-trace", {"decree": node["id"]})
    provinces: dict[str, dict[str, Any]] = {}
    for row in trace:
        prov = provinces.setdefault(row["province_name"] or "?", {"districts": {}, "gaps": []})
        prov["districts"].setdefault((row["locality_name"] or "?", row["locality"]), []
                                     ).append(row)
    gaps = decree_gaps(store, node["id"], [name for name in provinces if name != "?"])
    for name, prov in provinces.items():
        prov["gaps"] = gaps.get(name, [])
        held = [(lid, len(rows)) for (_, lid), rows in prov["districts"].items() if lid]
        prov["map"] = district_map(held, [g["locality"] for g in prov["gaps"] if g["locality"]])
    return {"trace": trace, "provinces": dict(sorted(provinces.items())),
            "by_date": sorted(trace, key=lambda r: r["date"] or "")}


GAP_COLUMNS = ("locality", "locality_name", "unplaced")


def decree_gaps(store: Store, decree: str, provinces: list[str]) -> dict[str, Rows]:
    """The rows named query decree-gaps gives for `decree` and each province named, from
    page queries: where the decree's meetings were held (once) and each province's
    districts (an index lookup each). decree-gaps itself looks at every meeting on every
    decree again for each district: seconds per province at 10,000 articles.

    >>> from vnkg.loaders.store import open_store
    >>> with open_store(None) as store:
    ...     decree_gaps(store, "decree/x", ["Tỉnh Hà Giang"])
    {'Tỉnh Hà Giang': []}
    """
    if not provinces:
        return {}
    within: dict[str, set[str]] = defaultdict(set)  # meeting -> places where it was held
    located: set[str] = set()
    for r in page_query(store, "decree-places", {"decree": decree}):
        within[r["meeting"]].update([r["place"]] if r["place"] is not None else [])
        if r["location"] is not None:
            located.add(r["meeting"])
    nowhere = len(set(within) - located)
    held = set().union(*within.values())
    out: dict[str, Rows] = {}
    for name in provinces:
        mine = page_query(store, "districts", {"province": name})
        ids, tops = {r["locality"] for r in mine}, {r["province"] for r in mine}
        unplaced = nowhere + sum(1 for places in within.values()
                                 if places & tops and not places & ids)
        rows = [{"locality": r["locality"], "locality_name": r["locality_name"],
                 "unplaced": unplaced} for r in mine
                if r["locality_name"] is not None and r["locality"] not in held]
        out[name] = order_rows(rows, GAP_COLUMNS)
    return out


def locality_page(store: Store, node: dict[str, Any]) -> dict[str, Any]:
    """Meetings over time, officials (who chaired there), the places it is part of or
    holds, and its names before and after the 2025 reorganisation."""
    rows = links(store, node["id"])
    pick = lambda rel, d: [r for r in rows if r["rel"] == rel and r["dir"] == d]  # noqa: E731
    return {"meetings": named(store, "locality-timeline", {"locality": node["id"]}),
            "officials": named(store, "chairs", {"locality": node["id"]}),
            "became": pick("BECAME", "out"), "was": pick("BECAME", "in"),
            "part_of": pick("PART_OF", "out"), "parts": pick("PART_OF", "in")[:300],
            "units": pick("LOCATED_IN", "in")}


def node_page(store: Store, node: dict[str, Any]) -> dict[str, Any]:
    """Any other node (unit, post, rank): its links, and a unit's people."""
    extra = named(store, "unit-people", {"unit": node["id"]}) if node["label"] == "Unit" else []
    return {"links": links(store, node["id"]), "people": extra}


def article_page(store: Store, node: dict[str, Any]) -> dict[str, Any]:
    """The article's text with every extracted mention marked (when its file is at hand),
    else its evidence sentences; the nodes it names."""
    doc_id = str(node.get("doc_id") or node["id"].removeprefix("article/"))
    fragment = store.read_fragment(doc_id)
    text = article_text(str(node.get("path") or ""), doc_id)
    nodes = sorted((n for n in fragment.nodes.values() if n.label != "Article"),
                   key=lambda n: (n.label, str(n.props.get("name") or n.id)))
    evidence = sorted({(ev.start, ev.end, ev.text, e.type, e.source, e.target)
                       for e in fragment.edges.values() for ev in e.evidence
                       if ev.article == doc_id})
    return {"segments": marked_segments(text, fragment, doc_id) if text is not None else None,
            "nodes": nodes, "evidence": evidence}
