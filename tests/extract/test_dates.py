"""Meeting dates and the year rules."""

from __future__ import annotations

from tests.extract.helpers import record
from vnkg.extraction.dates import find_dates, iso, page_stamp, year_for


def test_date_forms() -> None:
    text = ("Sáng nay (9/10), a. Chiều 10.3 b. sáng 23-6-2025 c. Ngày 22 tháng 11 năm 2018 d. "
            "Hôm nay, 9/12, e. (9- 11/5/2023) f. đạt 8/8 đơn vị.")
    got = [(d.day, d.month, d.year) for d in find_dates(text)]
    assert got == [(9, 10, None), (10, 3, None), (23, 6, 2025), (22, 11, 2018),
                   (9, 12, None), (9, 5, 2023)]


def test_year_rules() -> None:
    d = find_dates("Sáng 24-12, hội nghị")[0]
    assert year_for(d, "tổng kết năm 2025; phương hướng năm 2026", None, None) == 2025
    jan = find_dates("Sáng 3/1, hội nghị")[0]
    assert year_for(jan, "tổng kết năm 2023, triển khai năm 2024", None, None) == 2024
    assert year_for(jan, "không có năm", "2024-01", None) == 2024
    assert year_for(d, "không có năm", "2025-01", None) == 2024  # December before a January stamp
    assert year_for(d, "", None, None) is None
    assert iso(2023, 2, 30) == "2023-02-30" and iso(2023, 13, 1) is None


def test_header_and_date_line_give_the_year_never_the_url() -> None:
    rec = record(" date 2023-12 Sáng nay (14/12), UBND huyện Tủa Chùa tổ chức hội nghị.")
    assert rec["meetings"][0]["date"] == "2023-12-14"
    rec = record("Thứ Hai, 04/03/2024\nChiều 2/3, Ban CHQS huyện tổ chức hội nghị.")
    assert rec["meetings"][0]["date"] == "2024-03-02"
    rec = record("Chiều 2/3, Ban CHQS huyện tổ chức hội nghị.")
    assert rec["meetings"][0]["date"] is None
    assert rec["meetings"][0]["date_surface"] == "Chiều 2/3"


def test_decree_dates_do_not_date_meetings() -> None:
    rec = record("Thực hiện Kế hoạch số 15/KH-UBND ngày 12/10/2022 của UBND huyện, sáng 23-6-2025, "
                 "xã Pá Vầy Sủ tổ chức lễ giao nhận quân.")
    assert rec["meetings"][0]["date"] == "2025-06-23"


def test_ranges_and_decree_years() -> None:
    got = [(d.day, d.month) for d in find_dates("Từ ngày 15 đến 17/8, diễn tập.")]
    assert got == [(15, 8)]
    rec = record("Tối 3/2, huyện tổ chức hội nghị triển khai Luật Nghĩa vụ quân sự năm 2015.")
    assert rec["meetings"][0]["date"] is None  # 2015 dates the law, not the meeting


def _date(text: str) -> str | None:
    return record(text)["meetings"][0]["date"]


def test_anniversary_range_gives_the_later_year() -> None:  # MD-1
    assert _date("Nhân kỷ niệm 65 năm Ngày truyền thống Bộ đội Biên phòng (3/3/1959 - 3/3/2024), "
                 "sáng 1/3, Huyện ủy Mường Tè tổ chức gặp mặt cán bộ, chiến sĩ.") == "2024-03-01"
    assert _date("Nhân kỷ niệm 80 năm Ngày thành lập Quân đội (22/12/1944 – 22/12/2024) và 35 "
                 "năm Ngày hội Quốc phòng toàn dân (22/12/1989 - 22/12/2024), chiều nay (20/12), "
                 "đoàn công tác của Sở Nội vụ đến thăm và chúc mừng Ban CHQS huyện.") \
        == "2024-12-20"
    assert _date("Sáng 18/8, huyện tổ chức họp mặt kỷ niệm 70 năm Ngày truyền thống lực lượng vũ "
                 "trang huyện (1954).") == "2024-08-18"


