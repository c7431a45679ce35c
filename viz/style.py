"""The one style table of every view: colour and shape by node label, look of edge types.

The legend, the HTML page and the exports all read these tables, so a label looks the
same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LabelStyle:
    """How nodes of one label are drawn: a vis-network shape and colour, and a legend caption.

    >>> STYLE["Person"].shape
    'dot'
    """

    color: str
    shape: str
    caption: str


STYLE: dict[str, LabelStyle] = {
    "Person": LabelStyle("#d9534f", "dot", "Người (Person)"),
    "Rank": LabelStyle("#f0ad4e", "star", "Cấp bậc (Rank)"),
    "Position": LabelStyle("#5bc0de", "diamond", "Chức vụ (Position)"),
    "Unit": LabelStyle("#337ab7", "square", "Đơn vị (Unit)"),
    "Locality": LabelStyle("#5cb85c", "triangle", "Địa phương (Locality)"),
    "Decree": LabelStyle("#8e44ad", "hexagon", "Văn bản (Decree)"),
    "Meeting": LabelStyle("#e67e22", "triangleDown", "Sự kiện (Meeting)"),
    "Article": LabelStyle("#7f8c8d", "dot", "Bài báo (Article)"),
}
FALLBACK = LabelStyle("#95a5a6", "dot", "Khác")
GAP = LabelStyle("#d5dbdb", "triangle", "Chưa ghi nhận hội nghị")
# legend glyph of each shape (vis-network shapes that scale with `size`)
GLYPHS = {"dot": "●", "star": "★", "diamond": "◆", "square": "■", "triangle": "▲",
          "triangleDown": "▼", "hexagon": "⬢"}

# edge type -> (colour, dashed); derived view edges (CO_ATTENDED) are styled here too
EDGE_STYLE: dict[str, tuple[str, bool]] = {
    "CHAIRED": ("#c0392b", False),
    "ATTENDED": ("#e59866", False),
    "SPOKE_AT": ("#d35400", False),
    "HAS_RANK": ("#f0ad4e", False),
    "HOLDS": ("#5bc0de", False),
    "IN_UNIT": ("#337ab7", False),
    "PART_OF": ("#9aa5a6", True),
    "BECAME": ("#16a085", True),
    "CO_ATTENDED": ("#d9534f", False),
}
EDGE_DEFAULT = ("#9aa5a6", False)
EDGE_CAPTION = {
    "HAS_RANK": "cấp bậc", "HOLDS": "giữ chức", "IN_UNIT": "thuộc", "LOCATED_IN": "đặt tại",
    "PART_OF": "thuộc", "BECAME": "trở thành", "CHAIRED": "chủ trì", "ATTENDED": "dự",
    "SPOKE_AT": "phát biểu", "HELD_IN": "tổ chức tại", "ORGANIZED_BY": "đơn vị tổ chức",
    "CONCERNS": "về", "ISSUED_BY": "ban hành bởi", "AUTHORED": "tác giả",
    "CO_ATTENDED": "cùng dự",
}
UNDIRECTED = frozenset({"CO_ATTENDED"})
# tooltip captions of common properties; others show under their own name
PROP_CAPTION = {
    "date": "ngày", "kind": "loại", "type": "cấp", "title": "tiêu đề", "number": "số hiệu",
    "rank": "cấp bậc", "code": "mã", "province": "tỉnh", "qualifier": "vai trò",
    "weight": "số sự kiện chung", "meetings": "sự kiện", "issuer": "cơ quan ban hành",
    "url": "địa chỉ", "published": "ngày đăng", "outlet": "báo",
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
