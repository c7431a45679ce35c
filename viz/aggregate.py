"""The overview of a large store, as an aggregate: provinces, units, the most connected
officials, and how they link, instead of a hairball of every node.

Past OVERVIEW_LIMIT people and meetings the whole graph cannot be read at a glance (17k
nodes at 3,000 articles). The aggregate is read by a few grouped queries (viz/queries/
overview-*.rq): each province the meetings were held in, sized by its meetings; the units
with most posts held, linked to their province; the officials with most relations, linked
to the units of their posts. The province, person, meeting and decree views go further.
The co-attendance view of such a store draws the 150 pairs sharing most meetings of which
one is among the 60 people in the most meetings (PEOPLE: viz/queries/co-attendance-people.rq, then
co-attendance-pairs.rq): counting every pair of 13,000 people took 24 s at 100k articles.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
from rdflib import URIRef

from vnkg.graph.vocab import node_iri
from vnkg.viz.read import Walk
from vnkg.viz.sources import list_sources
from vnkg.viz.view_queries import select_seeded, select_view

OVERVIEW_LIMIT = 3000  # people and meetings past which the overview is an aggregate
PAIRS = 150  # pairs a large store's co-attendance view draws
PEOPLE = 60  # the people in most meetings, one of each pair of the co-attendance view


def node_count(store: Any) -> int:
    """People and meetings in the store.

    >>> from vnkg.loaders.oxigraph_store import OxigraphStore
    >>> with OxigraphStore(None) as store:
    ...     node_count(store)
    0
    """
    rows = select_view(store, "overview-size")
    return int(rows[0]["nodes"]) if rows else 0


def is_large(store: Any) -> bool:
    """Whether `store`'s overview starts from the aggregate: past OVERVIEW_LIMIT people and
    meetings (an RDF store or Neo4j: the aggregate's queries are in both languages)."""
    return node_count(store) > OVERVIEW_LIMIT


def aggregate_overview(store: Any) -> nx.MultiDiGraph:
    """Provinces (with `meetings`), units (with `holders`) and the most connected officials
    (with `degree`); units LOCATED_IN their province, officials HOLDS a post in a unit."""
    g = nx.MultiDiGraph()
    for row in select_view(store, "overview-provinces"):
        if row["province"] is None:  # a province only named in `within`: no node to draw
            continue
        g.add_node(row["province"], label="Locality", name=row["name"] or row["province"],
                   meetings=int(row["meetings"]), aggregate=True)
    for row in select_view(store, "overview-units"):
        g.add_node(row["unit"], label="Unit", name=row["name"] or row["unit"],
                   holders=int(row["holders"]), aggregate=True)
        if row["province"] in g:
            g.add_edge(row["unit"], row["province"], key="LOCATED_IN", type="LOCATED_IN")
    for row in select_view(store, "overview-officials"):
        if row["person"] not in g:
            g.add_node(row["person"], label="Person", name=row["name"] or row["person"],
                       degree=int(row["degree"]), aggregate=True)
        if row["unit"] in g:
            g.add_edge(row["person"], row["unit"], key="HOLDS", type="HOLDS")
    counts = {label: sum(1 for _, d in g.nodes(data=True) if d["label"] == label)
              for label in ("Locality", "Unit", "Person")}
    g.graph["title"] = (f"Tổng quan: {counts['Locality']} tỉnh, {counts['Unit']} đơn vị, "
                        f"{counts['Person']} cán bộ nhiều liên hệ nhất")
    return g


def aggregate_co_attendance(store: Any, min_shared: int = 1) -> nx.MultiDiGraph:
    """The co-attendance view (viz.views.co_attendance_view) of a large store: the pairs
    sharing the most meetings (at least `min_shared`) of which one took part in the most
    meetings, each with its `weight` (their number; not the list of the meetings nor their
    articles, which the person view and the `co-attendance` query give); the people read
    as a view reads them.

    >>> from vnkg.loaders.oxigraph_store import OxigraphStore
    >>> with OxigraphStore(None) as store:
    ...     aggregate_co_attendance(store).number_of_nodes()
    0
    """
    people = _busiest(select_view(store, "co-attendance-people"))
    rows = select_seeded(store, "co-attendance-pairs", {"person_a": people},
                         min=min_shared) if people else []
    both_ways = {tuple(sorted((row["person_a"], row["person_b"]))): int(row["shared"])
                 for row in rows}
    pairs = dict(sorted(both_ways.items(), key=lambda kv: (-kv[1], kv[0]))[:PAIRS])
    nodes = Walk(store).graph({p for pair in pairs for p in pair}, relations=False)
    view = nx.MultiDiGraph(title=f"Cùng dự sự kiện (≥ {min_shared}) — {len(pairs)} cặp "
                                 f"nhiều nhất của {PEOPLE} người dự nhiều sự kiện nhất")
    for (a, b), shared in sorted(pairs.items()):
        for p in (a, b):
            view.add_node(p, **nodes.nodes[p])
        view.add_edge(a, b, key="CO_ATTENDED", type="CO_ATTENDED", weight=shared)
    list_sources(view)
    return view


def _busiest(rows: list[dict[str, Any]]) -> list[URIRef]:
    """The PEOPLE people of `rows` (each with its number of meetings) in the most meetings,
    ties broken by their IRIs, as SPARQL orders IRIs (by their text).

    >>> [str(p)[-1] for p in _busiest([{"person_a": "person/b", "meetings": 2},
    ...                                {"person_a": "person/a", "meetings": 2}])]
    ['a', 'b']
    """
    iris = [(int(row["meetings"]), node_iri(row["person_a"])) for row in rows]
    return [iri for _, iri in sorted(iris, key=lambda n_iri: (-n_iri[0], str(n_iri[1])))
            ][:PEOPLE]
