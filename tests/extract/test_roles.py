"""Chair, attend and speak cues before and after the names (invented people)."""

from __future__ import annotations

from tests.extract.helpers import record, roles


def test_lead_attendance_and_trailing_chair() -> None:
    rec = record("Dự hội nghị có đồng chí Sầm Văn Tỏ, Phó Bí thư Huyện ủy; đồng chí Phạm Thị "
                 "Nhài, Phó Chủ tịch UBND huyện chủ trì hội nghị.")
    r = roles(rec)
    assert ("Sầm Văn Tỏ", "ATTENDED") in r
    assert ("Phạm Thị Nhài", "CHAIRED") in r
    assert ("Phạm Thị Nhài", "ATTENDED") not in r


def test_trailing_cue_covers_a_list_without_lead() -> None:
    rec = record("Các đồng chí: Lục Văn Hoan, Bí thư Đảng ủy xã; Đinh Thị Na, Chủ tịch UBND xã "
                 "đồng chủ trì hội nghị.")
    assert {("Lục Văn Hoan", "CHAIRED"), ("Đinh Thị Na", "CHAIRED")} <= roles(rec)


def test_closing_cue_after_a_list() -> None:
    rec = record("Ông Vi Đức Sáng - Chủ tịch UBND phường; ông Hà Văn Thiện - Trưởng Công an "
                 "phường cùng lãnh đạo các ban, ngành đã tham dự.")
    assert {("Vi Đức Sáng", "ATTENDED"), ("Hà Văn Thiện", "ATTENDED")} <= roles(rec)


def test_speeches_and_quotes() -> None:
    rec = record("Phát biểu chỉ đạo hội nghị, Đại tá Ma Văn Thắm, Chính ủy Bộ CHQS tỉnh đề nghị "
                 "các địa phương làm tốt. Đồng chí Lâm Thị Phương, Phó Chủ tịch UBND huyện trình "
                 "bày tham luận. Trung tá Bế Văn Hào, Chỉ huy trưởng Ban CHQS huyện cho biết: "
                 "“Toàn huyện đã hoàn thành chỉ tiêu giao quân năm nay”.")
    r = roles(rec)
    assert {("Ma Văn Thắm", "SPOKE_AT"), ("Lâm Thị Phương", "SPOKE_AT"),
            ("Bế Văn Hào", "SPOKE_AT")} <= r
    qualifiers = {x["qualifier"] for x in rec["relations"]}
    assert "phát biểu chỉ đạo" in qualifiers and "tham luận" in qualifiers


def test_draft_is_not_attendance() -> None:
    rec = record("Hội nghị thông qua dự thảo kế hoạch. Đại tá Nịnh Văn Lìu, Chính ủy Bộ CHQS "
                 "tỉnh dự và chủ trì.")
    r = roles(rec)
    assert ("Nịnh Văn Lìu", "ATTENDED") in r and ("Nịnh Văn Lìu", "CHAIRED") in r


def test_evidence_spans_cover_the_statement() -> None:
    text = "Sáng 3/4, Thượng tá Hứa Văn Lộc - Chính ủy Ban CHQS huyện chủ trì hội nghị."
    rec = record(text)
    ev = rec["relations"][0]["evidence"]
    assert "Hứa Văn Lộc" in text[ev["start"]:ev["end"]]
    assert "chủ trì" in text[ev["start"]:ev["end"]]
    assert 0 < rec["relations"][0]["confidence"] <= 1


def test_compound_words_are_not_cues() -> None:
    rec = record("Hội nghị vinh dự được đón đồng chí Lò Văn Puốn, Phó Chủ tịch UBND tỉnh. Đại tá "
                 "Lò Văn Tám, Chính ủy BĐBP tỉnh Trà Vinh chủ trì.")
    assert roles(rec) == {("Lò Văn Tám", "CHAIRED")}
