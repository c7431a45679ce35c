"""Meeting dates and the year rules."""

from __future__ import annotations

from extract.dates import find_dates, iso, year_for
from tests.extract.helpers import record


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
