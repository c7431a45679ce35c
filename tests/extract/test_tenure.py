"""Tenure cues of posts and rank promotions (TENURE_CONTRACT.md), on invented sentences
with invented people; and the corpus records still validate with them."""

from __future__ import annotations

from typing import Any, get_args, get_type_hints

import pytest

from tests.extract.helpers import people, record
from vnkg.extraction import extract_records
from vnkg.extraction.document import Document
from vnkg.extraction.lexicon import lexicon
from vnkg.extraction.record_types import Bound, record_problems
from vnkg.extraction.tenure_dates import date_at, judge


def tenure(text: str, name: str, title: str) -> dict[str, Any] | None:
    """The tenure of `name`'s position titled `title` (None when it has none)."""
    rec = record(text)
    assert record_problems(rec) == []
    pos = {p["title"]: p for p in people(rec)[name]["positions"]}
    return pos[title].get("tenure")


def start_of(text: str, name: str, title: str) -> dict[str, Any]:
    t = tenure(text, name, title)
    assert t is not None and t["start"] is not None, t
    return t["start"]


def end_of(text: str, name: str, title: str) -> dict[str, Any]:
    t = tenure(text, name, title)
    assert t is not None and t["end"] is not None, t
    return t["end"]


def _evidence(text: str, bound: dict[str, Any]) -> str:
    return text[bound["evidence"]["start"]:bound["evidence"]["end"]]


# ---- cues written on the post -----------------------------------------------------------

def test_nguyen_is_former_with_an_undated_end() -> None:
    text = "Dự có Đại tá Vi Văn Tằng, nguyên Chỉ huy trưởng Bộ CHQS tỉnh Cao Bằng."
    t = tenure(text, "Vi Văn Tằng", "nguyên Chỉ huy trưởng Bộ Chỉ huy quân sự tỉnh Cao Bằng")
    assert t is not None and t["status"] == "former" and t["start"] is None
    assert t["end"]["cue"] == "former" and t["end"]["date"] is None
    assert t["end"]["precision"] is None and t["end"]["problem"] is None
    assert t["end"]["surface"] == "nguyên" == _evidence(text, t["end"])


def test_tan_is_new_with_an_undated_start() -> None:
    text = "Tại hội nghị, tân Chủ tịch UBND tỉnh Lạng Sơn Đinh Quang Vũ phát biểu."
    t = tenure(text, "Đinh Quang Vũ", "Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn")
    assert t is not None and t["status"] == "new" and t["end"] is None
    assert (t["start"]["cue"], t["start"]["date"], _evidence(text, t["start"])) == \
        ("new", None, "tân")


def test_tan_ending_a_name_is_no_cue() -> None:
    text = "Ông Hà Văn Tân Chủ tịch UBND xã Nà Hang phát biểu."
    assert tenure(text, "Hà Văn Tân", "Chủ tịch Ủy ban nhân dân xã Nà Hang") is None


def test_quyen_is_acting_without_bounds() -> None:
    text = "Ông Lục Văn Pẩu, quyền Chủ tịch UBND huyện Thạch An chủ trì hội nghị."
    t = tenure(text, "Lục Văn Pẩu", "Quyền Chủ tịch Ủy ban nhân dân huyện Thạch An")
    assert t == {"status": "acting", "start": None, "end": None}


@pytest.mark.parametrize(("term", "title"), [
    ("nhiệm kỳ 2020–2025", "Bí thư Huyện ủy Hà Quảng"),
    ("nhiệm kỳ 2020 - 2025", "Bí thư Huyện ủy Hà Quảng"),
    ("khóa XX, nhiệm kỳ 2020-2025", "Bí thư Huyện ủy Hà Quảng khóa XX"),
])
def test_term_gives_both_years(term: str, title: str) -> None:
    text = f"Ông Nông Văn Thiện - Bí thư Huyện ủy Hà Quảng {term} phát biểu."
    t = tenure(text, "Nông Văn Thiện", title)
    assert t is not None and t["status"] is None
    assert (t["start"]["date"], t["start"]["precision"], t["start"]["cue"]) == \
        ("2020", "year", "term")
    assert (t["end"]["date"], t["end"]["precision"], t["end"]["cue"]) == ("2025", "year", "term")
    assert t["start"]["surface"] == term[term.index("nhiệm"):]


