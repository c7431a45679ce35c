"""Authors: credit labels and closing byline lines."""

from __future__ import annotations

from tests.extract.helpers import record, roles


def test_credits_and_closing_lines() -> None:
    rec = record("Sáng 2/3, hội nghị diễn ra. Ảnh: Quang Khải\nTin, ảnh: H'Dơk - Y Bhim\n\n"
                 "THANH TÂM")
    r = roles(rec)
    assert {("Quang Khải", "AUTHORED"), ("H'Dơk", "AUTHORED"), ("Y Bhim", "AUTHORED"),
            ("THANH TÂM", "AUTHORED")} <= r
    assert all(x["target"] == "t" for x in rec["relations"] if x["type"] == "AUTHORED")


def test_not_authors() -> None:
    rec = record("Hội nghị diễn ra.\nBAN BIÊN TẬP\nNguồn: VP HĐND & UBND xã\nĐăng nhập")
    assert not [x for x in rec["relations"] if x["type"] == "AUTHORED"]


def test_byline_before_an_outlet_or_a_date_line() -> None:
    rec = record("Tiêu đề bài\nKim Oanh\n12/03/2024 08:15\nNội dung bài viết.\n\nMinh Hà Đài "
                 "TT-TH huyện")
    authors = {x for x, t in roles(rec) if t == "AUTHORED"}
    assert authors == {"Kim Oanh", "Minh Hà"}


def test_outlet_after_a_credit_is_not_a_person() -> None:
    rec = record("Đại tá Lù Văn Sì phát biểu. Ảnh: Thành Nam - Báo Lai Châu")
    assert {x for x, t in roles(rec) if t == "AUTHORED"} == {"Thành Nam"}


def test_two_names_on_a_closing_line_but_not_a_headline() -> None:
    rec = record("Nội dung bài.\nQuang Hưng - Thu Hà")
    assert {x for x, t in roles(rec) if t == "AUTHORED"} == {"Quang Hưng", "Thu Hà"}
    rec = record("MƯỜNG TÈ – HỘI NGHỊ TỔNG KẾT NĂM 2024\nNội dung bài.")
    assert not [x for x in rec["relations"] if x["type"] == "AUTHORED"]
