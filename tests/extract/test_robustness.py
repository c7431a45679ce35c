"""Odd inputs never break the engine: records stay schema-valid and spans slice to names."""

from __future__ import annotations

from typing import Any

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from vnkg.extraction import extract_record
from vnkg.extraction.document import Document

PIECES = ["Đồng chí", "Đại tá", "Nguyễn Văn Tâm", "Lò Thị Hoa", "-", ",", ";", ":", "(", ")",
          "Chủ tịch UBND tỉnh", "Bí thư", "chủ trì", "dự", "phát biểu", "hội nghị", "Sáng 31/2",
          "ngày 1/12/2023", "Nghị định số", "21/2019/NĐ-CP", "huyện", "Mường Tè", "TP.", "\n",
          "Ảnh:", "“", "”", "năm 2024", "các đồng chí:", "và", ".", "xã", "Quận 1", "28-NQ/TƯ"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.sampled_from([" ", "", ", "]))
def test_any_mix_of_genre_pieces(pieces: list[str], sep: str) -> None:
    text = sep.join(pieces)
    rec = extract_record(Document(id="f", text=text))
    for p in rec["persons"]:
        for m in p["mentions"]:
            assert text[m["start"]:m["end"]] == p["name"]
    for r in rec["relations"]:
        assert 0 <= r["evidence"]["start"] <= r["evidence"]["end"] <= len(text)


def test_empty_and_blank_texts_are_valid_records(schema: dict[str, Any]) -> None:
    for text in ["", "   ", "\n\n", "Đồng chí", "Nghị định số", "“" * 30]:
        jsonschema.validate(extract_record(Document(id="e", text=text)), schema)
