"""Names, ranks, honorifics and posts as the genre writes them (invented people)."""

from __future__ import annotations

from tests.extract.helpers import people, posts, record


def test_honorific_rank_and_separators() -> None:
    rec = record("Đồng chí Đại tá Lương Văn Khiêm - Ủy viên Ban Thường vụ Tỉnh ủy, Chỉ huy "
                 "trưởng Bộ CHQS tỉnh chủ trì. Dự có đại tá Vàng A Dính– Chính ủy Bộ CHQS tỉnh; "
                 "ông Tòng Văn Pấng-Phó Chủ tịch UBND tỉnh.")
    p = people(rec)
    assert p["Lương Văn Khiêm"]["rank"] == "Đại tá"
    assert p["Lương Văn Khiêm"]["honorific"] == "đồng chí"
    assert p["Vàng A Dính"]["rank"] == "Đại tá"
    assert posts(rec, "Lương Văn Khiêm") == ["Ủy viên Ban Thường vụ Tỉnh ủy",
                                            "Chỉ huy trưởng Bộ CHQS tỉnh"]
    assert posts(rec, "Tòng Văn Pấng") == ["Phó Chủ tịch UBND tỉnh"]


def test_posts_before_the_name_and_no_separator() -> None:
    rec = record("Dự có Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Nông Quốc Tuấn. Bà Đèo Thị Lụa "
                 "Chủ tịch UBND xã Nà Nghịu phát biểu.")
    assert posts(rec, "Nông Quốc Tuấn") == ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"]
    assert posts(rec, "Đèo Thị Lụa") == ["Chủ tịch UBND xã Nà Nghịu"]


def test_commas_inside_organisations_and_kiem() -> None:
    rec = record("Đại tá Hầu A Lềnh – Chủ tịch Hội đồng thi đua, khen thưởng Ban CHQS huyện "
                 "Mường Tè dự. Thượng tá Mè Văn Sỹ - Phó Chỉ huy trưởng, kiêm Tham mưu trưởng Ban "
                 "CHQS huyện; Trung tá Lù Văn Hặc, Phó Chủ nhiệm Hậu cần – Kỹ thuật Bộ CHQS tỉnh.")
    assert posts(rec, "Hầu A Lềnh") == [
        "Chủ tịch Hội đồng thi đua, khen thưởng Ban CHQS huyện Mường Tè"]
    assert posts(rec, "Mè Văn Sỹ") == ["Phó Chỉ huy trưởng", "Tham mưu trưởng Ban CHQS huyện"]
    assert posts(rec, "Lù Văn Hặc") == ["Phó Chủ nhiệm Hậu cần – Kỹ thuật Bộ CHQS tỉnh"]


def test_lists_with_a_shared_post() -> None:
    rec = record("Cùng dự có các đồng chí Phó Chủ tịch UBND tỉnh: Hoàng Văn Chá; Lò Thị Pản và "
                 "Đại tá Cầm Bá Xôm - Chính ủy Bộ CHQS tỉnh.")
    assert posts(rec, "Hoàng Văn Chá") == ["Phó Chủ tịch UBND tỉnh"]
    assert posts(rec, "Lò Thị Pản") == ["Phó Chủ tịch UBND tỉnh"]
    assert posts(rec, "Cầm Bá Xôm") == ["Chính ủy Bộ CHQS tỉnh"]


def test_typos_capitals_and_academic_titles() -> None:
    rec = record("Thiếu tướng, PGS.TS Quàng Văn Bó, Chi huy trưởng Bộ CHQS tỉnh dự. Đồng chí "
                 "LƯỜNG THỊ MAI - bi thư Đảng ủy xã phát biểu.")
    p = people(rec)
    assert p["Quàng Văn Bó"]["rank"] == "Thiếu tướng"
    assert p["Quàng Văn Bó"]["positions"][0]["role"] == "Chỉ huy trưởng"
    assert p["LƯỜNG THỊ MAI"]["positions"][0]["title"] == "Bí thư Đảng ủy xã"


def test_places_and_organisations_are_not_people() -> None:
    rec = record("Sáng 2/3, UBND tỉnh Hà Giang và Đoàn Thanh niên huyện Mai Sơn tổ chức lễ ra "
                 "quân tại Hà Nội.")
    assert rec["persons"] == []


