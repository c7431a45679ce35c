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


# --- reported speech and report-like verbs (SPK-1, SPK-2) ---

def test_reported_speech_without_quotes() -> None:
    rec = record("Trung tá Kiều Văn Phong cho hay đơn vị đã hoàn thành 100% chỉ tiêu huấn luyện. "
                 "Theo Đại tá Hứa Văn Đạt, đợt diễn tập giúp các địa phương rút ra nhiều bài học. "
                 "Chị Hoàng Thị Mơ, Bí thư Huyện Đoàn, cho biết toàn huyện có 300 đoàn viên. "
                 "Ông Bế Văn Lục, Chủ tịch UBND xã còn cho rằng cần tăng cường tuyên truyền.")
    assert {("Kiều Văn Phong", "SPOKE_AT"), ("Hứa Văn Đạt", "SPOKE_AT"),
            ("Hoàng Thị Mơ", "SPOKE_AT"), ("Bế Văn Lục", "SPOKE_AT")} <= roles(rec)


def test_reported_speech_after_a_dateline_and_with_posts() -> None:
    rec = record("(TTX) - Theo đồng chí Lục Thị Nga, Phó Chủ tịch UBND tỉnh, công tác tuyển quân "
                 "năm nay bảo đảm đúng luật.")
    assert ("Lục Thị Nga", "SPOKE_AT") in roles(rec)


def test_following_a_directive_is_not_reported_speech() -> None:
    rec = record("Theo chỉ đạo của đồng chí Mai Văn Khôi, Chủ tịch UBND huyện, các xã rà soát "
                 "nguồn công dân nhập ngũ.")
    assert ("Mai Văn Khôi", "SPOKE_AT") not in roles(rec)


def test_report_like_verbs_are_speech() -> None:
    rec = record("Tại hội nghị, Thượng tá Quách Văn Thiện, Chỉ huy trưởng Ban CHQS huyện thông báo "
                 "tình hình quốc phòng trên địa bàn. Thượng tá Ninh Văn Lộc, Phó Chỉ huy trưởng "
                 "Ban CHQS huyện điểm lại những kết quả nổi bật của năm. Tại buổi gặp mặt, Đại tá "
                 "Đàm Văn Chúc ôn lại truyền thống vẻ vang của lực lượng vũ trang tỉnh.")
    assert {("Quách Văn Thiện", "SPOKE_AT"), ("Ninh Văn Lộc", "SPOKE_AT"),
            ("Đàm Văn Chúc", "SPOKE_AT")} <= roles(rec)


def test_issuing_a_notice_is_not_speech() -> None:
    rec = record("Đại tá Vương Đình Khải, Chỉ huy trưởng Bộ CHQS tỉnh vừa có thông báo số 12 về "
                 "lịch huấn luyện.")
    assert ("Vương Đình Khải", "SPOKE_AT") not in roles(rec)


# --- 'thay mặt' aside, coreference by post, nominalised statement, titles (SPK-3 to SPK-6) ---

def test_on_behalf_of_an_organisation_before_the_verb() -> None:
    rec = record("Đại tá Giáp Văn Trọng, Chỉ huy trưởng Bộ CHQS tỉnh thay mặt Đảng ủy, Bộ CHQS "
                 "tỉnh trình bày báo cáo tổng kết. Trung tá Lã Văn Hưng, Chính trị viên Ban CHQS "
                 "huyện thay mặt cho lực lượng vũ trang huyện phát biểu. Đại tá Nông Văn Thiều "
                 "thay mặt lãnh đạo tỉnh và đại diện các cơ quan báo cáo kết quả.")
    assert {("Giáp Văn Trọng", "SPOKE_AT"), ("Lã Văn Hưng", "SPOKE_AT"),
            ("Nông Văn Thiều", "SPOKE_AT")} <= roles(rec)


def test_on_behalf_of_does_not_reach_a_later_clause() -> None:
    rec = record("Đại tá Giáp Văn Trọng thay mặt lãnh đạo tỉnh trao tặng bằng khen cho tập thể "
                 "đơn vị và nhiều cá nhân có thành tích xuất sắc, sau đó hội nghị nghe báo cáo.")
    assert ("Giáp Văn Trọng", "SPOKE_AT") not in roles(rec)


def test_speaker_named_only_by_a_post_held_earlier() -> None:
    rec = record("Đồng chí Ninh Thị Bảo, Chủ tịch UBND huyện chủ trì hội nghị. Kết luận hội nghị, "
                 "đồng chí Chủ tịch UBND huyện yêu cầu các xã khẩn trương hoàn thiện văn kiện.")
    assert ("Ninh Thị Bảo", "SPOKE_AT") in roles(rec)


