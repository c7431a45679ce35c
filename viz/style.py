"""The one style table of every view: colour and shape by node label, look of edge types.

The legend, the HTML page and the exports all read these tables, so a label looks the
same everywhere. Labels, relations and property captions come from the schema
(graph/schema.toml); only what views derive themselves (CO_ATTENDED, the legend glyphs,
tooltip attributes that are not model properties) is declared here.
"""

from __future__ import annotations

from dataclasses import dataclass

from vnkg.graph.schema import SCHEMA, NodeStyle


@dataclass(frozen=True)
class LabelStyle:
    """How nodes of one label are drawn: a vis-network shape and colour, and a legend caption.

    >>> STYLE["Person"].shape
    'dot'
    """

    color: str
    shape: str
    caption: str


def _style(style: NodeStyle) -> LabelStyle:
    return LabelStyle(style.color, style.shape, style.legend)


STYLE: dict[str, LabelStyle] = {name: _style(lab.style) for name, lab in SCHEMA.labels.items()}
# label -> the property a node shows as its caption (its name, unless the schema says)
CAPTION_PROP: dict[str, str] = {name: lab.caption for name, lab in SCHEMA.labels.items()}
FALLBACK = _style(SCHEMA.fallback)


def display_name(node: object, data: dict[str, object]) -> str:
    """The text a node is shown by, on the page and in graph files: a view's `caption`, else
    the schema's caption property for its label (`name` by default), else its id.

    >>> display_name("p", {"label": "Person", "name": "Lò Thị Hoa"}), display_name("x", {})
    ('Lò Thị Hoa', 'x')
    """
    value = data.get("caption") or data.get(CAPTION_PROP.get(str(data.get("label")), "name"))
    if isinstance(value, list | tuple | set):
        value = "; ".join(str(v) for v in value)
    return str(value or node)

GAP = _style(SCHEMA.gap)
# legend glyph of each shape (vis-network shapes that scale with `size`)
GLYPHS = {"dot": "●", "star": "★", "diamond": "◆", "square": "■", "triangle": "▲",
          "triangleDown": "▼", "hexagon": "⬢"}

# edges that views derive (not model relations): type -> (colour, dashed), caption
DERIVED_STYLE: dict[str, tuple[str, bool]] = {"CO_ATTENDED": ("#d9534f", False)}
DERIVED_CAPTION = {"CO_ATTENDED": "cùng dự"}

# edge type -> (colour, dashed); a relation without a style of its own gets EDGE_DEFAULT
EDGE_STYLE: dict[str, tuple[str, bool]] = {
    **{name: (rel.style.color, rel.style.dashed)
       for name, rel in SCHEMA.relations.items() if rel.style is not None},
    **DERIVED_STYLE,
}
EDGE_DEFAULT = (SCHEMA.edge.color, SCHEMA.edge.dashed)
# edge type -> line width; others get EDGE_WIDTH_DEFAULT (CO_ATTENDED grows with its weight)
EDGE_WIDTH: dict[str, float] = {name: rel.style.width for name, rel in SCHEMA.relations.items()
                                if rel.style is not None and rel.style.width is not None}
EDGE_WIDTH_DEFAULT: float = SCHEMA.edge.width or 1.2
NODE_SIZE = SCHEMA.size
EDGE_CAPTION = {**{name: rel.caption for name, rel in SCHEMA.relations.items()},
                **DERIVED_CAPTION}
UNDIRECTED = frozenset({"CO_ATTENDED"})
# tooltip captions: model properties from the schema, then attributes views derive;
# others show under their own name
PROP_CAPTION = {
    **{name: prop.caption for name, prop in SCHEMA.properties.items() if prop.caption},
    "qualifier": "vai trò", "weight": "số sự kiện chung", "meetings": "sự kiện",
}


def label_style(label: str | None) -> LabelStyle:
    """The style of a node label, a neutral one for labels outside the model.

    >>> label_style("Decree").shape
    'hexagon'
    """
    return STYLE.get(label or "", FALLBACK)


def edge_style(edge_type: str | None) -> tuple[str, bool]:
    """(colour, dashed) for an edge type.

    >>> edge_style("PART_OF")
    ('#9aa5a6', True)
    """
    return EDGE_STYLE.get(edge_type or "", EDGE_DEFAULT)
