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