def test_post_held_by_two_people_links_no_one() -> None:
    rec = record("Dự hội nghị có đồng chí Ninh Thị Bảo, Phó Chủ tịch UBND huyện; đồng chí Tòng Văn "
                 "Sinh, Phó Chủ tịch UBND huyện. Phát biểu tại hội nghị, đồng chí Phó Chủ tịch "
                 "UBND huyện đề nghị các xã rà soát kỹ.")
    assert not {r for r in roles(rec) if r[1] == "SPOKE_AT"}


def test_nominalised_statement() -> None:
    rec = record("Đây là chỉ đạo của Chủ tịch UBND tỉnh Hứa Văn Đạt tại hội nghị trực tuyến sáng "
                 "8/3/2024. Đó là yêu cầu của Đại tá Chu Văn Nghĩa, Chính ủy Bộ CHQS tỉnh, tại "
                 "buổi làm việc.")
    assert {("Hứa Văn Đạt", "SPOKE_AT"), ("Chu Văn Nghĩa", "SPOKE_AT")} <= roles(rec)


def test_a_theme_after_a_colon_is_not_a_quotation() -> None:
    rec = record("Đại tá Phùng Đức Lượng và Đại tá Mạc Văn Tài đồng chủ trì hội thảo với chủ đề: "
                 "“Phát huy vai trò dân quân biển trong tình hình mới”.")
    r = roles(rec)
    assert {("Phùng Đức Lượng", "CHAIRED"), ("Mạc Văn Tài", "CHAIRED")} <= r
    assert not {x for x in r if x[1] == "SPOKE_AT"}


def test_a_quotation_after_a_colon_is_still_a_statement() -> None:
    rec = record("Đại tá Mạc Văn Tài, Chính ủy Bộ CHQS tỉnh: “Mỗi cán bộ phải là tấm gương sáng "
                 "cho chiến sĩ noi theo”.")
    assert ("Mạc Văn Tài", "SPOKE_AT") in roles(rec)


# --- visits, hosts, delegation heads, ceremonies (ATT-1, ATT-2, ATT-4, ATT-5) ---

def test_visit_verbs_are_attendance() -> None:
    rec = record("Sáng 5/9/2024, Phó Chủ tịch UBND tỉnh Tạ Minh Khuê thăm và tặng quà Đồn Biên "
                 "phòng Cửa khẩu Tà Lùng. Sáng 6/9/2024, Đại tá Giáp Văn Trọng, Chính ủy Bộ CHQS "
                 "tỉnh làm việc tại Ban CHQS thị xã Sa Pa. Chiều 7/9/2024, đồng chí Hà Thị Len, "
                 "Phó Bí thư Tỉnh ủy đã tới chúc mừng cán bộ, chiến sĩ Đồn Biên phòng Na Mèo.")
    assert {("Tạ Minh Khuê", "ATTENDED"), ("Giáp Văn Trọng", "ATTENDED"),
            ("Hà Thị Len", "ATTENDED")} <= roles(rec)


def test_visit_and_working_session_and_a_working_session_lead() -> None:
    rec = record("Sáng 14/12/2024, Chủ tịch Quốc hội Đỗ Văn Khang thăm và làm việc với cán bộ, "
                 "chiến sĩ Bộ CHQS tỉnh. Tại buổi làm việc, Đại tá Hoàng Văn Nhạn, Chỉ huy trưởng "
                 "Bộ CHQS tỉnh báo cáo kết quả thực hiện nhiệm vụ.")
    r = roles(rec)
    assert {("Đỗ Văn Khang", "ATTENDED"), ("Hoàng Văn Nhạn", "ATTENDED"),
            ("Hoàng Văn Nhạn", "SPOKE_AT")} <= r


def test_a_medical_examination_is_not_a_visit() -> None:
    rec = record("Bác sĩ Lường Văn Pọm, Giám đốc Trung tâm Y tế huyện thăm khám cho bà con.")
    assert ("Lường Văn Pọm", "ATTENDED") not in roles(rec)


def test_hosts_who_receive_a_delegation_attend() -> None:
    rec = record("Thượng tá Ninh Văn Lộc, Chỉ huy trưởng Ban CHQS huyện đón tiếp đoàn. Chiều 3/5, "
                 "đoàn công tác của tỉnh do Đại tá Hứa Văn Đạt dẫn đầu đã đến thăm Ban CHQS huyện. "
                 "Đón tiếp đoàn có đồng chí Sầm Thị Dung, Chủ tịch UBND huyện.")
    r = roles(rec)
    assert {("Ninh Văn Lộc", "ATTENDED"), ("Sầm Thị Dung", "ATTENDED")} <= r
    assert ("Hứa Văn Đạt", "ATTENDED") not in r


