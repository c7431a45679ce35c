"""The decree view: how one decree was carried out, meeting by meeting, place by place.

Laid out as a timeline (positions set here, physics off): the decree on the left, its
meetings left to right grouped by province, then by district (each group in the order of
its first meeting, the meetings by date inside it, a wider gap between groups), their
chairs above, the localities below them, the provinces lower still, and apart at the bottom
the districts of those provinces with no recorded meeting on the decree (from Locality
PART_OF edges). A province narrows the view to the meetings held in it.
"""

from __future__ import annotations

import networkx as nx

from vnkg.extraction.keys import decree_key, locality_key
from vnkg.viz.match import ViewError, find_nodes, require_nodes
from vnkg.viz.sources import list_sources
from vnkg.viz.walk import ancestors, in_nodes, out_nodes, top

STEP = 260  # horizontal spacing of the timeline, in vis-network canvas units
ROWS = {"Person": -220, "Meeting": 0, "Locality": 220, "province": 440, "gap": 700}


def decree_view(g: nx.MultiDiGraph, number: str, province: str | None = None
                ) -> nx.MultiDiGraph:
    """Decree → meetings (by province, district, date) → localities → provinces, with
    chairs; districts without a recorded meeting get `gap=True`. `number` is an id or a
    number such as "21/2019/NĐ-CP"; `province` (an id, name or code) keeps its meetings.

    >>> g = nx.MultiDiGraph(); g.add_node("d", label="Decree", number="21/2019/NĐ-CP", name="NĐ 21")
    >>> g.add_node("m", label="Meeting", name="Hội nghị", date="2024-03-01")
    >>> _ = g.add_edge("m", "d", key="CONCERNS", type="CONCERNS")
    >>> sorted(decree_view(g, "21/2019/nd-cp"))
    ['d', 'm']
    """
    decrees = require_nodes(g, number, ["Decree"], keys=("number", "name"), key=decree_key)
    meetings = sorted({m for d in decrees for m in in_nodes(g, d, ("CONCERNS",))},
                      key=lambda m: (_date(g, m), m))
    groups = {m: group(g, m) for m in meetings}
    if province:
        meetings = in_province(g, meetings, groups, province)
    meetings, columns = _columns(meetings, groups)
    places = {m: sorted(out_nodes(g, m, ("HELD_IN",))) for m in meetings}
    covered = {x for ps in places.values() for p in ps for x in {p} | ancestors(g, p)}
    provinces = sorted({top(g, p) for ps in places.values() for p in ps})
    gaps = {prov: sorted(c for c in in_nodes(g, prov, ("PART_OF",))
                         if c not in covered and g.nodes[c].get("label") == "Locality")
            for prov in provinces}
    chairs = {m: sorted(in_nodes(g, m, ("CHAIRED",))) for m in meetings}
    keep = set(decrees) | set(meetings) | covered | {c for cs in chairs.values() for c in cs}
    keep |= {c for cs in gaps.values() for c in cs}
    view = g.subgraph(keep).copy()
    for m in meetings:
        view.nodes[m]["group"] = " › ".join(str(g.nodes[x].get("name", x))
                                            for x in groups[m] if x)
    _place(view, decrees, meetings, columns, places, chairs, provinces, gaps)
    view.graph["title"] = "Văn bản: " + ", ".join(
        str(g.nodes[d].get("number") or g.nodes[d].get("name", d)) for d in decrees) + (
        f" — {province}" if province else "")
    view.graph["layout"] = "fixed"
    list_sources(view)
    return view


def group(g: nx.MultiDiGraph, meeting: str) -> tuple[str | None, str | None]:
    """(province, district) of a meeting: the top of its place's PART_OF chain and the
    place just below it (None where the meeting has no place, or is held in the province).

    >>> g = nx.MultiDiGraph(); _ = g.add_edge("m", "xa", key="HELD_IN")
    >>> _ = g.add_edge("xa", "huyen", key="PART_OF"); _ = g.add_edge("huyen", "tinh", key="PART_OF")
    >>> group(g, "m")
    ('tinh', 'huyen')
    """
    places = sorted(out_nodes(g, meeting, ("HELD_IN",)))
    if not places:
        return None, None
    chain = [places[0]]
    while True:
        parents = sorted(out_nodes(g, chain[-1], ("PART_OF",)) - set(chain))
        if not parents:
            break
        chain.append(parents[0])
    return chain[-1], chain[-2] if len(chain) > 1 else None