# ---- events about the post ------------------------------------------------------------

def test_appointed_with_a_day() -> None:
    text = ("Đồng chí Lò Thị Mến được bổ nhiệm giữ chức Chủ tịch UBND huyện Bá Thước từ ngày "
            "15/3/2023. Chủ tịch UBND huyện Bá Thước Lò Thị Mến phát biểu.")
    s = start_of(text, "Lò Thị Mến", "Chủ tịch Ủy ban nhân dân huyện Bá Thước")
    assert (s["cue"], s["date"], s["precision"], s["surface"]) == \
        ("appointed", "2023-03-15", "day", "từ ngày 15/3/2023")
    assert _evidence(text, s).startswith("được bổ nhiệm") and _evidence(text, s).endswith("2023")


def test_decision_of_appointment_with_a_month_keeps_the_earlier_post_open() -> None:
    text = ("Ông Lưu Văn Bảy, Phó Giám đốc Sở Nội vụ nhận quyết định bổ nhiệm giữ chức Giám đốc "
            "Sở Nội vụ kể từ tháng 3/2023. Giám đốc Sở Nội vụ Lưu Văn Bảy phát biểu.")
    s = start_of(text, "Lưu Văn Bảy", "Giám đốc Sở Nội vụ")
    assert (s["cue"], s["date"], s["precision"], s["surface"]) == \
        ("appointed", "2023-03", "month", "kể từ tháng 3/2023")
    assert tenure(text, "Lưu Văn Bảy", "Phó Giám đốc Sở Nội vụ") is None


def test_appointment_to_a_post_named_nowhere_else_adds_no_position() -> None:
    text = ("Bộ Tư lệnh công bố quyết định bổ nhiệm Đại tá Đàm Văn Cường, Phó Chỉ huy trưởng "
            "Bộ CHQS tỉnh Cao Bằng giữ chức Chỉ huy trưởng Bộ CHQS tỉnh Cao Bằng.")
    rec = record(text)
    person = people(rec)["Đàm Văn Cường"]
    assert [p["title"] for p in person["positions"]] == \
        ["Phó Chỉ huy trưởng Bộ Chỉ huy quân sự tỉnh Cao Bằng"]
    assert "tenure" not in person["positions"][0]


def test_elected_with_a_date_written_in_words() -> None:
    text = ("Ông Hoàng Văn Khải được bầu giữ chức Chủ tịch UBND huyện Mường Lát kể từ ngày 15 "
            "tháng 3 năm 2023.")
    s = start_of(text, "Hoàng Văn Khải", "Chủ tịch Ủy ban nhân dân huyện Mường Lát")
    assert (s["cue"], s["date"], s["precision"]) == ("elected", "2023-03-15", "day")


def test_a_date_opening_the_sentence_dates_the_event() -> None:
    text = ("Từ ngày 1/7/2025, ông Hoàng Văn Lực được bổ nhiệm giữ chức Phó Giám đốc Sở Tài "
            "chính. Phó Giám đốc Sở Tài chính Hoàng Văn Lực dự.")
    s = start_of(text, "Hoàng Văn Lực", "Phó Giám đốc Sở Tài chính")
    assert (s["cue"], s["date"], s["surface"]) == ("appointed", "2025-07-01", "Từ ngày 1/7/2025")


def test_left_with_a_year() -> None:
    text = "Bà Hoàng Thị Lan, Chủ tịch UBND xã Cốc Đán đã thôi giữ chức năm 2021."
    e = end_of(text, "Hoàng Thị Lan", "Chủ tịch Ủy ban nhân dân xã Cốc Đán")
    assert (e["cue"], e["date"], e["precision"]) == ("left", "2021", "year")


def test_retired_ends_the_posts_written_by_the_name() -> None:
    text = "Ông Ma Văn Bình, Chủ tịch UBND huyện Na Rì nghỉ hưu từ tháng 6/2024."
    e = end_of(text, "Ma Văn Bình", "Chủ tịch Ủy ban nhân dân huyện Na Rì")
    assert (e["cue"], e["date"], e["precision"]) == ("retired", "2024-06", "month")
    assert [p["title"] for p in people(record(text))["Ma Văn Bình"]["positions"]] == \
        ["Chủ tịch Ủy ban nhân dân huyện Na Rì"]  # 'nghỉ hưu' is not read into the post