def test_a_later_founding_year_is_not_counted_on() -> None:
    assert _date("Sáng 5/6, huyện tổ chức lễ kỷ niệm 20 năm thành lập và đón nhận danh hiệu năm "
                 "2024.") == "2024-06-05"


def test_term_range_dates_a_congress_only() -> None:  # MD-5
    assert _date("Sáng 15/6, Chi bộ Ban CHQS xã Tân Lập tổ chức Đại hội Chi bộ nhiệm kỳ 2025 - "
                 "2030.") == "2025-06-15"
    assert _date("Sáng 15/6, Ban CHQS xã Tân Lập tổ chức hội nghị sơ kết công tác dân quân "
                 "nhiệm kỳ 2025 - 2030.") is None


def test_review_of_n_years_of_a_document() -> None:  # "sơ kết N năm thực hiện" a document of Y
    assert _date("Sáng 16-8, Huyện ủy Đồi Mây tổ chức sơ kết 5 năm thực hiện Nghị định số "
                 "21/2019/NĐ-CP của Chính phủ.") == "2024-08-16"
    assert _date("Ngày 20-9, Thành ủy tiến hành Hội nghị tổng kết 10 năm thực hiện Nghị quyết 28 "
                 "ngày 22-9-2008 của Bộ Chính trị.") == "2018-09-20"


def test_year_end_review_and_next_year_plan() -> None:  # MD-4, MD-6
    assert _date("Ngày 28-12, Ban CHQS huyện tổ chức hội nghị đánh giá kết quả công tác quân sự "
                 "năm 2022, triển khai nhiệm vụ năm 2023.") == "2022-12-28"
    assert _date("Chiều 20/11, Ban CHQS huyện tổ chức hội nghị triển khai kế hoạch huấn luyện "
                 "năm 2025.") == "2024-11-20"
    assert _date("Sáng ngày 27/11, Đảng ủy Quân sự huyện tổ chức hội nghị ra nghị quyết lãnh đạo "
                 "thực hiện nhiệm vụ năm 2026.") == "2025-11-27"
    assert _date("Sáng 8/1, Công an huyện tổ chức hội nghị tổng kết công tác năm 2023.") \
        == "2024-01-08"
    assert _date("Sáng 20/11, huyện tổ chức diễn tập khu vực phòng thủ năm 2024.") == "2024-11-20"


def test_year_from_a_later_reporting_period() -> None:  # MD-7
    assert _date("Chiều 12/7, Công an huyện tổ chức hội nghị giao ban. Báo cáo cho biết trong "
                 "quý II năm 2021, tình hình an ninh ổn định.") == "2021-07-12"
    assert _date("Ngày 9/8, Ban Chỉ đạo tổ chức hội nghị.\n\nBan Chỉ đạo báo cáo kết quả 6 tháng "
                 "đầu năm 2019 và phương hướng.") == "2019-08-09"


def test_the_meeting_takes_the_date_of_its_own_clause() -> None:  # MD-8
    rec = record("Ngày 2-3-2020, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 45-KH/TU; đến ngày "
                 "15-4-2020, Bộ CHQS tỉnh tổ chức hội nghị triển khai kế hoạch.")
    assert [m["date"] for m in rec["meetings"]] == ["2020-04-15"]


def test_page_stamps_in_any_form_give_the_year() -> None:  # MD-3
    assert _date("Đăng ngày 05-03-2021 08:10\nNgày 4-3, Ban CHQS huyện tổ chức hội nghị triển "
                 "khai nhiệm vụ.") == "2021-03-04"
    assert _date("Tin tức\n14:20 07-04-2022\nSáng 6/4, xã Hòa Bình tổ chức hội nghị.") \
        == "2022-04-06"
    assert _date("25/02/2024Trong không khí phấn khởi, sáng 24/2, huyện tổ chức lễ giao nhận "
                 "quân.") == "2024-02-24"


