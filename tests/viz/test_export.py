"""Exports: GraphML and GEXF read back equal to the flattened view; JSON keeps everything."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from vnkg.viz.export import flatten, read_gexf_view, write_view
from vnkg.viz.views import co_attendance_view, decree_view, overview


def _content(g: nx.MultiDiGraph) -> tuple[dict[str, Any], list[Any]]:
    nodes = {n: dict(d) for n, d in g.nodes(data=True)}
    edges = sorted((u, v, k, sorted(d.items())) for u, v, k, d in g.edges(keys=True, data=True))
    return nodes, edges


VIEWS = {
    "overview": lambda g: overview(g),
    "decree": lambda g: decree_view(g, "21/2019/NĐ-CP"),
    "co-attendance": lambda g: co_attendance_view(g),
}


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_graphml_round_trip(name: str, tmp_path: Path,
                            sample_nx: Callable[[], nx.MultiDiGraph]) -> None:
    view = VIEWS[name](sample_nx())
    back = nx.read_graphml(write_view(view, tmp_path / "v.graphml"), force_multigraph=True)
    assert _content(back) == _content(flatten(view))


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_gexf_round_trip(name: str, tmp_path: Path, sample_nx: Callable[[], nx.MultiDiGraph],
                         hostile_name: str) -> None:
    view = VIEWS[name](sample_nx())
    path = write_view(view, tmp_path / "v.gexf")
    assert _content(read_gexf_view(path)) == _content(flatten(view))
    raw = nx.read_gexf(path)  # what Gephi shows: names as labels, relation types on edges
    assert hostile_name in {d["label"] for _, d in raw.nodes(data=True)} or name == "decree"


def test_flatten_rules() -> None:
    g = nx.MultiDiGraph(title="t", extra=None)
    g.add_node("a", sources=["x", "y"], rank=None, n=1, flag=True)
    g.add_node("b", n="một")
    g.add_edge("a", "b", key="K", evidence=[{"article": "x", "start": 0, "end": 3, "text": "abc"}])
    flat = flatten(g)
    assert flat.graph == {"title": "t"}
    assert flat.nodes["a"] == {"sources": "x; y", "n": "1", "flag": True}
    assert flat.nodes["b"] == {"n": "một"}
    evidence = json.loads(flat.edges["a", "b", "K"]["evidence"])
    assert evidence == [{"article": "x", "start": 0, "end": 3, "text": "abc"}]
    assert g.nodes["a"]["sources"] == ["x", "y"]  # the view itself is untouched


def test_json_node_link_keeps_lists_and_evidence(tmp_path: Path,
                                                 sample_nx: Callable[[], nx.MultiDiGraph]) -> None:
    view = overview(sample_nx())
    data = json.loads(write_view(view, tmp_path / "v.json").read_text("utf-8"))
    back = nx.node_link_graph(data, edges="edges")
    assert _content(back) == _content(view)
    assert any(e["evidence"] for e in data["edges"])


def test_html_and_unknown_format(tmp_path: Path, sample_nx: Callable[[], nx.MultiDiGraph]) -> None:
    out = write_view(overview(sample_nx()), tmp_path / "sub" / "page.htm")
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")
    with pytest.raises(ValueError, match="format"):
        write_view(overview(sample_nx()), tmp_path / "v.txt")
    assert write_view(overview(sample_nx()), tmp_path / "v.txt", fmt="graphml").exists()
