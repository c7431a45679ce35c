"""A meeting placed in a district the article does not name: the gazetteer's node."""

from __future__ import annotations

from vnkg.extraction import extract_record
from vnkg.extraction.document import Document
from vnkg.graph.resolve import to_fragment


def test_implied_district_becomes_the_meeting_place() -> None:
    text = ("Sáng 12/9/2023, Ban Chỉ đạo diễn tập huyện tổ chức hội nghị rút kinh nghiệm diễn "
            "tập. Trung đội dân quân cơ động xã Pa Vệ Sủ tham gia thực binh.")
    rec = extract_record(Document(id="t1", text=text))
    frag = to_fragment(rec, text)
    held = [e for e in frag.edges.values() if e.type == "HELD_IN"]
    assert len(held) == 1
    place = frag.nodes[held[0].target]
    assert place.label == "Locality" and place.props["name"] == "Mường Tè"
    assert place.props["type"] == "huyện"