def _date(g: nx.MultiDiGraph, node: str) -> str:
    return str(g.nodes[node].get("date") or "9999")


def in_province(g: nx.MultiDiGraph, meetings: list[str],
                 groups: dict[str, tuple[str | None, str | None]], province: str) -> list[str]:
    """The meetings held in `province` (an id, name or code of one of their provinces)."""
    tops = {groups[m][0] for m in meetings} - {None}
    sub = g.subgraph(tops)
    wanted = set(find_nodes(sub, province, ["Locality"], keys=("name", "code"),
                            key=locality_key))
    if not wanted:
        names = sorted(str(g.nodes[t].get("name", t)) for t in tops if t)
        raise ViewError(f"no meeting on this decree in a province named {province!r}; its "
                        f"provinces: {', '.join(names) or 'none recorded'}")
    return [m for m in meetings if groups[m][0] in wanted]


def _columns(meetings: list[str], groups: dict[str, tuple[str | None, str | None]]
             ) -> tuple[list[str], dict[str, float]]:
    """The meetings (already by date) grouped by province then district, each group where
    its first meeting falls, and each meeting's column: one step apart, half a step more
    between districts, a whole step more between provinces."""
    first: dict[object, int] = {}
    for i, m in enumerate(meetings):
        first.setdefault(groups[m][0], i)
        first.setdefault(groups[m], i)
    ordered = sorted(meetings, key=lambda m: (first[groups[m][0]], first[groups[m]]))
    columns: dict[str, float] = {}
    x, before = 0.0, None
    for m in ordered:
        if before is not None:
            x += 1 + (1.0 if groups[m][0] != before[0] else 0.5 if groups[m] != before else 0)
        columns[m], before = x, groups[m]
    return ordered, columns


def _place(view: nx.MultiDiGraph, decrees: list[str], meetings: list[str],
           columns: dict[str, float],
           places: dict[str, list[str]], chairs: dict[str, list[str]],
           provinces: list[str], gaps: dict[str, list[str]]) -> None:
    """Set x, y (and a dated caption on meetings) so the page draws a timeline."""
    for i, d in enumerate(decrees):
        _set(view, d, -STEP, 120 * i)
        view.nodes[d]["focus"] = True
    xs: dict[str, float] = {}
    for i, m in enumerate(meetings):
        _set(view, m, STEP * columns[m], ROWS["Meeting"])
        date = view.nodes[m].get("date")
        view.nodes[m]["order"] = i + 1
        if date:
            view.nodes[m]["caption"] = f"{date}\n{view.nodes[m].get('name', m)}"
        for j, c in enumerate(chairs[m]):
            if "x" not in view.nodes[c]:
                _set(view, c, STEP * columns[m], ROWS["Person"] - 70 * j)
        for p in places[m]:
            xs.setdefault(p, STEP * columns[m])
    column = 0.0
    for p in sorted(xs, key=lambda p: xs[p]):
        column = max(column + STEP * 0.6, xs[p]) if column else xs[p]
        _set(view, p, column, ROWS["Locality"])
    for prov in provinces:
        kids = [xs[p] for p in xs if p != prov and prov in ancestors(view, p)] or [xs.get(prov, 0)]
        _set(view, prov, sum(kids) / len(kids), ROWS["province"], force=True)
        for j, gap in enumerate(gaps[prov]):
            view.nodes[gap]["gap"] = True
            _set(view, gap, view.nodes[prov]["x"] + STEP * 0.6 * (j - len(gaps[prov]) / 2),
                 ROWS["gap"] + 60 * (j % 2), force=True)
    for n in view:
        if "x" not in view.nodes[n]:
            _set(view, n, 0, ROWS["gap"] + 200)


def _set(view: nx.MultiDiGraph, node: str, x: float, y: float, force: bool = False) -> None:
    if force or "x" not in view.nodes[node]:
        view.nodes[node]["x"] = round(float(x), 1)
        view.nodes[node]["y"] = round(float(y), 1)
