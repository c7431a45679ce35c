"""Export a view: HTML page, GraphML (yEd, Neo4j), GEXF (Gephi), node-link JSON, PNG.

GraphML and GEXF hold only scalar attributes, so `flatten` is the one place that turns a
view into scalars: lists become "; "-joined strings, lists of records (evidence) a JSON
string, None is dropped, and a key with mixed types across items becomes text throughout.

GEXF gives `label` and edge `type` fixed meanings (the text Gephi shows; directed or not),
so in GEXF a node's label is its display name (its model label goes in `vnkg_label`) and an
edge's label is its relation type (its key in `networkx_key`); `read_gexf_view` undoes it.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from vnkg.viz.chromium import Browser
from vnkg.viz.render import write_html

FORMATS = ("html", "graphml", "gexf", "json", "png")
SUFFIXES = {".html": "html", ".htm": "html", ".graphml": "graphml", ".gexf": "gexf",
            ".json": "json", ".png": "png"}


def write_view(view_graph: nx.MultiDiGraph, path: str | Path, fmt: str | None = None,
               title: str | None = None) -> Path:
    """Write a view in `fmt` (default: from the file suffix); return the path written.

    >>> import tempfile; g = nx.MultiDiGraph(); g.add_node("p", label="Person", sources=["a1"])
    >>> out = write_view(g, Path(tempfile.mkdtemp()) / "v.graphml")
    >>> nx.read_graphml(out).nodes["p"]["sources"]
    'a1'
    """
    out = Path(path)
    kind = fmt or SUFFIXES.get(out.suffix.lower())
    if kind not in FORMATS:
        raise ValueError(f"cannot tell the format of {out.name!r}: give one of {FORMATS}")
    out.parent.mkdir(parents=True, exist_ok=True)
    if kind == "html":
        return write_html(view_graph, out, title=title)
    if kind == "graphml":
        nx.write_graphml(flatten(view_graph), out, encoding="utf-8")
    elif kind == "gexf":
        nx.write_gexf(gexf_ready(flatten(view_graph)), out, encoding="utf-8")
    elif kind == "json":
        out.write_text(json.dumps(node_link(view_graph), ensure_ascii=False, indent=1,
                                  default=str), encoding="utf-8")
    else:
        write_png(view_graph, out, title=title)
    return out


def node_link(view_graph: nx.MultiDiGraph) -> dict[str, Any]:
    """The node-link form (nodes, edges with `key`) with the attributes unflattened.

    >>> g = nx.MultiDiGraph(); _ = g.add_edge("a", "b", key="PART_OF", type="PART_OF")
    >>> node_link(g)["edges"][0]["key"]
    'PART_OF'
    """
    return dict(nx.node_link_data(view_graph, edges="edges"))


def write_png(view_graph: nx.MultiDiGraph, path: str | Path, title: str | None = None,
              width: int = 1600, height: int = 1000) -> Path:
    """Render the view's HTML page in headless Chromium and save a screenshot of it."""
    with tempfile.TemporaryDirectory(prefix="vnkg-png-") as tmp:
        page_file = write_html(view_graph, Path(tmp) / "view.html", title=title)
        with Browser(width=width, height=height) as browser:
            page = browser.page()
            page.open(page_file.resolve().as_uri(), timeout=300)
            return page.screenshot(path)


def flatten(view_graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of the view whose attributes are all scalars (see the module doc).

    >>> g = nx.MultiDiGraph(); g.add_node("x", sources=["a", "b"], rank=None)
    >>> flatten(g).nodes["x"]
    {'sources': 'a; b'}
    """
    flat = nx.MultiDiGraph()
    flat.graph.update(_scalars(view_graph.graph))
    node_attrs = [_scalars(d) for _, d in view_graph.nodes(data=True)]
    edge_attrs = [_scalars(d) for *_, d in view_graph.edges(keys=True, data=True)]
    _unify(node_attrs)
    _unify(edge_attrs)
    flat.add_nodes_from(zip(view_graph.nodes, node_attrs, strict=True))
    for (u, v, k), attrs in zip(view_graph.edges(keys=True), edge_attrs, strict=True):
        flat.add_edge(u, v, key=k, **attrs)
    return flat


def gexf_ready(flat: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Rename the attributes GEXF reserves (see the module doc) in a flattened view."""
    out = nx.MultiDiGraph(**flat.graph)
    for node, data in flat.nodes(data=True):
        attrs = {k: v for k, v in data.items() if k not in ("label", "name")}
        attrs["label"] = str(data.get("name", node))
        if "label" in data:
            attrs["vnkg_label"] = data["label"]
        out.add_node(node, **attrs)
    for u, v, key, data in flat.edges(keys=True, data=True):
        attrs = {k: val for k, val in data.items() if k != "type"}
        out.add_edge(u, v, key=key, label=str(data.get("type", key)), networkx_key=str(key),
                     **{k: val for k, val in attrs.items() if k not in ("label", "networkx_key")})
    return out


def read_gexf_view(path: str | Path) -> nx.MultiDiGraph:
    """Read a GEXF written by `write_view` back into the flattened view's attribute names.

    >>> import tempfile; g = nx.MultiDiGraph(); g.add_node("p", label="Person", name="An")
    >>> read_gexf_view(write_view(g, Path(tempfile.mkdtemp()) / "v.gexf")).nodes["p"]
    {'name': 'An', 'label': 'Person'}
    """
    raw = nx.read_gexf(path)
    view = nx.MultiDiGraph(**raw.graph)
    for node, data in raw.nodes(data=True):
        attrs = {k: v for k, v in data.items() if k not in ("label", "vnkg_label")}
        attrs["name"] = data.get("label", node)
        if "vnkg_label" in data:
            attrs["label"] = data["vnkg_label"]
        view.add_node(node, **attrs)
    for u, v, data in raw.edges(data=True):
        attrs = {k: val for k, val in data.items() if k not in ("label", "id", "networkx_key")}
        key = data.get("networkx_key", data.get("label"))
        view.add_edge(u, v, key=key, type=data.get("label", key), **attrs)
    return view


def _scalars(attrs: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in attrs.items():
        scalar = _scalar(value)
        if scalar is not None:
            out[str(key)] = scalar
    return out


def _scalar(value: Any) -> str | int | float | bool | None:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    if isinstance(value, Iterable):
        items = list(value)
        if any(isinstance(i, dict | list) for i in items):
            return json.dumps(items, ensure_ascii=False, sort_keys=True, default=str)
        return "; ".join(str(i) for i in items if i is not None)
    return str(value)


def _unify(rows: list[dict[str, Any]]) -> None:
    """Make each key one type across rows (GraphML/GEXF declare a type per key)."""
    types: dict[str, set[type]] = {}
    for row in rows:
        for key, value in row.items():
            types.setdefault(key, set()).add(type(value))
    mixed = {k for k, ts in types.items() if len(ts) > 1 and ts != {int, float}}
    floats = {k for k, ts in types.items() if ts == {int, float}}
    for row in rows:
        for key in mixed & row.keys():
            row[key] = str(row[key])
        for key in floats & row.keys():
            row[key] = float(row[key])
