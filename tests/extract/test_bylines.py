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


def _authors(text: str) -> set[str]:
    return {x for x, t in roles(record(text)) if t == "AUTHORED"}


def test_editor_and_picture_labels_are_credits() -> None:
    assert _authors("Hội nghị diễn ra.\nBiên tập: Mạc Duyên – Hình: Quách Thiện") == {
        "Mạc Duyên", "Quách Thiện"}
    assert _authors("Hội nghị diễn ra.\nBt: Lưu Hoà") == {"Lưu Hoà"}


def test_a_label_word_inside_a_sentence_is_no_credit() -> None:
    assert not _authors("Huyện xây dựng mô hình: Tổ Dân Phố An Toàn, hiệu quả cao.")


def test_outlet_acronym_before_a_slash_is_no_author() -> None:
    assert _authors("Đại tá Lò Văn Páo phát biểu. Ảnh: VTV/Minh Đức") == {"Minh Đức"}


def test_initial_and_surname_as_one_token_on_the_last_line() -> None:
    assert _authors("Sáng 2/3, hội nghị diễn ra.\nT.HÙNG") == {"T.HÙNG"}


def test_pen_name_starting_with_a_stopword_on_the_last_line() -> None:
    assert _authors("Sáng 2/3, hội nghị diễn ra.\nNội dung.\nCông Minh") == {"Công Minh"}


def test_page_furniture_in_capitals_is_no_byline() -> None:
    assert not _authors("Sáng 2/3, hội nghị diễn ra.\nDESIGNED BY WEBVN\nXEM TIẾP")


def test_the_first_line_of_a_short_text_is_a_label_not_a_byline() -> None:
    assert _authors("Phú Tân\nSáng 2/3, hội nghị diễn ra.\nMINH HÀ") == {"MINH HÀ"}
