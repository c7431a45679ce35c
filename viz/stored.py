"""Each view drawn from a store, reading only what it draws (viz.read's walks).

A view's walk visits the nodes the view function would look at, reads them and the
relations among them, and hands that small graph to the view function itself (viz.views,
viz.decree), so a view drawn here is the view drawn from the whole graph. The overview of
a store past OVERVIEW_LIMIT nodes starts from an aggregate (viz.aggregate) instead, as do
its co-attendance view (of the people in most meetings) and the decree view of a decree
with more than DECREE_LIMIT meetings (viz.decree_places).

>>> from vnkg.loaders.oxigraph_store import OxigraphStore
>>> with OxigraphStore(None) as store:
...     stored_view(store, "overview").number_of_nodes()
0
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from vnkg.extraction.keys import decree_key
from vnkg.graph.nx import to_networkx
from vnkg.graph.vocab import node_iri
from vnkg.viz import views
from vnkg.viz.aggregate import aggregate_co_attendance, aggregate_overview, is_large
from vnkg.viz.decree import decree_view
from vnkg.viz.decree_places import DECREE_LIMIT, aggregate_decree, decree_places
from vnkg.viz.lookup import find
from vnkg.viz.read import Walk
from vnkg.viz.view_queries import select_view
from vnkg.viz.walk import ROLES

PERSON_MEETINGS = 100  # meetings past which a person view draws the latest only


def stored_view(store: Any, name: str, *, node: str | None = None, number: str | None = None,
                hops: int = 2, min_shared: int = 1, labels: list[str] | None = None,
                province: str | None = None, date_from: str | None = None,
                date_to: str | None = None) -> nx.MultiDiGraph:
    """The view `name` of the RDF `store` (its arguments as `vnkg.view` takes them)."""
    if name == "decree":
        return decree_graph(store, _needed(number, "number"), province)
    if name == "person":
        return person_graph(store, _needed(node, "node"), hops)
    if name == "meeting":
        return meeting_graph(store, _needed(node, "node"))
    if name == "overview" and not (labels or province or date_from or date_to) \
            and is_large(store):
        return aggregate_overview(store)
    if name == "co-attendance" and is_large(store):
        return aggregate_co_attendance(store, min_shared)
    whole = to_networkx(store.read_graph())
    if name == "overview":
        return views.overview(whole, labels, province, date_from, date_to)
    return views.co_attendance_view(whole, min_shared)


def decree_graph(store: Any, number: str, province: str | None = None) -> nx.MultiDiGraph:
    """The decree view: the decree, its meetings (those in `province`) and their chairs,
    their places up to the province, and the province's districts (the gazetteer's
    included); past DECREE_LIMIT meetings, their provinces and districts instead."""
    walk = Walk(store, reference=True)
    decrees = find(store, "Decree", number, ("number", "name"), decree_key)
    places = decree_places(store, decrees)
    meetings = places.in_province(province) if province else set(places.groups)
    if len(meetings) > DECREE_LIMIT:
        return aggregate_decree(walk.graph(decrees), places, meetings, province)
    keep = set(decrees)
    tops: set[str] = set()
    walk.expand_all(meetings)
    for meeting in sorted(meetings):
        keep |= {meeting} | walk.ins(meeting, ("CHAIRED",))
        for place in walk.outs(meeting, ("HELD_IN",)):
            up = walk.ancestors(place)
            keep |= {place} | up
            tops |= {p for p in {place} | up if not walk.outs(p, ("PART_OF",))}
    for top in tops:
        keep |= walk.ins(top, ("PART_OF",))
    return decree_view(walk.graph(keep), number, province)


def person_graph(store: Any, person: str, hops: int = 2) -> nx.MultiDiGraph:
    """The person view: the walk person_view makes, `hops` steps, hubs not walked through;
    the units of the posts for the career's bars. Of a person in more than
    PERSON_MEETINGS meetings, the latest PERSON_MEETINGS (by date, then id) are drawn."""
    walk = Walk(store)
    centres = find(store, "Person", person)
    dropped, total = _older_meetings(store, centres)
    seen, level = set(centres), set(centres)
    for depth in range(hops):  # a step at a time; hubs past the person not walked through
        walked = {n for n in level if not (depth and walk.labels.get(n) in views.STOP_LABELS)}
        walk.expand_all(walked)
        level = {nb for n in walked for nb in walk.neighbours(n) - dropped} - seen
        seen |= level
    units = {u for c in centres for post in walk.outs(c, ("HOLDS",))
             for u in walk.outs(post, ("IN_UNIT",))}
    view = views.person_view(walk.graph(seen | units), person, hops)
    if dropped:
        view.graph["title"] += f" — {total - len(dropped)} sự kiện gần nhất trong {total}"
    return view


def _older_meetings(store: Any, centres: list[str]) -> tuple[set[str], int]:
    """The meetings of `centres` a person view leaves out (all but the latest
    PERSON_MEETINGS of each), and how many meetings they have in all."""
    every: set[str] = set()
    kept: set[str] = set()
    for c in centres:
        rows = select_view(store, "took-part", person=node_iri(c))
        latest = sorted(rows, key=lambda r: (str(r["date"] or ""), r["meeting"]), reverse=True)
        every |= {r["meeting"] for r in rows}
        kept |= {r["meeting"] for r in latest[:PERSON_MEETINGS]}
    return every - kept, len(every)


def meeting_graph(store: Any, meeting: str) -> nx.MultiDiGraph:
    """The meeting view: who took part and their ranks, organiser, decrees, places up."""
    walk = Walk(store)
    found = find(store, "Meeting", meeting, ("name", "title"))
    keep = set(found)
    for m in found:
        people = walk.ins(m, ROLES)
        walk.expand_all(people)
        keep |= people | {r for p in people for r in walk.outs(p, ("HAS_RANK",))}
        keep |= walk.outs(m, ("ORGANIZED_BY", "CONCERNS"))
        for place in walk.outs(m, ("HELD_IN",)):
            keep |= {place} | walk.ancestors(place)
    return views.meeting_view(walk.graph(keep), meeting)


def _needed(value: str | None, param: str) -> str:
    if not value:
        raise views.ViewError(f"this view needs `{param}`")
    return value
