"""Document references: numbers, short references, kinds, dates and described ones."""

from __future__ import annotations

from extract.decrees import canonical_number
from tests.extract.helpers import record


def _decrees(text: str) -> list[dict]:
    return record(text)["decrees"]


def test_numbers_are_canonical_and_short_refs_join() -> None:
    ds = _decrees("Hội nghị sơ kết Nghị định số 21 của Chính phủ. Qua 5 năm thực hiện Nghị định "
                  "số 21/2019/NĐ-CP ngày 14/02/2019 của Chính phủ về khu vực phòng thủ, huyện đã "
                  "làm tốt. Quán triệt Nghị quyết 28-NQ/TƯ và Chỉ thị số 07-CT/TW.")
    numbers = [d["number"] for d in ds]
    assert numbers == ["21/2019/NĐ-CP", "28-NQ/TW", "07-CT/TW"]
    nd = ds[0]
    assert nd["kind"] == "Nghị định" and nd["date"] == "2019-02-14"
    assert nd["issuer"] == "Chính phủ" and nd["title"].startswith("về khu vực phòng thủ")
    assert len(nd["mentions"]) == 2


def test_same_short_number_different_documents_stay_apart() -> None:
    ds = _decrees("Quán triệt Nghị quyết số 28-NQ/TW ngày 22/9/2008 và tiếp tục thực hiện Nghị "
                  "quyết số 28 ngày 25/10/2013 về bảo vệ Tổ quốc.")
    assert [(d["number"], d["date"]) for d in ds] == [("28-NQ/TW", "2008-09-22"),
                                                       ("28", "2013-10-25")]


def test_spaced_and_glued_numbers() -> None:
    assert canonical_number("282 /KHHĐNVQS") == "282/KHHĐNVQS"
    ds = _decrees("- 1Quyết định 553/QĐ-TTg năm 2021 phê duyệt Đề án \"Nâng cao năng lực\" do "
                  "Thủ tướng Chính phủ ban hành")
    assert [(d["kind"], d["number"], d["date"]) for d in ds] == [
        ("Quyết định", "553/QĐ-TTg", "2021")]


def test_laws_plans_and_described_decisions() -> None:
    ds = _decrees("Căn cứ Luật Dân quân tự vệ ngày 22 tháng 11 năm 2019; hệ thống Kế hoạch A, A2 "
                  "và Kế hoạch “B”. Đại tá Vừ A Sính trao quyết định thăng quân hàm cấp tá cho 5 "
                  "sĩ quan.")
    got = [(d["kind"], d["number"], d["surface"]) for d in ds]
    assert ("Luật", None, "Luật Dân quân tự vệ ngày 22 tháng 11 năm 2019") in got
    assert ("Kế hoạch", "A2", "A2") in got and ("Kế hoạch", "B", "Kế hoạch “B”") in got
    assert ("Quyết định", None, "quyết định thăng quân hàm cấp tá") in got


def test_generic_mentions_are_not_documents() -> None:
    assert _decrees("Diễn tập theo kế hoạch, đúng quy định. Nghị định quy định nhiều điểm mới. "
                    "Căn cứ Quyết định số 1") == []


def test_law_names_end_at_their_year_or_a_clause() -> None:
    ds = _decrees("Triển khai Luật Nghĩa vụ quân sự năm 2015 và các văn bản hướng dẫn. Căn cứ Luật "
                  "sửa đổi, bổ sung một số điều của Luật Quốc phòng ngày 8 tháng 6 năm 2018.")
    assert [d["surface"] for d in ds] == [
        "Luật Nghĩa vụ quân sự năm 2015",
        "Luật sửa đổi, bổ sung một số điều của Luật Quốc phòng ngày 8 tháng 6 năm 2018"]
    assert ds[1]["date"] == "2018-06-08"


def test_a_year_after_a_kind_is_not_a_number() -> None:
    ds = _decrees("Triển khai Kế hoạch 2024 và Nghị định 21 của Chính phủ.")
    assert [(d["kind"], d["number"]) for d in ds] == [("Nghị định", "21")]


def test_issue_date_written_before_the_document() -> None:
    ds = _decrees("Ngày 5/4/2022, UBND huyện Mường Tè đã ban hành Kế hoạch số 17/KH-UBND về "
                  "diễn tập.")
    assert (ds[0]["number"], ds[0]["date"]) == ("17/KH-UBND", "2022-04-05")
