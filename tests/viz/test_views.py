"""Views on a small invented graph: what each view keeps, finds and lays out."""

from __future__ import annotations

from collections.abc import Callable

import networkx as nx
import pytest

from vnkg.viz.views import (
    ViewError,
    co_attendance_view,
    decree_view,
    meeting_view,
    overview,
    person_view,
)


@pytest.fixture(scope="module")
def g(sample_nx: Callable[[], nx.MultiDiGraph]) -> nx.MultiDiGraph:
    return sample_nx()


def test_overview_whole_graph_is_a_copy(g: nx.MultiDiGraph) -> None:
    view = overview(g)
    assert set(view) == set(g) and view.number_of_edges() == g.number_of_edges()
    view.nodes["person/lo-thi-thuy"]["name"] = "changed"
    assert g.nodes["person/lo-thi-thuy"]["name"] == "Lò Thị Thuỷ"


def test_overview_labels_and_unknown_label(g: nx.MultiDiGraph) -> None:
    view = overview(g, labels=["Person", "Meeting"])
    assert {d["label"] for _, d in view.nodes(data=True)} == {"Person", "Meeting"}
    with pytest.raises(ViewError, match="unknown labels"):
        overview(g, labels=["Persons"])


def test_overview_province_keeps_its_places_meetings_and_people(g: nx.MultiDiGraph,
                                                                decree: str) -> None:
    view = overview(g, province="lam binh")
    assert {"loc/xa-son-ha-1", "meeting/a1", "meeting/a2", "unit/bchqs-son-ha",
            "pos/cht-son-ha", "person/ma-duc-long", decree} <= set(view)
    assert "meeting/a3" not in view and "loc/tinh-bac-son" not in view


def test_overview_dates_drop_meetings_and_orphans(g: nx.MultiDiGraph) -> None:
    view = overview(g, date_from="2024-06", date_to="2024-12-31")
    meetings = {n for n, d in view.nodes(data=True) if d["label"] == "Meeting"}
    assert meetings == {"meeting/a2"}
    assert "person/hostile" not in view  # its only meeting is in 2025 and edges are 2024-03
    assert overview(g, date_from="2024").number_of_nodes() == g.number_of_nodes()


def test_person_view_matches_without_tones_and_stops_at_hubs(g: nx.MultiDiGraph) -> None:
    for query in ("Hoàng Văn Khánh", "hoang van khanh", "person/hoang-van-khanh"):
        view = person_view(g, query)
        assert view.nodes["person/hoang-van-khanh"]["focus"] is True
    assert {"pos/cht-son-ha", "unit/bchqs-son-ha", "rank/dai-ta", "meeting/a1",
            "person/ma-duc-long", "person/hostile"} <= set(view)
    # Đại tá is a hub: the other Đại tá is reached through a shared meeting, not the rank
    alone = person_view(g, "Lò Thị Thuỷ", hops=2)
    assert "person/hostile" not in alone and "rank/dai-ta" not in alone
    assert "person/lo-thi-thuy" in person_view(g, "LÒ THỊ THỦY")


def test_person_view_unknown_person(g: nx.MultiDiGraph) -> None:
    with pytest.raises(ViewError, match="no Person"):
        person_view(g, "Nguyễn Không Có")


def test_meeting_view_roles_place_and_decree(g: nx.MultiDiGraph, decree: str) -> None:
    view = meeting_view(g, "meeting/a2")
    roles = {(u, k) for u, _, k in view.in_edges("meeting/a2", keys=True)}
    assert roles == {("person/ma-duc-long", "CHAIRED"), ("person/lo-thi-thuy", "ATTENDED"),
                     ("person/hoang-van-khanh", "ATTENDED")}
    assert {"loc/xa-son-ha-1", "loc/huyen-son-ha", "loc/tinh-lam-binh", decree} <= set(view)
    assert meeting_view(g, "dien tap khu vuc phong thu xa tan son").has_node("meeting/a2")


def test_decree_view_timeline_and_gaps(g: nx.MultiDiGraph) -> None:
    view = decree_view(g, "21/2019/nd-cp")
    assert view.graph["layout"] == "fixed"
    xs = [view.nodes[m]["x"] for m in ("meeting/a1", "meeting/a2", "meeting/a3")]
    assert xs == sorted(xs) and len(set(xs)) == 3
    gaps = {n for n, d in view.nodes(data=True) if d.get("gap")}
    assert gaps == {"loc/huyen-thuy-hoa", "loc/huyen-na-ri"}
    assert all(view.nodes[n]["y"] > view.nodes["loc/tinh-lam-binh"]["y"] for n in gaps)
    assert {"person/hoang-van-khanh", "person/ma-duc-long", "person/hostile"} <= set(view)
    assert "person/lo-thi-thuy" not in view  # attended, did not chair
    assert all("x" in d and "y" in d for _, d in view.nodes(data=True))


def test_co_attendance_weights_and_threshold(g: nx.MultiDiGraph, hostile_name: str) -> None:
    view = co_attendance_view(g)
    weights = {(u, v): d["weight"] for u, v, d in view.edges(data=True)}
    assert weights[("person/hoang-van-khanh", "person/lo-thi-thuy")] == 2
    assert weights[("person/hoang-van-khanh", "person/hostile")] == 1
    strong = co_attendance_view(g, min_shared=2)
    assert set(strong) == {"person/hoang-van-khanh", "person/lo-thi-thuy",
                           "person/ma-duc-long"}
    assert all(d["label"] == "Person" for _, d in strong.nodes(data=True))
    assert view.nodes["person/hostile"]["name"] == hostile_name