def test_transfer_starts_the_new_post_and_ends_the_one_left() -> None:
    text = ("Đại tá Giàng A Pó, Phó Chính ủy Bộ CHQS tỉnh Yên Bái được điều động giữ chức "
            "Chính ủy Bộ CHQS tỉnh Lào Cai năm 2024. Đại tá Giàng A Pó, Chính ủy Bộ CHQS tỉnh "
            "Lào Cai phát biểu.")
    s = start_of(text, "Giàng A Pó", "Chính ủy Bộ Chỉ huy quân sự tỉnh Lào Cai")
    e = end_of(text, "Giàng A Pó", "Phó Chính ủy Bộ Chỉ huy quân sự tỉnh Yên Bái")
    assert (s["cue"], s["date"]) == (e["cue"], e["date"]) == ("transferred", "2024")


def test_retirement_given_to_a_person_ends_the_posts_written_with_the_name() -> None:
    text = ("Bộ Quốc phòng có quyết định nghỉ công tác chờ hưu từ ngày 1/6/2024 đối với Thiếu "
            "tướng Lê Văn Hòa, Chính ủy Quân đoàn 5 và bổ nhiệm Đại tá Lý Văn Thịnh, Phó Chính "
            "ủy Quân đoàn 5 giữ chức Chính ủy Quân đoàn 5.")
    e = end_of(text, "Lê Văn Hòa", "Chính ủy Quân đoàn 5")
    assert (e["cue"], e["date"], e["precision"]) == ("retired", "2024-06-01", "day")
    assert tenure(text, "Lý Văn Thịnh", "Phó Chính ủy Quân đoàn 5") is None  # not the new post


def test_election_naming_the_person_after_the_verb() -> None:
    text = "Đại hội bầu đồng chí Vi Văn Nam giữ chức Bí thư Đảng ủy xã Tân Lập năm 2020."
    [position] = people(record(text))["Vi Văn Nam"]["positions"]
    s = position["tenure"]["start"]
    assert (s["cue"], s["date"], s["precision"]) == ("elected", "2020", "year")


# ---- dates that are no dates ----------------------------------------------------------

@pytest.mark.parametrize(("written", "problem"), [
    ("từ ngày 31/2/2024", "impossible date: 31/2/2024"),
    ("từ ngày 31/2", "impossible date: 31/2"),
    ("năm 22024", "impossible year: 22024"),
    ("từ tháng 13/2023", "impossible month: 13"),
    ("từ ngày 15/3", "no year written: 15/3"),
    ("từ tháng 5", "no year written: tháng 5"),
    ("năm 1850", "year out of range: 1850"),
])
def test_bad_dates_keep_their_surface_and_say_why(written: str, problem: str) -> None:
    text = f"Ông Ma Văn Bình, Chủ tịch UBND huyện Na Rì nghỉ hưu {written}."
    e = end_of(text, "Ma Văn Bình", "Chủ tịch Ủy ban nhân dân huyện Na Rì")
    assert (e["date"], e["precision"], e["surface"], e["problem"]) == \
        (None, None, written, problem)


@pytest.mark.parametrize(("written", "date", "precision"), [
    ("ngày 29/2/2024", "2024-02-29", "day"), ("kể từ ngày 01-03-2023", "2023-03-01", "day"),
    ("tháng 3 năm 2023", "2023-03", "month"), ("từ 3/2023", "2023-03", "month"),
    ("năm 2021", "2021", "year"), ("vào năm 2021", "2021", "year"),
])
def test_date_phrases_keep_the_precision_written(written: str, date: str,
                                                 precision: str) -> None:
    found = date_at(written, written.lower(), 0, len(written))
    assert found is not None
    assert (found.date, found.precision, found.surface, found.problem) == \
        (date, precision, written, None)


def test_a_bare_number_needs_a_lead_word_and_judge_never_invents_a_day() -> None:
    assert date_at("15/3/2023", "15/3/2023", 0, 9) is None
    assert judge(None, "2", "2024") == ("2024-02", "month", None)
    assert judge("29", "2", "2023")[0] is None


