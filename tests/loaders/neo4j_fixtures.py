"""Invented fragments for the Neo4j loader tests (invented people, units and articles)."""

from __future__ import annotations

from vnkg.graph.model import Edge, Evidence, Fragment, Node

TEXT_A = "Đại tá Lò Văn Khiêm, Chỉ huy trưởng Bộ CHQS tỉnh Sơn Mai chủ trì hội nghị."
TEXT_B = "Thượng tá Lò Văn Khiêm dự buổi giao nhận quân tại huyện Đồi Thông."


def article(doc: str, published: str | None, title: str) -> Node:
    return Node(f"article/{doc}", "Article",
                {"name": title, "title": title, "published": published, "doc_id": doc})


def fragment_a(published: str = "2024-03-05") -> Fragment:
    """Article a1: a colonel chairs a conference of a provincial military command."""
    frag = Fragment("a1", published)
    frag.add_node(article("a1", published, "Hội nghị tổng kết công tác quốc phòng"))
    frag.add_node(Node("person/lo-van-khiem-1", "Person",
                       {"name": "Lò Văn Khiêm", "key": "lo van khiem"}))
    frag.add_node(Node("rank/dai-ta", "Rank", {"name": "Đại tá", "key": "dai ta"}))
    frag.add_node(Node("unit/bo-chqs-son-mai", "Unit", {"name": "Bộ CHQS tỉnh Sơn Mai"}))
    frag.add_node(Node("locality/son-mai", "Locality", {"name": "tỉnh Sơn Mai", "type": "tỉnh"}))
    frag.add_node(Node("meeting/a1-0", "Meeting",
                       {"name": "Hội nghị tổng kết", "date": published, "kind": "hội nghị"}))
    ev = Evidence("a1", 0, len(TEXT_A), TEXT_A)
    frag.add_edge(Edge("HAS_RANK", "person/lo-van-khiem-1", "rank/dai-ta", evidence=[ev]))
    frag.add_edge(Edge("CHAIRED", "person/lo-van-khiem-1", "meeting/a1-0", evidence=[ev]))
    frag.add_edge(Edge("LOCATED_IN", "unit/bo-chqs-son-mai", "locality/son-mai"))
    frag.add_edge(Edge("ORGANIZED_BY", "meeting/a1-0", "unit/bo-chqs-son-mai"))
    return frag


def fragment_b(published: str = "2023-02-10") -> Fragment:
    """Article b2, earlier: the same man, then a lieutenant colonel, at a ceremony."""
    frag = Fragment("b2", published)
    frag.add_node(article("b2", published, "Giao nhận quân năm 2023"))
    frag.add_node(Node("person/lo-van-khiem-1", "Person",
                       {"name": "Lò Văn Khiêm", "key": "lo van khiem"}))
    frag.add_node(Node("rank/thuong-ta", "Rank", {"name": "Thượng tá", "key": "thuong ta"}))
    frag.add_node(Node("locality/doi-thong", "Locality",
                       {"name": "huyện Đồi Thông", "type": "huyện"}))
    frag.add_node(Node("locality/son-mai", "Locality", {"name": "tỉnh Sơn Mai", "type": "tỉnh"}))
    frag.add_node(Node("meeting/b2-0", "Meeting",
                       {"name": "Lễ giao nhận quân", "date": published, "kind": "lễ"}))
    ev = Evidence("b2", 0, len(TEXT_B), TEXT_B)
    frag.add_edge(Edge("HAS_RANK", "person/lo-van-khiem-1", "rank/thuong-ta", evidence=[ev]))
    frag.add_edge(Edge("ATTENDED", "person/lo-van-khiem-1", "meeting/b2-0", evidence=[ev]))
    frag.add_edge(Edge("SPOKE_AT", "person/lo-van-khiem-1", "meeting/b2-0",
                       {"qualifier": "chỉ đạo"}, [ev]))
    frag.add_edge(Edge("HELD_IN", "meeting/b2-0", "locality/doi-thong"))
    frag.add_edge(Edge("PART_OF", "locality/doi-thong", "locality/son-mai"))
    return frag


def fragment_c(published: str = "2025-01-20") -> Fragment:
    """Article c3, later: the colonel again, with the same rank as in a1."""
    frag = Fragment("c3", published)
    frag.add_node(article("c3", published, "Diễn tập khu vực phòng thủ"))
    frag.add_node(Node("person/lo-van-khiem-1", "Person",
                       {"name": "Lò Văn Khiêm", "key": "lo van khiem"}))
    frag.add_node(Node("rank/dai-ta", "Rank", {"name": "Đại tá", "key": "dai ta"}))
    text = "Đại tá Lò Văn Khiêm phát biểu."
    frag.add_edge(Edge("HAS_RANK", "person/lo-van-khiem-1", "rank/dai-ta",
                       evidence=[Evidence("c3", 10, 10 + len(text), text)]))
    return frag