def test_implied_locality_is_filled_in_titles() -> None:
    rec = record("Sáng 4/5, UBND huyện Mường Nhé tổ chức hội nghị. Ông Giàng A Của, Chủ tịch "
                 "UBND huyện chủ trì.")
    pos = people(rec)["Giàng A Của"]["positions"][0]
    assert pos["surface"] == "Chủ tịch UBND huyện"
    assert pos["title"] == "Chủ tịch Ủy ban nhân dân huyện Mường Nhé"
    assert pos["unit"] in {u["id"] for u in rec["units"]}


def test_bracketed_and_former_posts() -> None:
    rec = record("Dự buổi lễ có ông Tòng Văn Đôi (Chủ tịch UBND xã Chiềng Pằn) và đồng chí Hoàng "
                 "Văn Lả, nguyên Chủ tịch UBND huyện Quỳnh Nhai.")
    assert posts(rec, "Tòng Văn Đôi") == ["Chủ tịch UBND xã Chiềng Pằn"]
    assert people(rec)["Hoàng Văn Lả"]["positions"][0]["role"] == "nguyên Chủ tịch"


def test_name_after_a_level_word_is_a_person_when_posts_say_so() -> None:
    rec = record("Phó Chủ tịch UBND tỉnh Lê Văn Sáu và Đại tá Trần Văn Bảy, Chỉ huy trưởng Bộ "
                 "CHQS tỉnh đồng chủ trì. Chủ tịch UBND huyện Lâm Hà phát biểu.")
    assert set(people(rec)) == {"Lê Văn Sáu", "Trần Văn Bảy"}


def test_list_headed_by_a_post_and_unit_words_are_not_names() -> None:
    rec = record("Dự có các Phó Chủ tịch UBND tỉnh: Lò Văn Pọm, Quàng Thị Én. Chị Hà Thu, Bí thư "
                 "tỉnh Đoàn Lai Châu, cho biết.")
    assert set(people(rec)) == {"Lò Văn Pọm", "Quàng Thị Én", "Hà Thu"}
    assert posts(rec, "Quàng Thị Én") == ["Phó Chủ tịch UBND tỉnh"]


def test_name_glued_after_a_place_name_once_known() -> None:
    rec = record("Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Tây Giang Bhling Mai chủ trì buổi lễ. "
                 "Phát biểu tại buổi lễ, ông Bhling Mai động viên các tân binh.")
    assert posts(rec, "Bhling Mai") == ["Phó Bí thư Huyện ủy", "Chủ tịch UBND huyện Tây Giang"]
    units = {u["name"] for u in rec["units"]}
    assert "Ủy ban nhân dân huyện Tây Giang" in units


def test_five_word_ethnic_names() -> None:
    rec = record("Dự hội nghị có ông Y Thanh Hà Niê Kđăm, Phó Chủ tịch UBND tỉnh.")
    assert set(people(rec)) == {"Y Thanh Hà Niê Kđăm"}


def test_committee_titles_take_the_article_place() -> None:
    rec = record("Sáng 2/3, UBND thành phố Lai Châu tổ chức hội nghị. Đồng chí Lò Văn Tám, Ủy "
                 "viên BTV Thành ủy, Phó Chủ tịch UBND thành phố chủ trì.")
    titles = [x["title"] for x in people(rec)["Lò Văn Tám"]["positions"]]
    assert titles == ["Ủy viên Ban Thường vụ Thành ủy Lai Châu",
                      "Phó Chủ tịch Ủy ban nhân dân thành phố Lai Châu"]


def test_spelled_out_academic_titles() -> None:
    rec = record("Dự có Thiếu tướng, Tiến sĩ Lò Văn Hòa, Phó Tư lệnh Quân khu 1; Thượng tá, Phó "
                 "Giáo sư, Tiến sĩ Cầm Văn Bình.")
    p = people(rec)
    assert set(p) == {"Lò Văn Hòa", "Cầm Văn Bình"}
    assert p["Lò Văn Hòa"]["rank"] == "Thiếu tướng" and p["Cầm Văn Bình"]["rank"] == "Thượng tá"


