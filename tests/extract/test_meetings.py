"""Meetings: the gathering of a dated lead sentence, its organiser, place and decrees."""

from __future__ import annotations

from tests.extract.helpers import record


def test_dated_meeting_with_organiser_locality_and_decree() -> None:
    rec = record(" date 2024-05 Chiều 30/5, Ban Chỉ đạo khu vực phòng thủ huyện Tủa Chùa tổ chức "
                 "Hội nghị sơ kết 5 năm thực hiện Nghị định số 21/2019/NĐ-CP.")
    m = rec["meetings"][0]
    assert m["title"] == "Hội nghị sơ kết 5 năm thực hiện Nghị định số 21/2019/NĐ-CP"
    assert m["date"] == "2024-05-30" and m["kind"] == "sơ kết"
    units = {u["id"]: u["name"] for u in rec["units"]}
    assert units[m["organizer"]] == "Ban Chỉ đạo khu vực phòng thủ huyện Tủa Chùa"
    locs = {x["id"]: x["name"] for x in rec["localities"]}
    assert locs[m["locality"]] == "Tủa Chùa"
    assert m["decrees"] == [rec["decrees"][0]["id"]]


def test_several_dated_items_of_a_listing_page() -> None:
    rec = record("03/01/2024\nSáng ngày 3/1, Bộ Tư pháp tổ chức Hội nghị tổng kết năm 2023.\n"
                 "02/01/2024\nChiều nay (2/1), ông Vi Văn Pó chủ trì cuộc họp với các sở.")
    assert [m["date"] for m in rec["meetings"]] == ["2024-01-03", "2024-01-02"]
    rel = rec["relations"][0]
    assert rel["type"] == "CHAIRED" and rel["target"] == rec["meetings"][1]["id"]


def test_undated_article_prefers_the_conference() -> None:
    rec = record("Quang cảnh Hội nghị.\nNăm qua, huyện tổ chức diễn tập cho 8/8 xã. Đại tá Lù Văn "
                 "Sì, Chỉ huy trưởng Bộ CHQS tỉnh phát biểu chỉ đạo.", published="2024-04")
    assert [(m["title"], m["date"]) for m in rec["meetings"]] == [("Hội nghị", "2024-04")]


def test_other_gatherings_are_meetings() -> None:
    rec = record("Sáng 22/12, Bộ Chỉ huy BĐBP tỉnh tổ chức gặp mặt kỷ niệm Ngày thành lập Quân "
                 "đội nhân dân Việt Nam.")
    assert rec["meetings"][0]["title"].startswith("gặp mặt kỷ niệm")


def _first(text: str) -> dict:
    return record(text)["meetings"][0]


def test_visits_orders_and_festivals_are_meetings_with_the_day() -> None:  # MD-2
    m = _first("Sáng 20/1/2025, UBND huyện Mai Sơn trao lệnh gọi nhập ngũ năm 2025 cho 150 thanh "
               "niên.")
    assert m["date"] == "2025-01-20" and m["title"].startswith("trao lệnh gọi nhập ngũ")
    m = _first("Sáng 3/3/2024, Đại tá Kiều Văn Phong dự Ngày hội Biên phòng toàn dân tại xã Na "
               "Mèo.")
    assert m["date"] == "2024-03-03" and m["title"].startswith("Ngày hội Biên phòng")
    m = _first("Chiều 21/12/2023, đoàn công tác của Sở Tư pháp đến chúc mừng Ban CHQS huyện.")
    assert m["date"] == "2023-12-21" and m["kind"] == "thăm"
    m = _first("Sáng 5/9/2024, Phó Chủ tịch UBND tỉnh Tạ Minh Khuê thăm và tặng quà Đồn Biên "
               "phòng Cửa khẩu Tà Lùng.")
    assert m["date"] == "2024-09-05" and m["kind"] == "thăm"
    m = _first("Sáng 2/4/2024, Đại tá Giáp Văn Trọng, Chính ủy Bộ CHQS tỉnh làm việc tại Ban "
               "CHQS thị xã Sa Pa.")
    assert m["date"] == "2024-04-02"


def test_review_written_as_a_verb_is_a_meeting() -> None:  # MD-2
    m = _first("Chiều 9-7-2024, UBND huyện tổ chức sơ kết 5 năm thực hiện Nghị định số "
               "21/2019/NĐ-CP.")
    assert m["date"] == "2024-07-09" and m["kind"] == "sơ kết"
    assert m["title"].startswith("sơ kết 5 năm thực hiện")


def test_asking_after_someone_is_no_visit() -> None:
    rec = record("Sáng 4/5/2024, Thượng tá Ninh Văn Lộc gửi lời thăm hỏi tới các gia đình.")
    assert rec["meetings"] == []


