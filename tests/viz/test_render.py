"""The HTML page as text: offline, escaped, styled from one table, laid out when big."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from vnkg.graph.model import LABELS
from vnkg.viz.pagedata import LAYOUT_THRESHOLD, SEED_THRESHOLD, page_data
from vnkg.viz.render import render_html, script_json, write_html
from vnkg.viz.style import STYLE, label_style
from vnkg.viz.views import decree_view, overview


def _data_block(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="vnkg-data">(.*?)</script>', page,
                      re.S)
    assert match
    return json.loads(match.group(1))


def test_page_has_no_remote_reference(tmp_path: Path,
                                      sample_nx: Callable[[], nx.MultiDiGraph]) -> None:
    page = write_html(overview(sample_nx()), tmp_path / "o.html").read_text("utf-8")
    assert not re.search(r'(src|href)\s*=\s*["\']?\s*(https?:)?//', page, re.I)
    assert "<link" not in page and not re.search(r"<script[^>]*\bsrc\s*=", page)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page)  # CSS: only data: images
    assert "vis-network" in page and "new vis.Network" in page
    assert "default-src 'none'" in page  # CSP: the page may fetch nothing


def test_hostile_text_never_appears_as_markup(sample_nx: Callable[[], nx.MultiDiGraph],
                                              hostile_name: str, payload: str) -> None:
    page = render_html(overview(sample_nx()), title='<b>"Tiêu đề"</b>')
    assert payload not in page and "<img" not in page
    assert "</script><script>window.pwned" not in page
    assert "<title>&lt;b&gt;&quot;Tiêu đề&quot;&lt;/b&gt;</title>" in page
    data = _data_block(page)
    assert hostile_name in [n["label"] for n in data["nodes"]]  # intact as data, for textContent
    tips = json.dumps(data["tips"], ensure_ascii=False)
    assert "window.pwned=2" in tips


def test_script_json_round_trips() -> None:
    value = {"a": "</script><!-- & \u2028", "b": [1, 2.5, None]}
    text = script_json(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == value


def test_style_table_covers_the_model_and_drives_nodes(
        sample_nx: Callable[[], nx.MultiDiGraph]) -> None:
    assert set(LABELS) <= set(STYLE)
    data = page_data(overview(sample_nx()))
    for node in data["nodes"]:
        style = label_style(node["group"])
        group = data["options"]["groups"][node["group"]]
        assert (group["color"], group["shape"]) == (style.color, style.shape)
        assert "color" not in node and "shape" not in node  # one table, via groups
    groups = {entry["group"] for entry in data["legend"]}
    assert groups == {n["group"] for n in data["nodes"]}


def test_size_grows_with_degree_and_tooltips_hold_evidence(
        sample_nx: Callable[[], nx.MultiDiGraph], hostile_name: str) -> None:
    data = page_data(overview(sample_nx()))
    size = {n["id"]: n["size"] for n in data["nodes"]}
    assert size["person/hoang-van-khanh"] > size["loc/huyen-na-ri"]
    lines = data["tips"]["n:person/hostile"]
    assert lines[0] == ["", hostile_name]
    assert any(key.startswith("dẫn chứng [art/3]") for key, _ in lines)
    assert ["cấp", "huyện"] in data["tips"]["n:loc/huyen-son-ha"]  # Locality type, captioned
    edge_tips = [t for k, t in data["tips"].items() if k.startswith("e:")]
    assert any(line[0] == "thời gian" for tip in edge_tips for line in tip)


def test_small_view_settles_with_physics_fixed_view_keeps_positions(
        sample_nx: Callable[[], nx.MultiDiGraph]) -> None:
    small = page_data(overview(sample_nx()))
    assert small["physics"] is True and small["options"]["physics"]["stabilization"]["enabled"]
    fixed = page_data(decree_view(sample_nx(), "21/2019/NĐ-CP"))
    assert fixed["physics"] is False and all("x" in n for n in fixed["nodes"])
    gap = [n for n in fixed["nodes"] if n["group"] == "gap"]
    assert len(gap) == 2 and fixed["options"]["groups"]["gap"]["shapeProperties"]["borderDashes"]


def test_big_view_gets_a_precomputed_layout() -> None:
    g = nx.MultiDiGraph()
    for i in range(LAYOUT_THRESHOLD + 50):
        g.add_node(f"p{i}", label="Person", name=f"Người {i}")
        if i:
            g.add_edge(f"p{i}", f"p{i // 3}", key="PART_OF", type="PART_OF")
    data = page_data(g)
    assert data["physics"] is False and data["options"]["physics"] == {"enabled": False}
    assert all("x" in n and "y" in n for n in data["nodes"])
    assert data["options"]["edges"]["smooth"] is False
    assert "label" not in data["edges"][0]  # too many edges for captions


def test_mid_size_view_starts_physics_from_a_layout() -> None:
    g = nx.MultiDiGraph()
    for i in range(SEED_THRESHOLD + 10):
        g.add_node(f"u{i}", label="Unit", name=f"Đơn vị {i}")
        if i:
            g.add_edge(f"u{i}", f"u{i // 2}", key="PART_OF", type="PART_OF")
    data = page_data(g)
    assert data["physics"] is True and all("x" in n for n in data["nodes"])
    assert data["options"]["physics"]["stabilization"]["iterations"] <= 100
