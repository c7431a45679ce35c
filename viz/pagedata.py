"""What the HTML page draws: vis-network nodes, edges and options, tooltips and legend, as
plain JSON-able data. Text stays plain text here; the page puts it into the DOM with
`textContent` only, so article text can never become markup.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import networkx as nx

from vnkg.extraction.keys import fold, strip_marks
from vnkg.graph.model import LABELS
from vnkg.viz.style import (
    EDGE_CAPTION,
    EDGE_WIDTH,
    EDGE_WIDTH_DEFAULT,
    FALLBACK,
    GAP,
    GLYPHS,
    NODE_SIZE,
    PROP_CAPTION,
    STYLE,
    UNDIRECTED,
    display_name,
    edge_style,
    label_style,
)

LAYOUT_THRESHOLD = 2000   # above this many nodes: precomputed layout, physics off
SEED_THRESHOLD = 500      # above this many: physics starts from the precomputed layout
EDGE_LABEL_LIMIT = 400    # above this many edges: no edge captions (unreadable anyway)
MAX_TEXT = 400            # characters of one evidence sentence shown in a tooltip
# attributes shown in their own tooltip line, or only for drawing
NODE_HIDDEN = frozenset({"label", "name", "caption", "sources", "source_count", "x", "y",
                         "focus", "gap", "order", "key"})
EDGE_HIDDEN = frozenset({"type", "sources", "source_count", "evidence", "first_seen",
                         "last_seen"})

Json = dict[str, Any]


def page_data(view: nx.MultiDiGraph) -> Json:
    """Everything the page script needs, for `viz.render.write_html`.

    >>> g = nx.MultiDiGraph(); g.add_node("p", label="Person", name="Đinh Thị Hoà")
    >>> page_data(g)["nodes"][0]["label"]
    'Đinh Thị Hoà'
    """
    positions, physics = _positions(view)
    nodes = [_node(view, n, positions.get(n)) for n in view]
    edges, edge_tips = _edges(view)
    return {
        "nodes": nodes,
        "edges": edges,
        "tips": {**{f"n:{n}": node_tip(view, n) for n in view}, **edge_tips},
        "legend": _legend(view),
        "options": _options(view.number_of_nodes(), physics),
        "physics": physics,
        "timeline": view.graph.get("timeline") or [],
    }


def node_tip(view: nx.MultiDiGraph, node: str) -> list[list[str]]:
    """Tooltip lines [[key, value], ...] of a node: name, label, properties, sources, and the
    evidence of up to two of its relations."""
    data = view.nodes[node]
    lines = [["", _text(data.get("name", node))], ["nhãn", _text(data.get("label"))],
             ["id", str(node)]]
    if data.get("gap"):
        lines.append(["", "chưa ghi nhận hội nghị về văn bản này"])
    lines += [[PROP_CAPTION.get(k, k), _text(v)] for k, v in sorted(data.items())
              if k not in NODE_HIDDEN and v not in (None, "", [])]
    if data.get("sources"):
        lines.append(["nguồn", _text(data["sources"])])
    elif data.get("source_count"):
        lines.append(["nguồn", f"{data['source_count']} bài báo"])
    incident = list(view.in_edges(node, data=True)) + list(view.out_edges(node, data=True))
    evidence = [e for _, _, d in incident for e in d.get("evidence") or []]
    return lines + _evidence_lines(evidence[:2])


def edge_tip(data: dict[str, Any]) -> list[list[str]]:
    """Tooltip lines of an edge: type and qualifier, dates, properties, sources, evidence."""
    kind = str(data.get("type", ""))
    lines = [["", f"{EDGE_CAPTION.get(kind, kind)} ({kind})"]]
    if data.get("first_seen") or data.get("last_seen"):
        lines.append(["thời gian", _span(data)])
    lines += [[PROP_CAPTION.get(k, k), _text(v)] for k, v in sorted(data.items())
              if k not in EDGE_HIDDEN and v not in (None, "", [])]
    if data.get("sources"):
        lines.append(["nguồn", _text(data["sources"])])
    elif data.get("source_count"):
        lines.append(["nguồn", f"{data['source_count']} bài báo"])
    return lines + _evidence_lines((data.get("evidence") or [])[:5])


def _positions(view: nx.MultiDiGraph) -> tuple[dict[str, tuple[float, float]], bool]:
    """(positions, physics): the view's own layout is kept as is; big views get a
    precomputed one without physics; mid-size ones start physics from it, so a short
    stabilisation is enough."""
    n = view.number_of_nodes()
    given = {v: (float(d["x"]), float(d["y"])) for v, d in view.nodes(data=True)
             if isinstance(d.get("x"), int | float) and isinstance(d.get("y"), int | float)}
    if n and len(given) == n:
        return given, False
    if n <= SEED_THRESHOLD:
        return {}, True
    # numpy, which the layout needs, takes a fifth of a second to import: big views only
    from vnkg.viz.layout import fast_layout

    return fast_layout(view), n <= LAYOUT_THRESHOLD


def _node(view: nx.MultiDiGraph, node: str, pos: tuple[float, float] | None) -> Json:
    data = view.nodes[node]
    name = display_name(node, data)
    grow = min(NODE_SIZE.base + NODE_SIZE.per_degree * math.sqrt(view.degree(node)),
               NODE_SIZE.max)
    size = grow + (NODE_SIZE.focus if data.get("focus") else 0)
    out: Json = {"id": str(node), "label": name if len(name) <= 90 else name[:87] + "…",
                 "group": _group(data), "size": round(size, 1), "k": _search_key(name)}
    if pos is not None:
        out["x"], out["y"] = round(pos[0], 1), round(pos[1], 1)
    return out


def _edges(view: nx.MultiDiGraph) -> tuple[list[Json], dict[str, list[list[str]]]]:
    show_labels = view.number_of_edges() <= EDGE_LABEL_LIMIT
    big = view.number_of_nodes() > LAYOUT_THRESHOLD
    parallel: Counter[frozenset[str]] = Counter()
    edges, tips = [], {}
    for i, (u, v, key, data) in enumerate(view.edges(keys=True, data=True)):
        kind = str(data.get("type") or key)
        colour, dashed = edge_style(kind)
        rank = parallel[frozenset((u, v))]
        parallel[frozenset((u, v))] += 1
        edge: Json = {"id": f"e{i}", "from": str(u), "to": str(v), "color": colour,
                      "dashes": dashed, "width": _width(kind, data),
                      "arrows": "" if kind in UNDIRECTED else "to"}
        if show_labels:
            edge["label"] = _edge_caption(kind, data)
        if rank and not big:
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.2 * rank}
        edges.append(edge)
        tips[f"e:e{i}"] = edge_tip({"type": kind, **data})
    return edges, tips


def _width(kind: str, data: dict[str, Any]) -> float:
    if kind == "CO_ATTENDED":
        return round(min(1 + 1.5 * (int(data.get("weight", 1)) - 1), 14), 1)
    return EDGE_WIDTH.get(kind, EDGE_WIDTH_DEFAULT)


def _edge_caption(kind: str, data: dict[str, Any]) -> str:
    caption = EDGE_CAPTION.get(kind, kind.lower())
    if data.get("qualifier"):
        caption += f" ({_text(data['qualifier'])})"
    if kind == "CO_ATTENDED":
        caption += f" ×{data.get('weight', 1)}"
    elif kind in ("HAS_RANK", "HOLDS", "IN_UNIT") and data.get("first_seen"):
        caption += f" {_span(data)}"
    return caption


def _span(data: dict[str, Any]) -> str:
    first, last = data.get("first_seen"), data.get("last_seen")
    return str(first) if not last or last == first else f"{first or '?'} – {last}"


def _evidence_lines(evidence: list[Any]) -> list[list[str]]:
    lines = []
    for ev in evidence:
        if not isinstance(ev, dict):
            continue
        text = " ".join(str(ev.get("text", "")).split())
        text = text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"
        lines.append([f"dẫn chứng [{_text(ev.get('article'))}]", f"“{text}”"])
    return lines


def _group(data: dict[str, Any]) -> str:
    return "gap" if data.get("gap") else str(data.get("label", ""))


def _legend(view: nx.MultiDiGraph) -> list[Json]:
    counts = Counter(_group(d) for _, d in view.nodes(data=True))
    styles = {g: GAP if g == "gap" else label_style(g) for g in counts}
    return [{"group": g, "caption": styles[g].caption, "count": count,
             "color": styles[g].color, "glyph": GLYPHS.get(styles[g].shape, "●")}
            for g, count in sorted(counts.items(), key=lambda item: _order(item[0]))]


def _order(group: str) -> int:
    return LABELS.index(group) if group in LABELS else len(LABELS)


def _groups() -> Json:
    """vis-network groups: the style table, so nodes carry only their group."""
    groups: Json = {label: {"shape": style.shape, "color": style.color}
                    for label, style in STYLE.items()}
    groups[""] = {"shape": FALLBACK.shape, "color": FALLBACK.color}
    groups["gap"] = {"shape": GAP.shape, "color": GAP.color,
                     "shapeProperties": {"borderDashes": [4, 4]}}
    return groups


def _options(n: int, physics: bool) -> Json:
    big = n > LAYOUT_THRESHOLD
    options: Json = {
        "nodes": {"font": {"size": 14, "face": "DejaVu Sans, Arial, sans-serif"},
                  "borderWidth": 1, "scaling": {"label": {"drawThreshold": 6}}},
        "edges": {"smooth": False if big else {"enabled": True, "type": "continuous"},
                  "font": {"size": 10, "align": "middle", "color": "#555"},
                  "arrows": {"to": {"scaleFactor": 0.5}}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big, "navigationButtons": False},
        "layout": {"improvedLayout": n <= 150, "randomSeed": 7},
        "groups": _groups(),
    }
    if not big:  # wrapping measures every word of every label: too slow for big views
        options["nodes"]["widthConstraint"] = {"maximum": 220}
    if physics:
        options["physics"] = {
            "enabled": True, "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 150,
                                 "avoidOverlap": 0.3 if n <= 300 else 0.0},
            "stabilization": {"enabled": True, "iterations": _iterations(n),
                              "updateInterval": 25, "fit": True}}
    else:
        options["physics"] = {"enabled": False}
    return options


def _iterations(n: int) -> int:
    """Stabilisation steps: enough to untangle small views, few enough to be ready in
    seconds at the 2,000-node limit (each step costs O(n log n))."""
    return 400 if n <= 300 else 200 if n <= SEED_THRESHOLD else 60


def _text(value: Any) -> str:
    if isinstance(value, list | tuple | set):
        return "; ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _search_key(name: str) -> str:
    """What the page's search box compares (its own `fold` in assets: no diacritics, lower
    case, one space)."""
    return strip_marks(fold(name))