def test_list_of_post_first_entries_pos1() -> None:
    rec = record("Cùng dự lễ có Phó Bí thư Tỉnh ủy Quách Văn Thiện, Trưởng Ban Tuyên giáo Tỉnh ủy "
                 "Ninh Thị Bảo và Giám đốc Công an tỉnh Hứa Văn Đạt.")
    assert posts(rec, "Quách Văn Thiện") == ["Phó Bí thư Tỉnh ủy"]
    assert posts(rec, "Ninh Thị Bảo") == ["Trưởng Ban Tuyên giáo Tỉnh ủy"]
    assert posts(rec, "Hứa Văn Đạt") == ["Giám đốc Công an tỉnh"]
    rec = record("Dự có Chủ tịch UBND huyện Đinh Công Khải; Phó Chủ tịch HĐND huyện Lều Thị Mơ.")
    assert posts(rec, "Đinh Công Khải") == ["Chủ tịch UBND huyện"]
    assert posts(rec, "Lều Thị Mơ") == ["Phó Chủ tịch HĐND huyện"]


def test_posts_before_and_after_the_name_pos2() -> None:
    rec = record("Giám đốc Sở Nội vụ Tạ Minh Khuê, Phó Trưởng ban Chỉ đạo diễn tập tỉnh phát biểu "
                 "tại buổi tập huấn.")
    assert posts(rec, "Tạ Minh Khuê") == ["Giám đốc Sở Nội vụ",
                                         "Phó Trưởng ban Chỉ đạo diễn tập tỉnh"]
    rec = record("Chiều 3/4, Chủ tịch UBND huyện Mai Văn Lực – Chủ tịch Hội đồng NVQS huyện chủ "
                 "trì hội nghị.")
    assert posts(rec, "Mai Văn Lực") == ["Chủ tịch UBND huyện", "Chủ tịch Hội đồng NVQS huyện"]


def test_alternate_member_is_not_attendance_pos3() -> None:
    rec = record("Đồng chí Phùng Đức Lượng, Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng, Bí "
                 "thư Tỉnh ủy chủ trì hội nghị.")
    assert posts(rec, "Phùng Đức Lượng") == ["Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng",
                                            "Bí thư Tỉnh ủy"]


def test_post_ends_before_a_verb_or_a_clause_on_the_next_person_pos6() -> None:
    rec = record("Thượng tá Ninh Văn Lộc, Phó Chỉ huy trưởng Ban CHQS huyện điểm lại những kết "
                 "quả nổi bật của năm. Đại tá Lý Văn Nhàn, Chính ủy Bộ CHQS tỉnh ôn lại truyền "
                 "thống. Trung tá Đàm Văn Hợi, Chính trị viên Ban CHQS huyện đón tiếp đoàn.")
    assert posts(rec, "Ninh Văn Lộc") == ["Phó Chỉ huy trưởng Ban CHQS huyện"]
    assert posts(rec, "Lý Văn Nhàn") == ["Chính ủy Bộ CHQS tỉnh"]
    assert posts(rec, "Đàm Văn Hợi") == ["Chính trị viên Ban CHQS huyện"]
    rec = record("Bộ Quốc phòng quyết định nghỉ hưu đối với Đại tá Tô Văn Bền, Chính ủy Sư đoàn "
                 "9 và bổ nhiệm Đại tá Âu Văn Kế, Phó Chính ủy Sư đoàn 9 giữ chức Chính ủy.")
    assert posts(rec, "Tô Văn Bền") == ["Chính ủy Sư đoàn 9"]


def test_two_posts_with_the_same_head_are_both_kept_pos7() -> None:
    rec = record("Đồng chí Phùng Đức Lượng, Bí thư Huyện ủy, Bí thư Đảng ủy Quân sự huyện chủ trì "
                 "hội nghị.")
    assert posts(rec, "Phùng Đức Lượng") == ["Bí thư Huyện ủy", "Bí thư Đảng ủy Quân sự huyện"]
    rec = record("Đồng chí Lê Văn Một, Bí thư Đảng ủy xã, Bí thư Đảng ủy Quân sự xã chủ trì.")
    assert posts(rec, "Lê Văn Một") == ["Bí thư Đảng ủy xã", "Bí thư Đảng ủy Quân sự xã"]
    rec = record("Thủ tướng Lò Văn Cương dự. Ông Lò Văn Cương, Thủ tướng Chính phủ phát biểu.")
    assert posts(rec, "Lò Văn Cương") == ["Thủ tướng Chính phủ"]


