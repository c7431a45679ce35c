"""The reference graph of localities: nodes, PART_OF within each structure, BECAME across."""

from __future__ import annotations

from collections import Counter

import networkx as nx
import pytest

from vnkg.extraction.gazetteer import iter_places
from vnkg.graph.model import Fragment, Graph
from vnkg.graph.nx import to_networkx
from vnkg.graph.reference import reference_fragment


@pytest.fixture(scope="module")
def frag() -> Fragment:
    return reference_fragment()


def test_every_unit_of_both_structures_is_a_node(frag: Fragment) -> None:
    assert frag.article == "reference" and frag.published is None
    total = sum(1 for s in ("2024", "2025") for _ in iter_places(s))
    assert len(frag.nodes) == total
    assert {n.label for n in frag.nodes.values()} == {"Locality"}
    provinces = Counter(n.props["structure"] for n in frag.nodes.values()
                        if n.props["type"] in ("tỉnh", "thành phố trực thuộc trung ương"))
    assert provinces == {"2024": 63, "2025": 34}
    hanoi = frag.nodes["locality/2024-01"]
    assert hanoi.props == {"name": "Hà Nội", "type": "thành phố trực thuộc trung ương",
                           "code": "01", "structure": "2024", "province": "Hà Nội",
                           "key": "ha noi", "within": ["locality/2024-01"],
                           "within_keys": ["ha noi"], "in_2025": "locality/2025-01",
                           "within_2025": ["locality/2025-01"], "within_keys_2025": ["ha noi"]}
    ba_dinh = next(n for n in frag.nodes.values()
                   if n.props["name"] == "Ba Đình" and n.props["structure"] == "2024")
    assert ba_dinh.props["within"] == sorted([ba_dinh.id, "locality/2024-01"])


def test_part_of_links_each_unit_to_its_parent(frag: Fragment) -> None:
    part_of = [e for e in frag.edges.values() if e.type == "PART_OF"]
    assert len(part_of) == len(frag.nodes) - 63 - 34
    for e in part_of:
        assert frag.nodes[e.source].props["structure"] == frag.nodes[e.target].props["structure"]
    assert ("locality/2024-01-001", "PART_OF", "locality/2024-01") in frag.edges


def test_became_maps_every_old_unit_into_the_new_map(frag: Fragment) -> None:
    became = [e for e in frag.edges.values() if e.type == "BECAME"]
    sources = {e.source for e in became}
    old = {k for k, n in frag.nodes.items() if n.props["structure"] == "2024"}
    assert sources == old
    assert all(e.props == {"effective": "2025-07-01"} for e in became)
    assert all(frag.nodes[e.target].props["structure"] == "2025" for e in became)
    assert ("locality/2024-17", "BECAME", "locality/2025-25") in frag.edges  # Hòa Bình → Phú Thọ


def test_ids_are_deterministic(frag: Fragment) -> None:
    again = reference_fragment()
    assert list(again.nodes) == list(frag.nodes)
    assert list(again.edges) == list(frag.edges)


def test_an_old_district_can_be_followed_into_the_new_map(frag: Fragment) -> None:
    graph = Graph()
    graph.add_fragment(frag)
    g = to_networkx(graph)
    lac_thuy = "locality/2024-17-159"  # huyện Lạc Thủy, Hòa Bình
    reached = nx.descendants(g, lac_thuy)
    assert "locality/2025-25" in reached  # via BECAME then PART_OF: tỉnh Phú Thọ


def test_the_2025_map_puts_a_district_under_its_new_province(frag: Fragment) -> None:
    ba_be = frag.nodes["locality/2024-06-061"].props  # huyện Ba Bể, Bắc Kạn: five communes
    assert (ba_be["in_2025"], ba_be["within_keys_2025"]) == ("locality/2025-19", ["thai nguyen"])
    cho_ra = frag.nodes["locality/2024-06-01888"].props  # thị trấn Chợ Rã: one commune
    assert cho_ra["in_2025"] == "locality/2025-19-01912"
    assert cho_ra["within_keys_2025"] == ["cho ra", "thai nguyen"]
    new = frag.nodes["locality/2025-19"].props
    assert new["in_2025"] == "locality/2025-19" and new["within_2025"] == new["within"]
