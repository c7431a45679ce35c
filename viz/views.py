"""Views: pure functions from the whole graph (as `graph.nx.to_networkx` makes it) to the
subgraph a person wants to look at. Each returns a new `nx.MultiDiGraph` with the same node
and edge attributes; `view.graph["title"]` names the view. Rendering is `viz.render`.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable
from itertools import combinations

import networkx as nx

from vnkg.extraction.keys import locality_key
from vnkg.graph.model import LABELS
from vnkg.viz.decree import decree_view
from vnkg.viz.match import ViewError, find_nodes, require_nodes
from vnkg.viz.sources import list_sources
from vnkg.viz.timeline import career_timeline
from vnkg.viz.walk import ROLES, ancestors, descendants, in_nodes, out_nodes

__all__ = ["overview", "person_view", "meeting_view", "decree_view", "co_attendance_view",
           "ViewError"]

# labels that are hubs (one rank or decree links hundreds of people): shown, not walked through
STOP_LABELS = frozenset({"Rank", "Article", "Locality", "Decree"})


def overview(g: nx.MultiDiGraph, labels: Iterable[str] | None = None,
             province: str | None = None, date_from: str | None = None,
             date_to: str | None = None) -> nx.MultiDiGraph:
    """The whole graph, or the part of it about one province, some labels, a date range.

    Dates are ISO prefixes compared at the precision known (a "2024" date is inside
    2024-03-01..2024-12-31); nodes that lose all their edges to the date filter go too.

    >>> g = nx.MultiDiGraph(); g.add_node("m", label="Meeting", name="Hội nghị", date="2024-05-02")
    >>> overview(g, date_from="2025").number_of_nodes()
    0
    """
    keep = set(_province_scope(g, province)) if province else set(g)
    if labels is not None:
        wanted = set(labels)
        unknown = wanted - set(LABELS)
        if unknown:
            raise ViewError(f"unknown labels {sorted(unknown)}; the model has {list(LABELS)}")
        keep = {n for n in keep if g.nodes[n].get("label") in wanted}
    view = g.subgraph(keep).copy()
    if date_from or date_to:
        _filter_dates(view, date_from, date_to)
    parts = [p for p in (province, date_from and f"từ {date_from}", date_to and f"đến {date_to}")
             if p]
    view.graph["title"] = "Tổng quan" + (f" — {', '.join(parts)}" if parts else "")
    list_sources(view)
    return view


def person_view(g: nx.MultiDiGraph, person: str, hops: int = 2) -> nx.MultiDiGraph:
    """The ego network of a person (id or name, case/tone-insensitive): posts, units, ranks,
    meetings with roles and co-attendees, up to `hops` steps; hubs are not walked through.
    `view.graph["timeline"]` holds the career's bars (viz.timeline), which the page draws.

    >>> g = nx.MultiDiGraph(); g.add_node("p", label="Person", name="Lò Văn Thuỷ")
    >>> list(person_view(g, "lo van thuy"))
    ['p']
    """
    centres = require_nodes(g, person, ["Person"])
    seen = set(centres)
    queue = deque((c, 0) for c in centres)
    while queue:
        node, depth = queue.popleft()
        if depth >= hops or (depth and g.nodes[node].get("label") in STOP_LABELS):
            continue
        for nb in sorted(set(g.successors(node)) | set(g.predecessors(node))):
            if nb not in seen:
                seen.add(nb)
                queue.append((nb, depth + 1))
    view = g.subgraph(seen).copy()
    for c in centres:
        view.nodes[c]["focus"] = True
    view.graph["title"] = "Người: " + ", ".join(str(g.nodes[c].get("name", c)) for c in centres)
    view.graph["timeline"] = [dict(bar, person=str(g.nodes[c].get("name", c)))
                              for c in centres for bar in career_timeline(g, c)]
    list_sources(view)
    return view


def meeting_view(g: nx.MultiDiGraph, meeting_id: str) -> nx.MultiDiGraph:
    """One meeting: participants by role (edge type and qualifier), organiser, locality with
    its parents, and the decrees it concerns. `meeting_id` is an id, name or title.

    >>> g = nx.MultiDiGraph(); g.add_node("m", label="Meeting", name="Diễn tập KVPT")
    >>> g.add_node("p", label="Person", name="Hà Văn Bình")
    >>> _ = g.add_edge("p", "m", key="CHAIRED", type="CHAIRED")
    >>> sorted(meeting_view(g, "m"))
    ['m', 'p']
    """
    meetings = require_nodes(g, meeting_id, ["Meeting"], keys=("name", "title"))
    keep = set(meetings)
    for m in meetings:
        people = in_nodes(g, m, ROLES)
        keep |= people
        keep |= {r for p in people for r in out_nodes(g, p, ("HAS_RANK",))}
        keep |= out_nodes(g, m, ("ORGANIZED_BY", "CONCERNS"))
        for place in out_nodes(g, m, ("HELD_IN",)):
            keep |= {place} | ancestors(g, place)
    view = g.subgraph(keep).copy()
    for m in meetings:
        view.nodes[m]["focus"] = True
    view.graph["title"] = "Sự kiện: " + ", ".join(str(g.nodes[m].get("name", m))
                                                 for m in meetings)
    list_sources(view)
    return view


def co_attendance_view(g: nx.MultiDiGraph, min_shared: int = 1) -> nx.MultiDiGraph:
    """Person–person graph: one undirected `CO_ATTENDED` edge per pair that took part
    (chaired, spoke at, attended) in at least `min_shared` of the same meetings; its `weight`
    is that count and `meetings` lists them.

    >>> g = nx.MultiDiGraph(); g.add_node("m", label="Meeting", name="Hội nghị")
    >>> for p in "ab": g.add_node(p, label="Person", name=p); _ = g.add_edge(p, "m", key="ATTENDED")
    >>> [(u, v, d["weight"]) for u, v, d in co_attendance_view(g).edges(data=True)]
    [('a', 'b', 1)]
    """
    shared: Counter[tuple[str, str]] = Counter()
    where: dict[tuple[str, str], list[str]] = {}
    for m, data in sorted(g.nodes(data=True)):
        if data.get("label") != "Meeting":
            continue
        people = sorted(p for p in in_nodes(g, m, ROLES) if g.nodes[p].get("label") == "Person")
        for pair in combinations(people, 2):
            shared[pair] += 1
            where.setdefault(pair, []).append(m)
    view = nx.MultiDiGraph(title=f"Cùng dự sự kiện (≥ {min_shared})")
    for (a, b), count in sorted(shared.items()):
        if count < min_shared:
            continue
        for p in (a, b):
            view.add_node(p, **g.nodes[p])
        view.add_edge(a, b, key="CO_ATTENDED", type="CO_ATTENDED", weight=count,
                      meetings=where[(a, b)],
                      sources=sorted({s for m in where[(a, b)] for s in g.nodes[m].get(
                          "sources", [])}))
    list_sources(view)
    return view


def _province_scope(g: nx.MultiDiGraph, province: str) -> set[str]:
    """Localities in the province, their meetings and units, the people, posts, ranks and
    decrees attached to those."""
    provinces = find_nodes(g, province, ["Locality"], keys=("name", "code"), key=locality_key)
    key = locality_key(province)
    places = set(provinces)
    for p in provinces:
        places |= descendants(g, p)
    places |= {n for n, d in g.nodes(data=True) if d.get("label") == "Locality"
               and d.get("province") and locality_key(str(d["province"])) in
               {key, *(locality_key(str(g.nodes[p].get("name", ""))) for p in provinces)}}
    if not places:
        raise ViewError(f"no Locality named {province!r}; give a province id, name or code")
    meetings = {m for p in places for m in in_nodes(g, p, ("HELD_IN",))}
    units = {u for p in places for u in in_nodes(g, p, ("LOCATED_IN",))}
    units |= {u for m in meetings for u in out_nodes(g, m, ("ORGANIZED_BY",))}
    posts = {p for u in units for p in in_nodes(g, u, ("IN_UNIT",))}
    people = {p for m in meetings for p in in_nodes(g, m, ROLES)}
    people |= {p for post in posts for p in in_nodes(g, post, ("HOLDS",))}
    extra = {d for m in meetings for d in out_nodes(g, m, ("CONCERNS",))}
    extra |= {r for p in people for r in out_nodes(g, p, ("HAS_RANK",))}
    return places | meetings | units | posts | people | extra


def _in_range(value: object, date_from: str | None, date_to: str | None) -> bool:
    if not value:
        return True
    text = str(value)
    if date_from and text < date_from[: len(text)]:
        return False
    return not (date_to and text > date_to[: len(text)])


def _filter_dates(view: nx.MultiDiGraph, date_from: str | None, date_to: str | None) -> None:
    """Drop dated nodes and edges outside the range, then nodes left with no edge."""
    linked = {n for n in view if view.degree(n)}
    view.remove_nodes_from([n for n, d in view.nodes(data=True)
                            if not _in_range(d.get("date"), date_from, date_to)])
    view.remove_edges_from([
        (u, v, k) for u, v, k, d in view.edges(keys=True, data=True)
        if not _in_range(d.get("last_seen"), date_from, None)
        or not _in_range(d.get("first_seen"), None, date_to)])
    view.remove_nodes_from([n for n in list(view) if n in linked and not view.degree(n)])