def test_role_words_in_a_row_are_one_post() -> None:
    rec = record("Dự có Bí thư Thành ủy Khổng Văn Tư, Phó Bí thư Thường trực Thành ủy Lục Thị Nga.")
    assert posts(rec, "Khổng Văn Tư") == ["Bí thư Thành ủy"]
    assert posts(rec, "Lục Thị Nga") == ["Phó Bí thư Thường trực Thành ủy"]


def test_editorial_and_misspelt_post_heads_pos9_pos10() -> None:
    rec = record("Thiếu tướng Kiều Văn Phong, Tổng Biên tập Báo Biên phòng đồng chủ trì tọa đàm. "
                 "Dự có đồng chí Ninh Thị Bảo, Thương trực HĐND xã.")
    assert posts(rec, "Kiều Văn Phong") == ["Tổng Biên tập Báo Biên phòng"]
    assert people(rec)["Ninh Thị Bảo"]["positions"][0]["title"].startswith("Thường trực")
    rec = record("Thượng tá Lê Văn Một, Tham mưu truởng Ban CHQS huyện dự.")
    assert people(rec)["Lê Văn Một"]["positions"][0]["title"].startswith("Tham mưu trưởng")


def test_rank_before_honours_and_academic_titles_rnk1() -> None:
    rec = record("Bài viết của Trung tướng, Viện sĩ LẠC VĂN SỬ, nguyên Phó Giám đốc Học viện "
                 "Quốc phòng. Dự có Đại tá, Anh hùng LLVT nhân dân Hà Văn Khuê.")
    assert people(rec)["LẠC VĂN SỬ"]["rank"] == "Trung tướng"
    assert people(rec)["Hà Văn Khuê"]["rank"] == "Đại tá"


def test_place_closing_a_post_is_not_part_of_the_name_per1() -> None:
    rec = record("Tham dự lễ khởi công có Chủ tịch UBND tỉnh Cao Bằng Phùng Đức Lượng.")
    assert set(people(rec)) == {"Phùng Đức Lượng"}
    assert posts(rec, "Phùng Đức Lượng") == ["Chủ tịch UBND tỉnh Cao Bằng"]
    rec = record("Dự có Bí thư Huyện ủy Lâm Hà Lê Văn Khang và Phó Chủ tịch UBND tỉnh Hà Giang "
                 "Hoàng Văn Mai.")
    assert set(people(rec)) == {"Lê Văn Khang", "Hoàng Văn Mai"}
    assert posts(rec, "Hoàng Văn Mai") == ["Phó Chủ tịch UBND tỉnh Hà Giang"]


def test_bare_names_after_one_honorific_per2() -> None:
    rec = record("Tham gia đoàn có ông Kiều Văn Phong, Mạc Thị Duyên và Giáp Văn Trọng.")
    assert set(people(rec)) == {"Kiều Văn Phong", "Mạc Thị Duyên", "Giáp Văn Trọng"}
    rec = record("Dự có ông Lê Văn Hải, Hà Giang và Cao Bằng.")
    assert set(people(rec)) == {"Lê Văn Hải"}
    rec = record("Dự có ông Lê Văn Hải, Lâm Hà và Bảo Lâm.")
    assert set(people(rec)) == {"Lê Văn Hải"}


def test_long_foreign_name_after_a_rank_per3() -> None:
    rec = record("Đại tá Bun Mi Sổm Phăn Đa, Chính ủy Bộ CHQS tỉnh Luông Pha Băng phát biểu.")
    p = people(rec)["Bun Mi Sổm Phăn Đa"]
    assert p["rank"] == "Đại tá"
    assert posts(rec, "Bun Mi Sổm Phăn Đa") == ["Chính ủy Bộ CHQS tỉnh Luông Pha Băng"]


