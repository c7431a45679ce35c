"""The person view's career timeline, on the invented tenure articles (tests/conftest_tenure.py):
posts and ranks over time, each bar with its bounds (stated or observed) and its sources, in
an offline page whose data keeps article text out of the markup."""

from __future__ import annotations

import copy
from importlib import resources

import networkx as nx
import pytest

from vnkg.graph.model import Fragment, Graph
from vnkg.graph.nx import to_networkx
from vnkg.viz.render import render_html
from vnkg.viz.views import person_view

PAYLOAD = '</script><img src=x onerror="window.pwned=1">'


@pytest.fixture(scope="module")
def g(tenure_fragments: list[Fragment]) -> nx.MultiDiGraph:
    graph = Graph()
    for frag in copy.deepcopy(tenure_fragments):
        if frag.article == "t1":  # an article whose words are hostile
            for edge in frag.edges.values():
                if edge.props.get("start_surface"):
                    edge.props["start_surface"] = PAYLOAD
        graph.add_fragment(frag)
    return to_networkx(graph)


def test_the_timeline_has_posts_and_ranks_with_bounds_and_sources(g: nx.MultiDiGraph) -> None:
    bars = person_view(g, "Hà Đức Tùng").graph["timeline"]
    assert [(b["kind"], b["label"].split(" — ")[0], b["start"], b["end"], b["start_stated"])
            for b in bars] == [
        ("post", "Chỉ huy trưởng Ban Chỉ huy quân sự huyện Ba Bể", "2022-03-10", "2024-09-20",
         False),
        ("rank", "Thượng tá", "2022-03-10", "2022-03-10", False),
        ("rank", "Đại tá", "2024-05", "2024-09-20", True)]
    assert bars[-1]["sources"] == ["t4"]
    assert bars[-1]["notes"] == ["được thăng quân hàm Đại tá tháng 5/2024"]


def test_stated_ends_and_undated_ends_are_told_apart(g: nx.MultiDiGraph) -> None:
    (bar,) = person_view(g, "Triệu Văn Khánh").graph["timeline"]
    assert (bar["start"], bar["end"], bar["start_stated"], bar["end_stated"]) == (
        "2021-06", "2023-06", True, True)
    assert bar["sources"] == ["t1", "t2", "t3"]


def test_the_page_draws_the_timeline_offline_and_escaped(g: nx.MultiDiGraph) -> None:
    page = render_html(person_view(g, "Triệu Văn Khánh"))
    assert '"timeline": [{' in page and "Quá trình công tác" in page
    assert PAYLOAD not in page and "<img" not in page
    assert "\\u003c/script\\u003e\\u003cimg" in page  # the words are data, escaped
    assert "http://" not in page.split("<script>")[0] and "https://" not in page.split(
        "<script>")[0]
    script = (resources.files("vnkg.viz") / "assets" / "page.js").read_text("utf-8")
    assert "textContent" in script and "innerHTML" not in script


def test_a_bar_past_the_articles_a_view_lists_gives_their_number() -> None:
    """A post that more articles state than a view lists (viz.sources.SHOWN) has a bar
    with their number, as its relation's tooltip has, not 51 article ids."""
    from vnkg.viz.sources import SHOWN
    from vnkg.viz.timeline import career_timeline

    g = nx.MultiDiGraph()
    g.add_node("p", label="Person", name="Lò Văn Thuỷ")
    g.add_node("q", label="Position", name="Chỉ huy trưởng")
    g.add_node("r", label="Rank", name="Đại tá")
    g.add_edge("p", "q", key="HOLDS", type="HOLDS", first_seen="2021-03",
               last_seen="2024-05", sources=[f"a{i:03}" for i in range(SHOWN + 1)])
    g.add_edge("p", "r", key="HAS_RANK", type="HAS_RANK", first_seen="2021-03",
               last_seen="2024-05", sources=[], source_count=900)
    post, rank = career_timeline(g, "p")
    assert (post["sources"], post["source_count"]) == ([], SHOWN + 1)
    assert (rank["sources"], rank["source_count"]) == ([], 900)
