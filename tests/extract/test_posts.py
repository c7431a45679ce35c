"""Posts after photo notes, from elections and 'lần lượt' lists, and glued without a separator
(invented people)."""

from __future__ import annotations

from tests.extract.helpers import people, posts, record, roles


def test_photo_position_note_between_name_and_posts_pos4() -> None:
    rec = record("Trung tướng Giáp Văn Trọng (thứ hai từ trái) - Phó Tư lệnh Quân khu 1 phát "
                 "biểu tại buổi làm việc.")
    assert posts(rec, "Giáp Văn Trọng") == ["Phó Tư lệnh Quân khu 1"]
    rec = record("Sáng 2/3, Đại tá Lê Văn An (đứng) phát biểu tại hội nghị.")
    assert ("Lê Văn An", "SPOKE_AT") in roles(rec)
    rec = record("Đại tá Lê Văn An (Hà Giang) - Chính ủy Bộ CHQS tỉnh phát biểu.")
    assert posts(rec, "Lê Văn An") == []


def test_elected_and_respectively_pos5() -> None:
    rec = record("Hai ông Kiều Văn Phong và Giáp Văn Trọng lần lượt giữ chức Chủ tịch và Phó Chủ "
                 "tịch HĐND huyện. Ông Hứa Văn Đạt được bầu làm Chủ tịch UBND huyện.")
    assert posts(rec, "Kiều Văn Phong") == ["Chủ tịch HĐND huyện"]
    assert posts(rec, "Giáp Văn Trọng") == ["Phó Chủ tịch HĐND huyện"]
    assert posts(rec, "Hứa Văn Đạt") == ["Chủ tịch UBND huyện"]
    rec = record("Các ông Lê Văn Hải, Trần Văn Tú lần lượt được bầu giữ chức Bí thư Đảng ủy xã, "
                 "Phó Bí thư Đảng ủy xã nhiệm kỳ 2025-2030.")
    assert posts(rec, "Lê Văn Hải") == ["Bí thư Đảng ủy xã"]
    assert posts(rec, "Trần Văn Tú") == ["Phó Bí thư Đảng ủy xã"]


def test_a_count_mismatch_assigns_nothing() -> None:
    rec = record("Hai ông Kiều Văn Phong và Giáp Văn Trọng lần lượt là Chủ tịch UBND huyện.")
    assert posts(rec, "Kiều Văn Phong") == []


def test_two_posts_without_a_separator_pos8() -> None:
    rec = record("Ông Mạc Văn Tài trưởng Công an xã phó Chỉ huy trưởng Ban CHQS xã báo cáo tình "
                 "hình. Bà Lê Thị Hoa Bí thư Đảng ủy xã Chủ tịch HĐND xã phát biểu.")
    assert posts(rec, "Mạc Văn Tài") == ["trưởng Công an xã", "phó Chỉ huy trưởng Ban CHQS xã"]
    assert posts(rec, "Lê Thị Hoa") == ["Bí thư Đảng ủy xã", "Chủ tịch HĐND xã"]
    rec = record("Đồng chí Lều Văn Hưng, Bí thư Đảng ủy, tỉnh ủy viên phát biểu.")
    assert posts(rec, "Lều Văn Hưng") == ["Bí thư Đảng ủy", "tỉnh ủy viên"]
    assert people(rec)["Lều Văn Hưng"]["positions"][1]["role"] == "Tỉnh ủy viên"


def test_more_institutional_heads() -> None:
    rec = record("Dự có ông Lê Văn Tư, Tổng Giám đốc Tổng công ty Sông Đà; Thượng úy Lò Văn Năm, "
                 "Đội trưởng Đội Cảnh sát giao thông.")
    assert posts(rec, "Lê Văn Tư") == ["Tổng Giám đốc Tổng công ty Sông Đà"]
    assert posts(rec, "Lò Văn Năm") == ["Đội trưởng Đội Cảnh sát giao thông"]


def test_photo_note_after_the_posts_and_more_closing_verbs() -> None:
    rec = record("Trung tá Vi Văn Bảy, Chỉ huy trưởng Ban CHQS huyện (bìa phải) phát biểu tại "
                 "hội nghị. Thượng tá Nông Văn Chín – Chính trị viên Ban CHQS huyện thông qua "
                 "kế hoạch.")
    assert posts(rec, "Vi Văn Bảy") == ["Chỉ huy trưởng Ban CHQS huyện"]
    assert ("Vi Văn Bảy", "SPOKE_AT") in roles(rec)
    assert posts(rec, "Nông Văn Chín") == ["Chính trị viên Ban CHQS huyện"]


def test_plural_header_shared_by_the_names_after_it() -> None:
    rec = record("Dự hội nghị có các Phó Chủ tịch UBND huyện Lê Văn Một và Trần Văn Hai. Dự có hai "
                 "Phó Chủ tịch UBND tỉnh là ông Lò Văn Ba và ông Vi Văn Tư.")
    for name in ("Lê Văn Một", "Trần Văn Hai"):
        assert posts(rec, name) == ["Phó Chủ tịch UBND huyện"]
    for name in ("Lò Văn Ba", "Vi Văn Tư"):
        assert posts(rec, name) == ["Phó Chủ tịch UBND tỉnh"]
    rec = record("Dự có các đồng chí Phó Bí thư Tỉnh ủy Quách Văn Thiện, Trưởng Ban Tuyên giáo "
                 "Tỉnh ủy Ninh Thị Bảo.")
    assert posts(rec, "Quách Văn Thiện") == ["Phó Bí thư Tỉnh ủy"]
    assert posts(rec, "Ninh Thị Bảo") == ["Trưởng Ban Tuyên giáo Tỉnh ủy"]


def test_join_word_before_the_next_persons_post_is_dropped() -> None:
    rec = record("Dự có ông Lê Văn Một, Chủ tịch UBND huyện và Phó Chủ tịch HĐND huyện Trần Văn "
                 "Hai.")
    assert posts(rec, "Lê Văn Một") == ["Chủ tịch UBND huyện"]
    assert posts(rec, "Trần Văn Hai") == ["Phó Chủ tịch HĐND huyện"]


def test_election_shares_a_post_with_a_bare_name_list_but_appointment_does_not() -> None:
    rec = record("Đại hội đã bầu đồng chí Lê Văn Một giữ chức Bí thư Đảng ủy xã; đồng chí Trần Văn "
                 "Hai, Phạm Thị Ba giữ chức Phó Bí thư Đảng ủy xã.")
    assert posts(rec, "Lê Văn Một") == ["Bí thư Đảng ủy xã"]
    assert posts(rec, "Trần Văn Hai") == ["Phó Bí thư Đảng ủy xã"]
    assert posts(rec, "Phạm Thị Ba") == ["Phó Bí thư Đảng ủy xã"]
    rec = record("Bộ Quốc phòng bổ nhiệm Đại tá Lê Văn Một giữ chức Chính ủy Sư đoàn 3.")
    assert posts(rec, "Lê Văn Một") == []


def test_post_stated_with_la() -> None:
    rec = record("Ông Lê Văn Năm là Chủ tịch UBND xã cho biết năm nay xã hoàn thành chỉ tiêu.")
    assert posts(rec, "Lê Văn Năm") == ["Chủ tịch UBND xã"]


def test_age_note_between_name_and_posts() -> None:
    rec = record("Ông Lò Văn Một (57 tuổi), Trưởng thôn Nà Pá cho biết thôn có 80 hộ.")
    assert posts(rec, "Lò Văn Một") == ["Trưởng thôn Nà Pá"]