def test_an_article_without_a_date_gets_no_date() -> None:  # MD-5, the term alone
    m = _first("UBND huyện Krông Pắc vừa tổ chức Hội nghị tổng kết nhiệm vụ diễn tập khu vực "
               "phòng thủ nhiệm kỳ 2021-2025. Ông Y Bih Niê, Chủ tịch UBND huyện chủ trì.")
    assert m["date"] is None
    m = _first("Đảng bộ xã Nà Tấu vừa tổ chức Đại hội Đảng bộ nhiệm kỳ 2025-2030.")
    assert m["date"] == "2025"


def test_a_page_date_alone_never_gives_the_day() -> None:
    rec = record("UBND huyện vừa tổ chức hội nghị tổng kết. Ông Lò Văn Xôm chủ trì hội nghị.",
                 published="2024-03-05")
    assert rec["meetings"][0]["date"] == "2024-03"
    rec = record("Ông Lò Văn Xôm phát biểu chỉ đạo tại buổi gặp.", published="2024-03-05")
    assert rec["meetings"][0]["date"] == "2024-03"


def _place(rec: dict) -> str | None:
    m = rec["meetings"][0]
    locs = {x["id"]: x["name"] for x in rec["localities"]}
    return locs.get(m["locality"]) or (m.get("place") or {}).get("name")


def _organiser(rec: dict) -> str | None:
    units = {u["id"]: u["name"] for u in rec["units"]}
    return units.get(rec["meetings"][0]["organizer"])


def test_most_specific_place_of_the_sentence() -> None:
    rec = record("Dự hội nghị có Thượng tá Hứa Văn Đạt, Phó Tham mưu trưởng Bộ CHQS tỉnh Cao Bằng; "
                 "lãnh đạo Huyện ủy, UBND huyện Hà Quảng.")
    assert _place(rec) == "Hà Quảng"
    rec = record("Sáng 14/11/2022, Thiếu tướng Mạc Văn Tài dự ngày hội tại thôn 2, xã Pa Vệ Sủ, "
                 "huyện Mường Tè, tỉnh Lai Châu.")
    assert _place(rec) == "Pa Vệ Sủ"


def test_place_from_the_organiser_the_venue_or_the_one_district() -> None:
    rec = record("Sáng 9/1/2024, UBND tỉnh tổ chức hội nghị tổng kết. Về phía tỉnh Điện Biên có "
                 "đồng chí Lò Văn Mừng dự.")
    assert _place(rec) == "Điện Biên"
    rec = record("Quang cảnh Hội nghị.\nBáo cáo cho thấy, huyện Pác Nặm đã hoàn thành các chỉ "
                 "tiêu. Đồng chí Triệu Văn Sình phát biểu khai mạc.")
    assert _place(rec) == "Pác Nặm"
    rec = record("Đồng chí Lò Thị Xuân dự Lễ giao nhận quân năm 2024.\nTại xã Nậm Khao, huyện "
                 "Mường Tè, buổi lễ diễn ra trang trọng.")
    assert _place(rec) == "Nậm Khao"


def test_district_of_the_only_commune_named() -> None:
    rec = record("Sáng 12/9/2023, Ban Chỉ đạo diễn tập huyện tổ chức hội nghị rút kinh nghiệm "
                 "diễn tập. Trung đội dân quân cơ động xã Pa Vệ Sủ tham gia thực binh.")
    m = rec["meetings"][0]
    assert m["locality"] is None
    assert (m["place"]["type"], m["place"]["name"]) == ("huyện", "Mường Tè")
    assert [x["name"] for x in rec["localities"]] == ["Pa Vệ Sủ"]  # no record of its own


def test_organiser_is_the_subject_not_a_post() -> None:
    rec = record("Bộ CHQS tỉnh Lào Cai chiều 22/11/2023 đã tổ chức Hội nghị tổng kết công tác năm "
                 "2023.")
    assert _organiser(rec) == "Bộ Chỉ huy quân sự tỉnh Lào Cai"
    rec = record("Sáng 5/3/2024, Phó Bí thư Tỉnh ủy Hứa Văn Đạt dự lễ giao nhận quân.")
    assert rec["meetings"][0]["organizer"] is None


def test_decrees_the_only_meeting_concerns() -> None:
    rec = record("Quang cảnh Hội nghị.\nCác đơn vị đã bổ sung Kế hoạch số 12/KH-UBND của huyện. "
                 "Đại tá Sầm Văn Khiêm đề nghị tiếp tục quán triệt sâu sắc về Nghị định "
                 "21/2019/NĐ-CP.")
    numbers = {d["id"]: d["number"] for d in rec["decrees"]}
    assert [numbers[d] for d in rec["meetings"][0]["decrees"]] == ["21/2019/NĐ-CP"]


