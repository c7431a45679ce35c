"""Exports: GraphML, GEXF and node-link JSON read back by networkx equal to the file model
(`file_graph`: names as labels, the vnkg label beside, unique edge ids); the formats' own
rules (GEXF 1.3 with edge kinds, no networkx internals, `links`); HTML and format choice.
The other readers (Gephi, graphology, d3, igraph, networkx 3.3): test_graph_clients.py."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from vnkg.graph.model import edge_key
from vnkg.viz.export import write_view
from vnkg.viz.graphfile import GEXF_NS, GRAPHML_NS, MODEL_LABEL, file_graph, flatten
from vnkg.viz.views import co_attendance_view, decree_view, overview

VIEWS = {
    "overview": lambda g: overview(g),
    "decree": lambda g: decree_view(g, "21/2019/NĐ-CP"),
    "co-attendance": lambda g: co_attendance_view(g),
}


def _content(g: nx.MultiDiGraph) -> tuple[dict[str, Any], list[Any]]:
    nodes = {n: dict(d) for n, d in g.nodes(data=True)}
    edges = sorted((u, v, k, sorted(d.items())) for u, v, k, d in g.edges(keys=True, data=True))
    return nodes, edges


def _as_gexf_read(flat: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """What networkx reads of our GEXF: the edge type as `label`, the id also as `id`."""
    out = nx.MultiDiGraph()
    out.add_nodes_from(flat.nodes(data=True))
    for u, v, k, d in flat.edges(keys=True, data=True):
        attrs = {a: val for a, val in d.items() if a != "type"}
        if "weight" in attrs:
            attrs["weight"] = float(attrs["weight"])
        out.add_edge(u, v, key=k, id=k, label=d["type"], **attrs)
    return out


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_graphml_round_trip(name: str, tmp_path: Path,
                            hostile_file_nx: Callable[[], nx.MultiDiGraph]) -> None:
    view = VIEWS[name](hostile_file_nx())
    back = nx.read_graphml(write_view(view, tmp_path / "v.graphml"), force_multigraph=True)
    assert _content(back) == _content(flatten(file_graph(view)))


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_gexf_round_trip(name: str, tmp_path: Path,
                         hostile_file_nx: Callable[[], nx.MultiDiGraph]) -> None:
    view = VIEWS[name](hostile_file_nx())
    back = nx.read_gexf(write_view(view, tmp_path / "v.gexf"))
    if not back.is_multigraph():  # networkx reads a GEXF without parallel edges as a DiGraph
        multi = nx.MultiDiGraph()
        multi.add_nodes_from(back.nodes(data=True))
        multi.add_edges_from((u, v, d["id"], d) for u, v, d in back.edges(data=True))
        back = multi
    assert _content(back) == _content(_as_gexf_read(flatten(file_graph(view))))


def test_json_round_trip_keeps_lists_and_evidence(
        tmp_path: Path, hostile_file_nx: Callable[[], nx.MultiDiGraph]) -> None:
    view = overview(hostile_file_nx())
    data = json.loads(write_view(view, tmp_path / "v.json").read_text("utf-8"))
    assert "edges" not in data and len(data["links"]) == view.number_of_edges()
    back = nx.node_link_graph(data, edges="links")
    assert _content(back) == _content(file_graph(view))
    assert any(isinstance(link["evidence"], list) and link["evidence"] for link in data["links"])


def test_file_model(sample_nx: Callable[[], nx.MultiDiGraph]) -> None:
    view = overview(sample_nx())
    model = file_graph(view)
    person = model.nodes["person/lo-thi-thuy"]
    assert (person["label"], person[MODEL_LABEL], person["name"]) == ("Lò Thị Thuỷ", "Person",
                                                                      "Lò Thị Thuỷ")
    assert {k for *_, k in model.edges(keys=True)} == {
        edge_key((u, d["type"], v)) for u, v, d in view.edges(data=True)}
    assert model.number_of_edges() == view.number_of_edges()


def test_graphml_ids_unique_and_gephi_kind(tmp_path: Path,
                                           sample_nx: Callable[[], nx.MultiDiGraph]) -> None:
    view = overview(sample_nx())
    path = write_view(view, tmp_path / "v.graphml")
    edges = ET.parse(path).getroot().iter(f"{{{GRAPHML_NS}}}edge")
    ids, kinds = zip(*[(e.get("id"), e.get("label")) for e in edges], strict=True)
    assert len(set(ids)) == len(ids) == view.number_of_edges()
    assert sorted(kinds) == sorted(d["type"] for *_, d in view.edges(data=True))
    assert "networkx" not in path.read_text("utf-8")


def test_gexf_13_with_kinds(tmp_path: Path, sample_nx: Callable[[], nx.MultiDiGraph]) -> None:
    view = co_attendance_view(sample_nx())
    path = write_view(view, tmp_path / "v.gexf")
    root = ET.parse(path).getroot()
    assert (root.tag, root.get("version")) == (f"{{{GEXF_NS}}}gexf", "1.3")
    edges = list(root.iter(f"{{{GEXF_NS}}}edge"))
    assert {e.get("kind") for e in edges} == {e.get("label") for e in edges} == {"CO_ATTENDED"}
    assert all(float(e.get("weight", "0")) >= 1 for e in edges)
    assert "networkx" not in path.read_text("utf-8")


def test_xml_cannot_hold_control_characters(tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    g.add_node("p", label="Person", name="Lò\x07Văn\x00Ân")
    for fmt in ("graphml", "gexf"):
        back = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(
            write_view(g, tmp_path / f"v.{fmt}"))
        assert back.nodes["p"]["label"] == "Lò\ufffdVăn\ufffdÂn"


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


def test_html_and_unknown_format(tmp_path: Path, sample_nx: Callable[[], nx.MultiDiGraph]) -> None:
    out = write_view(overview(sample_nx()), tmp_path / "sub" / "page.htm")
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")
    with pytest.raises(ValueError, match="format"):
        write_view(overview(sample_nx()), tmp_path / "v.txt")
    assert write_view(overview(sample_nx()), tmp_path / "v.txt", fmt="graphml").exists()
