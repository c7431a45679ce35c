"""Export a view: HTML page, GraphML (yEd, Gephi, igraph), GEXF 1.3 (Gephi, graphology),
node-link JSON (d3, networkx), PNG. The graph files share one model: see `viz.graphfile`.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import networkx as nx

from vnkg.viz.chromium import Browser
from vnkg.viz.graphfile import node_link, write_gexf, write_graphml
from vnkg.viz.render import write_html

FORMATS = ("html", "graphml", "gexf", "json", "png")
SUFFIXES = {".html": "html", ".htm": "html", ".graphml": "graphml", ".gexf": "gexf",
            ".json": "json", ".png": "png"}


def write_view(view_graph: nx.MultiDiGraph, path: str | Path, fmt: str | None = None,
               title: str | None = None) -> Path:
    """Write a view in `fmt` (default: from the file suffix); return the path written.

    >>> import tempfile; g = nx.MultiDiGraph(); g.add_node("p", label="Person", name="Lò An")
    >>> out = write_view(g, Path(tempfile.mkdtemp()) / "v.graphml")
    >>> nx.read_graphml(out).nodes["p"]
    {'label': 'Lò An', 'vnkg_label': 'Person', 'name': 'Lò An'}
    """
    out = Path(path)
    kind = fmt or SUFFIXES.get(out.suffix.lower())
    if kind not in FORMATS:
        raise ValueError(f"cannot tell the format of {out.name!r}: give one of {FORMATS}")
    out.parent.mkdir(parents=True, exist_ok=True)
    if kind == "html":
        return write_html(view_graph, out, title=title)
    if kind == "graphml":
        write_graphml(view_graph, out)
    elif kind == "gexf":
        write_gexf(view_graph, out)
    elif kind == "json":
        out.write_text(json.dumps(node_link(view_graph), ensure_ascii=False, indent=1,
                                  default=str), encoding="utf-8")
    else:
        write_png(view_graph, out, title=title)
    return out


def write_png(view_graph: nx.MultiDiGraph, path: str | Path, title: str | None = None,
              width: int = 1600, height: int = 1000) -> Path:
    """Render the view's HTML page in headless Chromium and save a screenshot of it."""
    with tempfile.TemporaryDirectory(prefix="vnkg-png-") as tmp:
        page_file = write_html(view_graph, Path(tmp) / "view.html", title=title)
        with Browser(width=width, height=height) as browser:
            page = browser.page()
            page.open(page_file.resolve().as_uri(), timeout=300)
            return page.screenshot(path)