def test_page_stamp_lines() -> None:
    assert page_stamp("Đăng ngày 05-03-2021 08:10") == "2021-03-05"
    assert page_stamp("Thứ Sáu, 31/05/2024 283 lượt xem") == "2024-05-31"
    assert page_stamp("08:10 05.03.2021") == "2021-03-05"
    assert page_stamp("Sáng 9/10/2024, Bộ CHQS tỉnh tổ chức hội nghị") is None
    assert page_stamp("14/02/2023 Sáng 13/2, xã Nà Hừ tổ chức hội nghị.") == "2023-02-14"
    assert page_stamp("14/02/2023 đơn vị đạt") is None


def test_anniversary_ranges_without_the_word() -> None:  # MD-1 variants
    assert _date("Chào mừng 70 năm Chiến thắng Điện Biên Phủ (7/5/1954 - 7/5/2024), sáng 6/5, "
                 "Ban CHQS huyện tổ chức hội thao.") == "2024-05-06"
    assert _date("Hướng tới 50 năm Ngày giải phóng (1975 - 2025), sáng 20/4, xã Tà Tổng tổ chức "
                 "gặp mặt cựu chiến binh.") == "2025-04-20"
    # a term range is no anniversary, even with a count of years nearby
    assert _date("Sáng 9/6, Đảng bộ xã tổ chức Đại hội nhiệm kỳ 2020 - 2025, sau 5 năm xây "
                 "dựng.") == "2020-06-09"


def test_final_review_of_a_period_and_first_session_of_a_term() -> None:
    assert _date("Ngày 17/5, thị xã tổ chức Đại hội thi đua Quyết thắng lực lượng vũ trang giai "
                 "đoạn 2019 - 2024.") == "2024-05-17"
    assert _date("Sáng 28/6, HĐND huyện tổ chức kỳ họp thứ nhất, nhiệm kỳ 2021 - 2026.") \
        == "2021-06-28"
    assert _date("Sáng 8/7, HĐND huyện tổ chức kỳ họp thứ mười, nhiệm kỳ 2021 - 2026.") is None


def test_a_later_date_takes_the_year_of_an_earlier_one_in_its_sentence() -> None:
    rec = record("Ngày 2-3-2020, Ban Thường vụ ban hành Kế hoạch số 45-KH/TU; đến ngày 15-4, Bộ "
                 "CHQS tỉnh tổ chức hội nghị triển khai kế hoạch.")
    assert [m["date"] for m in rec["meetings"]] == ["2020-04-15"]


def test_carrying_out_this_years_plan_is_no_planning_meeting() -> None:
    assert _date("Sáng 20/11, Ban CHQS huyện tổ chức diễn tập theo kế hoạch huấn luyện năm "
                 "2024.") == "2024-11-20"
    assert _date("Chiều 18/12, Ban CHQS huyện tổ chức hội nghị thông qua kế hoạch công tác năm "
                 "2025.") == "2024-12-18"


def test_stamp_below_the_text_gives_the_year() -> None:
    assert _date("Sáng 5/3, xã Mù Cả tổ chức hội nghị triển khai nhiệm vụ.\nNgày đăng: "
                 "06/03/2024") == "2024-03-05"


def test_call_up_review_in_december_is_for_next_year() -> None:
    assert _date("Sáng 15/12, Hội đồng NVQS huyện tổ chức hội nghị xét duyệt công dân nhập ngũ "
                 "năm 2025.") == "2024-12-15"
    assert _date("Sáng 12/2, huyện tổ chức lễ giao nhận quân năm 2025.") == "2025-02-12"


def test_a_doubled_digit_in_the_year_is_a_typo() -> None:
    assert _date("Sáng 4/6, xã Bản Hon tổ chức diễn tập chiến đấu phòng thủ năm 22024.") \
        == "2024-06-04"


def test_review_of_a_month_is_held_in_its_year() -> None:
    assert _date("Sáng 20/2, Ban CHQS huyện tổ chức hội nghị sơ kết công tác tháng 1 năm "
                 "2024.") == "2024-02-20"
    assert _date("Chiều 25/11, Công an xã tổ chức hội nghị triển khai nhiệm vụ quý IV năm "
                 "2024.") == "2024-11-25"
