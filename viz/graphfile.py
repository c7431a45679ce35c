"""Graph files of a view that every tool opens: GraphML, GEXF 1.3 and node-link JSON.

One file model for the three formats (`file_graph`):
- a node's `label` is its display name (`viz.style.display_name`: what Gephi, yEd and
  graphology show, as the HTML page does), its vnkg label (Person, Meeting...) the attribute
  `vnkg_label`; its properties (`name` too) keep their names;
- an edge's id is the graph's edge key (`graph.model.edge_key`: "source TYPE target"), unique
  in a view since a view holds one edge per (source, type, target); its relation type is the
  attribute `type`.
GraphML and GEXF hold only scalars, so `flatten` turns lists into "; "-joined strings, lists of
records (evidence) into a JSON string, drops None, and makes a key with mixed types text.
Gephi reads an edge's kind from the GraphML `label` XML attribute and the GEXF `kind`: both
carry the relation type, so Gephi keeps a chair's CHAIRED and SPOKE_AT to the same meeting
apart instead of merging them. Characters XML 1.0 cannot hold become U+FFFD.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from vnkg.graph.model import edge_key
from vnkg.viz.style import display_name

MODEL_LABEL = "vnkg_label"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GEXF_NS = "http://gexf.net/1.3"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_GRAPHML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
_GEXF_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def file_graph(view_graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The view as the files hold it (see the module doc); values are left as they are.

    >>> g = nx.MultiDiGraph(); g.add_node("p", label="Person", name="Lò Văn Ân")
    >>> _ = g.add_edge("p", "p", key="KNOWS", type="KNOWS")
    >>> f = file_graph(g); f.nodes["p"], list(f.edges(keys=True))
    ({'label': 'Lò Văn Ân', 'vnkg_label': 'Person', 'name': 'Lò Văn Ân'}, [('p', 'p', 'p KNOWS p')])
    """
    out = nx.MultiDiGraph(**view_graph.graph)
    for node, data in view_graph.nodes(data=True):
        attrs = {k: v for k, v in data.items() if k not in ("label", MODEL_LABEL)}
        attrs = {"label": display_name(node, data), MODEL_LABEL: data.get("label"), **attrs}
        out.add_node(node, **{k: v for k, v in attrs.items() if v is not None})
    for u, v, key, data in view_graph.edges(keys=True, data=True):
        kind = str(data.get("type", key))
        out.add_edge(u, v, key=edge_key((str(u), kind, str(v))), **{**data, "type": kind})
    return out


def node_link(view_graph: nx.MultiDiGraph) -> dict[str, Any]:
    """Node-link JSON (`nodes`, `links`: what d3 and networkx read), values kept whole.

    >>> g = nx.MultiDiGraph(); _ = g.add_edge("a", "b", key="PART_OF", type="PART_OF")
    >>> node_link(g)["links"][0]["key"]
    'a PART_OF b'
    """
    return dict(nx.node_link_data(file_graph(view_graph), edges="links"))


def write_graphml(view_graph: nx.MultiDiGraph, path: Path) -> Path:
    """Write the view as GraphML: keys typed per domain, unique edge ids, Gephi's edge kind."""
    flat = flatten(file_graph(view_graph))
    root = ET.Element("graphml", {"xmlns": GRAPHML_NS, "xmlns:xsi": XSI_NS, "xsi:schemaLocation":
                                  f"{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd"})
    domains = {"graph": [flat.graph], "node": [d for _, d in flat.nodes(data=True)],
               "edge": [d for *_, d in flat.edges(data=True)]}
    ids: dict[str, dict[str, str]] = {}
    for domain, rows in domains.items():
        ids[domain] = {}
        for name, kind in _columns(rows).items():
            key_id = f"{domain[0]}{len(ids[domain])}"
            ids[domain][name] = key_id
            ET.SubElement(root, "key", {"id": key_id, "for": domain, "attr.name": _xml(name),
                                        "attr.type": _GRAPHML_TYPES[kind]})
    graph = ET.SubElement(root, "graph", {"id": "G", "edgedefault": "directed"})
    _graphml_data(graph, flat.graph, ids["graph"])
    for node, data in flat.nodes(data=True):
        _graphml_data(ET.SubElement(graph, "node", {"id": _xml(node)}), data, ids["node"])
    for u, v, key, data in flat.edges(keys=True, data=True):
        edge = ET.SubElement(graph, "edge", {"id": _xml(key), "source": _xml(u),
                                             "target": _xml(v), "label": _xml(data["type"])})
        _graphml_data(edge, data, ids["edge"])
    return _write_xml(root, path)