# ---- rank promotions -----------------------------------------------------------------

def test_promotion_with_a_month() -> None:
    text = ("Thượng tá Mè Văn Sính, Phó Chỉ huy trưởng Bộ CHQS tỉnh Lai Châu được thăng quân "
            "hàm Đại tá từ tháng 5/2024.")
    rec = record(text)
    assert record_problems(rec) == []
    [event] = people(rec)["Mè Văn Sính"]["rank_events"]
    assert event == {"rank": "Đại tá", "date": "2024-05", "precision": "month",
                     "surface": "từ tháng 5/2024", "cue": "promoted", "problem": None,
                     "evidence": event["evidence"]}
    assert _evidence(text, event).startswith("được thăng quân hàm Đại tá")
    assert people(rec)["Mè Văn Sính"]["rank"] == "Thượng tá"  # the rank written is unchanged


def test_promotion_given_to_a_person_and_from_one_rank_to_another() -> None:
    text = ("Năm 2021, Bộ Quốc phòng trao quyết định thăng quân hàm Thiếu tướng cho Đại tá "
            "Sùng A Hồ. Trung tá Vàng Seo Dìn nhận quyết định thăng cấp bậc quân hàm từ Trung "
            "tá lên Thượng tá ngày 31/2.")
    persons = people(record(text))
    [given] = persons["Sùng A Hồ"]["rank_events"]
    assert (given["rank"], given["date"], given["precision"]) == ("Thiếu tướng", "2021", "year")
    [raised] = persons["Vàng Seo Dìn"]["rank_events"]
    assert (raised["rank"], raised["date"], raised["problem"]) == \
        ("Thượng tá", None, "impossible date: 31/2")


def test_promotion_without_a_rank_is_no_event() -> None:
    rec = record("Năm 2022, Trung tá Nông Văn Hải được thăng quân hàm.")
    assert "rank_events" not in people(rec)["Nông Văn Hải"]


# ---- the record type ----------------------------------------------------------------

def test_record_problems_name_a_bad_tenure_and_rank_event() -> None:
    rec = record("Dự có Đại tá Vi Văn Tằng, nguyên Chỉ huy trưởng Bộ CHQS tỉnh Cao Bằng.")
    person = rec["persons"][0]
    person["positions"][0]["tenure"]["end"]["precision"] = "week"
    person["rank_events"] = [{"rank": "Đại tá", "date": "tháng 5", "precision": None,
                              "surface": "", "cue": "promoted",
                              "evidence": {"start": 0, "end": 1}, "problem": None}]
    paths = dict(record_problems(rec))
    assert paths["persons[0].positions[0].tenure.end.precision"] == \
        "is 'week': give one of 'day', 'month', 'year' or null"
    assert "a date" in paths["persons[0].rank_events[0].date"]


def test_lexicon_cues_are_the_contract_s() -> None:
    bound_cues = set(get_args(get_type_hints(Bound)["cue"]))
    rows = lexicon().rows("tenure_cues.tsv")
    assert {r[2] for r in rows if r[1] not in ("promotion",) and len(r) > 2} <= bound_cues
    assert {r[2] for r in rows if r[1] == "promotion"} == {"promoted"}


# ---- the corpus ----------------------------------------------------------------------

def test_corpus_records_validate_and_nguyen_tan_posts_have_a_status(
        corpus_docs: dict[str, list[Document]]) -> None:
    statuses: dict[str, int] = {}
    for name in ("dev", "dev2", "seeds"):
        docs = corpus_docs[name]
        for doc, rec in zip(docs, extract_records(docs), strict=True):
            assert record_problems(rec) == [], doc.id
            for person in rec["persons"]:
                for pos in person["positions"]:
                    t = pos.get("tenure")
                    if pos["title"].startswith("nguyên "):
                        assert t is not None and t["status"] == "former", (doc.id, pos)
                    for b in (t["start"], t["end"]) if t else ():
                        if b is not None:
                            assert b["surface"] in doc.text[b["evidence"]["start"]:
                                                            b["evidence"]["end"]]
                    if t and t["status"]:
                        statuses[t["status"]] = statuses.get(t["status"], 0) + 1
    assert statuses.get("former", 0) >= 1 and statuses.get("new", 0) >= 1, statuses