def test_second_clause_names_its_gathering_before_its_date() -> None:  # MD-8
    rec = record("Chiều 3/4/2024, Ban Thường vụ Huyện ủy ban hành Kế hoạch số 7-KH/HU, cuộc "
                 "diễn tập chính thức sẽ diễn ra vào ngày 24/4/2024.")
    assert [m["date"] for m in rec["meetings"]] == ["2024-04-24"]


def test_an_anniversary_name_is_no_gathering() -> None:
    m = _first("Nhân kỷ niệm 35 năm Ngày hội Quốc phòng toàn dân (22/12/1989 - 22/12/2024), chiều "
               "nay (20/12), đoàn công tác của Sở Y tế đến thăm và chúc mừng Ban CHQS huyện.")
    assert not m["title"].startswith("Ngày hội") and m["date"] == "2024-12-20"
    assert m["date_surface"] == "chiều nay (20/12)"


def test_more_gatherings_after_an_organising_verb_or_alone() -> None:
    m = _first("Tối 28/1/2024, Đồn Biên phòng Pa Vây Sử tổ chức chương trình “Tết ấm biên "
               "cương”.")
    assert m["title"].startswith("chương trình") and m["date"] == "2024-01-28"
    m = _first("Chiều 2/4/2024, Thượng tá Lò Văn Pó chủ trì giao ban công tác tháng 4.")
    assert m["title"].startswith("giao ban") and m["date"] == "2024-04-02"
    m = _first("Hôm 12/3/2024, Ban CHQS huyện đón tiếp đoàn công tác của Quân khu 2.")
    assert m["title"].startswith("đón tiếp đoàn") and m["date"] == "2024-03-12"


def test_headline_year_dates_the_lead() -> None:
    assert _first("Lễ giao nhận quân năm 2024 ở Mường Nhé\n\nSáng 26/2, huyện tổ chức lễ giao "
                  "nhận quân.")["date"] == "2024-02-26"
    assert _first("Tổng kết công tác quân sự địa phương năm 2023\nSáng 8/1, Ban CHQS huyện tổ "
                  "chức hội nghị tổng kết.")["date"] == "2024-01-08"


def test_the_year_a_review_or_call_up_is_about_does_not_date_an_undated_meeting() -> None:
    assert _first("Hội đồng nghĩa vụ quân sự xã Nà Hỳ vừa tổ chức hội nghị xét duyệt thanh niên "
                  "nhập ngũ năm 2025.")["date"] is None
    assert _first("Huyện vừa tổ chức cuộc diễn tập khu vực phòng thủ năm 2022.")["date"] == "2022"


def test_a_repeated_lead_is_one_meeting() -> None:
    lead = "Ngày 9 và 10-5, Ban CHQS huyện Mường Ảng tổ chức diễn tập chiến đấu xã Búng Lao."
    rec = record(f"{lead}\n{lead}\nThượng tá Lò Văn Páo chỉ đạo cuộc diễn tập.")
    assert len(rec["meetings"]) == 1 and len(rec["meetings"][0]["mentions"]) == 2


def test_a_documents_date_in_the_lead_does_not_date_the_meeting() -> None:
    rec = record("Chiều 10.8, Huyện ủy Krông Búk tổ chức Hội nghị tổng kết 15 năm thực hiện Nghị "
                 "quyết 28-NQ/TW ngày 22/9/2008 của Bộ Chính trị.", published="2023-08-11")
    assert [m["date"] for m in rec["meetings"]] == ["2023-08-10"]


def test_a_headline_ending_in_a_number_leaves_the_lead_date() -> None:
    rec = record("Mường Ảng sơ kết 5 năm thực hiện Nghị định số 21/2019/NĐ-CP\n\nChiều 21/5, UBND "
                 "huyện Mường Ảng tổ chức hội nghị sơ kết.", published="2024-05-21")
    assert [m["date"] for m in rec["meetings"]] == ["2024-05-21"]


def test_organiser_with_its_place_written_after_it_or_a_delegation() -> None:
    rec = record("Ngày 8 tháng 9 năm 2023, Huyện ủy Mường Lát (Thanh Hoá) tổ chức Hội nghị tổng "
                 "kết 10 năm thực hiện Nghị quyết Trung ương 8. Ông Hà Văn Ban, Chủ tịch UBND "
                 "huyện Mường Lát chủ trì.")
    assert _organiser(rec) == "Huyện ủy Mường Lát" and _place(rec) == "Mường Lát"
    rec = record("Ngày 17-12-2024, đoàn công tác Bộ CHQS tỉnh Lai Châu do Đại tá Tòng Văn Pánh "
                 "làm trưởng đoàn đã đến thăm huyện Nậm Nhùn.")
    assert _organiser(rec) == "Bộ Chỉ huy quân sự tỉnh Lai Châu"
