"""Write a view as one self-contained HTML page that works with the network unplugged.

The vis-network library that pyvis bundles (JS and CSS) is inlined into the page, with our
own small page script instead of pyvis's template (which loads Bootstrap and tom-select from
a CDN and puts raw HTML in tooltips). Data goes in a JSON script block with `<`, `>` and `&`
escaped, so no article text can close the script or open a tag; the page script writes text
with `textContent` only, and a Content-Security-Policy forbids every network fetch.
"""

from __future__ import annotations

import html
import json
from functools import cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from string import Template

import networkx as nx

from vnkg.viz.pagedata import page_data

VIS_VERSION = "vis-9.1.2"
_JSON_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                 ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def write_html(view_graph: nx.MultiDiGraph, path: str | Path,
               title: str | None = None) -> Path:
    """Write the view as an offline HTML page; return its path.

    `title` defaults to the view's own (`view_graph.graph["title"]`).

    >>> import tempfile; g = nx.MultiDiGraph(); g.add_node("p", label="Person", name="Lê Văn An")
    >>> out = write_html(g, Path(tempfile.mkdtemp()) / "v.html", title="Thử")
    >>> "https://" in out.read_text(encoding="utf-8").split("<script>")[0]
    False
    """
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_html(view_graph, title), encoding="utf-8")
    return out


def render_html(view_graph: nx.MultiDiGraph, title: str | None = None) -> str:
    """The HTML text of the page (see `write_html`)."""
    heading = title or str(view_graph.graph.get("title") or "vnkg")
    summary = f"{view_graph.number_of_nodes()} nút · {view_graph.number_of_edges()} cạnh"
    return _asset("page.html").substitute(
        title=html.escape(heading), summary=html.escape(summary),
        data=script_json(page_data(view_graph)),
        vis_css=_vis("vis-network.css"), vis_js=_vis("vis-network.min.js"),
        page_css=_asset_text("page.css"), page_js=_asset_text("page.js"),
    )


def script_json(value: object) -> str:
    """JSON safe inside a `<script>` element: no `</script>`, `<!--` or line separators.

    >>> script_json({"name": "</script><img src=x>"})
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003cimg src=x\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    for raw, escaped in _JSON_ESCAPES:  # str.replace: fast on a page of many megabytes
        text = text.replace(raw, escaped)
    return text


@cache
def _asset_text(name: str) -> str:
    return resources.files("vnkg.viz").joinpath("assets", name).read_text(encoding="utf-8")


def _asset(name: str) -> Template:
    return Template(_asset_text(name))


@cache
def _vis(name: str) -> str:
    """A vis-network file, as pyvis ships it (viz/assets holds only our page files), found
    without importing pyvis, which imports IPython and jinja2 (a fifth of a second)."""
    spec = find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("pyvis, which ships vis-network, is not installed")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return (folder / "lib" / VIS_VERSION / name).read_text(encoding="utf-8")