def write_gexf(view_graph: nx.MultiDiGraph, path: Path) -> Path:
    """Write the view as GEXF 1.3: `label` the name, edges with `kind` and `label` the type."""
    flat = flatten(file_graph(view_graph))
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "xmlns:xsi": XSI_NS, "version": "1.3",
                               "xsi:schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "vnkg"
    if "title" in flat.graph:
        ET.SubElement(meta, "description").text = _xml(flat.graph["title"])
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "static"})
    rows = {"node": [d for _, d in flat.nodes(data=True)],
            "edge": [d for *_, d in flat.edges(data=True)]}
    weighted = _columns(rows["edge"]).get("weight") in (int, float)
    reserved = {"node": {"label"}, "edge": {"type", "weight"} if weighted else {"type"}}
    ids: dict[str, dict[str, str]] = {}
    for domain, items in rows.items():
        columns = {k: t for k, t in _columns(items).items() if k not in reserved[domain]}
        ids[domain] = {name: str(i) for i, name in enumerate(columns)}
        declared = ET.SubElement(graph, "attributes", {"class": domain, "mode": "static"})
        for name, kind in columns.items():
            ET.SubElement(declared, "attribute", {"id": ids[domain][name], "title": _xml(name),
                                                  "type": _GEXF_TYPES[kind]})
    nodes = ET.SubElement(graph, "nodes")
    for node, data in flat.nodes(data=True):
        element = ET.SubElement(nodes, "node", {"id": _xml(node), "label": _xml(data["label"])})
        _gexf_values(element, data, ids["node"])
    edges = ET.SubElement(graph, "edges")
    for u, v, key, data in flat.edges(keys=True, data=True):
        attrs = {"id": _xml(key), "source": _xml(u), "target": _xml(v),
                 "kind": _xml(data["type"]), "label": _xml(data["type"])}
        if weighted and "weight" in data:
            attrs["weight"] = repr(float(data["weight"]))
        _gexf_values(ET.SubElement(edges, "edge", attrs), data, ids["edge"])
    return _write_xml(root, path)


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


def _columns(rows: Iterable[dict[str, Any]]) -> dict[str, type]:
    """Each attribute name, in first-seen order, with its one type (after `_unify`)."""
    columns: dict[str, type] = {}
    for row in rows:
        for name, value in row.items():
            columns.setdefault(name, type(value))
    return columns


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _xml(repr(value) if isinstance(value, float) else value)


def _xml(value: Any) -> str:
    """Text XML 1.0 can carry: control characters and lone surrogates become U+FFFD."""
    return _NOT_XML.sub("\ufffd", str(value))


def _graphml_data(element: ET.Element, data: dict[str, Any], ids: dict[str, str]) -> None:
    for name, value in data.items():
        ET.SubElement(element, "data", {"key": ids[name]}).text = _text(value)


def _gexf_values(element: ET.Element, data: dict[str, Any], ids: dict[str, str]) -> None:
    values = [(ids[k], v) for k, v in data.items() if k in ids]
    if values:
        holder = ET.SubElement(element, "attvalues")
        for key_id, value in values:
            ET.SubElement(holder, "attvalue", {"for": key_id, "value": _text(value)})


def _write_xml(root: ET.Element, path: Path) -> Path:
    ET.indent(root, space=" ")
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return path


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