def test_the_named_leader_of_a_visiting_delegation_is_not_an_attendee() -> None:
    rec = record("Sáng 2/4/2024, Phó Giám đốc Sở Y tế Mạc Thị Duyên làm trưởng đoàn công tác của "
                 "Sở đến thăm Trung đoàn 280. Chiều 3/4/2024, đoàn công tác của UBND tỉnh do đồng "
                 "chí Tạ Minh Khuê, Phó Chủ tịch UBND tỉnh làm trưởng đoàn đã đến thăm Bộ CHQS "
                 "tỉnh. Sáng 4/4/2024, đoàn công tác do Đại tá Vi Văn Sơn; Trung tá Lò Văn Pắng, "
                 "Phó Chỉ huy trưởng Ban CHQS huyện đến chúc mừng Đồn Biên phòng Pù Nhi.")
    r = roles(rec)
    assert not {x for x in r if x[0] in ("Mạc Thị Duyên", "Tạ Minh Khuê", "Vi Văn Sơn")}
    assert ("Lò Văn Pắng", "ATTENDED") in r


def test_a_delegation_leader_still_attends_a_conference() -> None:
    rec = record("Đoàn đại biểu tỉnh do đồng chí Kiều Văn Phong, Phó Bí thư Tỉnh ủy dẫn đầu dự "
                 "hội nghị.")
    assert ("Kiều Văn Phong", "ATTENDED") in roles(rec)


def test_ceremonial_acts_are_attendance_unless_the_person_chaired() -> None:
    rec = record("Phó Bí thư Huyện ủy Quách Văn Thiện trao hoa cho tân binh. Đồng chí Nông Văn "
                 "Dũng, Chủ tịch UBND huyện chủ trì buổi lễ. Đồng chí Nông Văn Dũng, Chủ tịch UBND "
                 "huyện đánh trống khai mạc.")
    r = roles(rec)
    assert ("Quách Văn Thiện", "ATTENDED") in r
    assert ("Nông Văn Dũng", "CHAIRED") in r and ("Nông Văn Dũng", "ATTENDED") not in r


def test_roles_without_a_named_gathering_still_get_a_meeting() -> None:
    rec = record("Chị Hoàng Thị Mơ, Bí thư Huyện Đoàn cho biết toàn huyện có 300 đoàn viên.")
    assert ("Hoàng Thị Mơ", "SPOKE_AT") in roles(rec)
    assert rec["meetings"] and rec["relations"][0]["target"] == rec["meetings"][0]["id"]


def test_more_reported_speech_forms() -> None:
    rec = record("Ông Đinh Văn Bảy (Chủ tịch UBND xã Na Mèo) cho biết xã đã hoàn thành kế hoạch. "
                 "Cũng theo Đại tá Lưu Văn Bằng, năm tới đơn vị sẽ tăng cường huấn luyện. Theo báo "
                 "cáo của Thượng tá Lò Văn Ánh, năm nay huyện giao 120 công dân nhập ngũ.")
    assert {("Đinh Văn Bảy", "SPOKE_AT"), ("Lưu Văn Bằng", "SPOKE_AT"),
            ("Lò Văn Ánh", "SPOKE_AT")} <= roles(rec)


def test_receiving_a_delegation_and_advice_to_soldiers() -> None:
    rec = record("Đồng chí Sùng A Hồ, Chủ tịch UBND tỉnh tiếp đoàn công tác của Bộ Quốc phòng. "
                 "Đại tá Vương Văn Chiến, Chỉ huy trưởng Bộ CHQS tỉnh căn dặn các tân binh yên "
                 "tâm công tác.")
    assert {("Sùng A Hồ", "ATTENDED"), ("Vương Văn Chiến", "SPOKE_AT")} <= roles(rec)


def test_members_travelling_with_a_delegation_attend() -> None:
    rec = record("Sáng 9/3/2024, Đại tá Hứa Văn Đạt dẫn đầu đoàn công tác đến thăm Đồn Biên phòng "
                 "Na Mèo. Cùng đi với đoàn có đồng chí Ma Thị Huệ, Phó Chủ tịch UBND huyện.")
    r = roles(rec)
    assert ("Ma Thị Huệ", "ATTENDED") in r and ("Hứa Văn Đạt", "ATTENDED") not in r


def test_a_visit_as_a_noun_and_an_assessment() -> None:
    rec = record("Sáng 3/3/2024, Thượng tướng Hầu Văn Lịch, Thứ trưởng Bộ Quốc phòng đã có chuyến "
                 "thăm và làm việc tại Bộ CHQS tỉnh. Ông Lò Văn Ánh, Trưởng Công an xã nhận định "
                 "tình hình còn phức tạp.")
    assert {("Hầu Văn Lịch", "ATTENDED"), ("Lò Văn Ánh", "SPOKE_AT")} <= roles(rec)


def test_a_paper_or_a_speech_written_as_a_noun() -> None:
    rec = record("Tại hội nghị, Thượng tá Hà Minh Sơn, Chính ủy Ban CHQS huyện có bài tham luận về "
                 "công tác dân vận. Đại tá Lò Văn Ánh có lời phát biểu chào mừng.")
    assert {("Hà Minh Sơn", "SPOKE_AT"), ("Lò Văn Ánh", "SPOKE_AT")} <= roles(rec)