def test_given_name_spelling_a_document_kind_per4() -> None:
    rec = record("Về dự có đồng chí Vũ Công Văn, Trưởng Công an huyện. Ông Lê Văn Luật phát biểu.")
    assert posts(rec, "Vũ Công Văn") == ["Trưởng Công an huyện"]
    assert "Lê Văn Luật" in people(rec)
    rec = record("Đồng chí Công Văn Hải, Chủ tịch UBND xã phát biểu.")
    assert posts(rec, "Công Văn Hải") == ["Chủ tịch UBND xã"]
    rec = record("Đồng chí Lê Văn Tám Luật Nghĩa vụ quân sự quy định rõ.")
    assert "Lê Văn Tám Luật" not in people(rec)


def test_posts_written_before_a_rank_or_honorific() -> None:
    rec = record("Dự có Ủy viên Trung ương Đảng, Thứ trưởng Bộ Quốc phòng, Thượng tướng Lê Văn "
                 "Một; Phó Chủ tịch UBND tỉnh, đồng chí Trần Văn Hai.")
    assert posts(rec, "Lê Văn Một") == ["Ủy viên Trung ương Đảng", "Thứ trưởng Bộ Quốc phòng"]
    assert posts(rec, "Trần Văn Hai") == ["Phó Chủ tịch UBND tỉnh"]
    rec = record("Dự có Phó Chủ tịch UBND xã ông Lê Văn Bốn. Trưởng Công an huyện phân công đồng "
                 "chí Lê Văn Ba phụ trách. Quyết định của Bộ trưởng Bộ Công an về việc bổ nhiệm "
                 "thiếu tướng Lê Văn Năm.")
    assert posts(rec, "Lê Văn Bốn") == ["Phó Chủ tịch UBND xã"]
    assert posts(rec, "Lê Văn Ba") == []
    assert posts(rec, "Lê Văn Năm") == []
    rec = record("Dự buổi lễ có Thứ trưởng Bộ Quốc phòng – Thượng tướng Lê Văn Một.")
    assert posts(rec, "Lê Văn Một") == ["Thứ trưởng Bộ Quốc phòng"]
    rec = record("Đại tá Phạm Văn Ba, Chính ủy Bộ CHQS tỉnh, Đại tá Trần Văn Hai, Phó Chỉ huy "
                 "trưởng phát biểu.")
    assert posts(rec, "Phạm Văn Ba") == ["Chính ủy Bộ CHQS tỉnh"]
    assert posts(rec, "Trần Văn Hai") == ["Phó Chỉ huy trưởng"]


def test_post_ends_before_speech_verbs() -> None:
    rec = record("Đại tá Lý Văn Nhàn, Chính ủy Bộ CHQS tỉnh bày tỏ sự cảm ơn. Ông Đàm Văn Hợi, Chủ "
                 "tịch UBND xã kêu gọi bà con tham gia.")
    assert posts(rec, "Lý Văn Nhàn") == ["Chính ủy Bộ CHQS tỉnh"]
    assert posts(rec, "Đàm Văn Hợi") == ["Chủ tịch UBND xã"]



def test_posts_before_a_name_joined_by_kiem_or_a_dash() -> None:
    rec = record("Dự có Chỉ huy trưởng kiêm Chính ủy Ban CHQS huyện Lê Văn Một. Dự có Bí thư Huyện "
                 "ủy - Chủ tịch HĐND huyện Lê Văn Hai.")
    assert posts(rec, "Lê Văn Một") == ["Chỉ huy trưởng", "Chính ủy Ban CHQS huyện"]
    assert posts(rec, "Lê Văn Hai") == ["Bí thư Huyện ủy", "Chủ tịch HĐND huyện"]
    rec = record("Dự có Phó Bí thư Tỉnh ủy Lê Văn Ba – Trưởng Ban Dân vận Tỉnh ủy Lò Thị Tư.")
    assert posts(rec, "Lê Văn Ba") == ["Phó Bí thư Tỉnh ủy"]
    assert posts(rec, "Lò Thị Tư") == ["Trưởng Ban Dân vận Tỉnh ủy"]
