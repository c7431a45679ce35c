"""Pytest plugin: invented records with stated tenures, promotions and meetings, resolved.

The people are invented; the places are real units of the gazetteer (huyện Ba Bể, tỉnh Bắc
Kạn, 2024 map) so that the 2025 map (BECAME) applies. The records follow the tenure
contract: `positions[j].tenure` and `persons[i].rank_events`.

- Triệu Văn Khánh, Chủ tịch UBND huyện Ba Bể: elected 2021-06 (article t1, 2022-03-10),
  left in June 2023 (t2, 2023-11-20), "nguyên Chủ tịch" in t3 (2024-02-01).
- Lộc Thị Mai, the next Chủ tịch: appointed from 5/10/2023 (t2), "tân Chủ tịch" in t3:
  a gap from 2023-06 to 2023-10-05 between the two.
- Hà Đức Tùng, Chỉ huy trưởng Ban CHQS huyện Ba Bể (observed only, t1 and t4): Thượng tá in
  t1, promoted Đại tá in May 2024 (t4, 2024-09-20).
- A meeting in huyện Ba Bể (t1) and one in thị trấn Chợ Rã (t4) on Nghị định 21/2019/NĐ-CP.
"""

from __future__ import annotations

from typing import Any

import pytest

from vnkg.graph.model import Fragment
from vnkg.graph.resolve import to_fragment

Record = dict[str, Any]
TEXT = "x" * 400  # the invented articles' text: evidence offsets point into it
CHAIR = "Chủ tịch Ủy ban nhân dân huyện Ba Bể"
COMMANDER = "Chỉ huy trưởng Ban Chỉ huy quân sự huyện Ba Bể"


def _bound(date: str | None, precision: str | None, cue: str, surface: str,
           at: int = 10) -> Record:
    return {"date": date, "precision": precision, "surface": surface, "cue": cue,
            "evidence": {"start": at, "end": at + len(surface)}, "problem": None}


def _record(doc: str, published: str, persons: list[Record],
            meetings: list[Record] | None = None) -> Record:
    localities = [
        {"id": "loc:bb", "name": "Ba Bể", "type": "huyện", "code": "061", "structure": "2024",
         "parent": "loc:bk", "province": "Bắc Kạn", "mentions": [{"start": 0, "end": 5}]},
        {"id": "loc:bk", "name": "Bắc Kạn", "type": "tỉnh", "code": "06", "structure": "2024",
         "parent": None, "province": "Bắc Kạn", "mentions": [{"start": 0, "end": 5}]},
        {"id": "loc:cr", "name": "Chợ Rã", "type": "thị trấn", "code": "01888",
         "structure": "2024", "parent": "loc:bb", "province": "Bắc Kạn",
         "mentions": [{"start": 0, "end": 5}]},
    ]
    units = [{"id": "unit:ubnd", "name": "Ủy ban nhân dân huyện Ba Bể", "kind": "people_committee",
              "locality": "loc:bb"},
             {"id": "unit:chqs", "name": "Ban Chỉ huy quân sự huyện Ba Bể", "kind": "military",
              "locality": "loc:bb"}]
    decrees = [{"id": "decree:nd21", "kind": "Nghị định", "number": "21/2019/NĐ-CP",
                "date": "2019-02-22", "issuer": None, "title": None,
                "surface": "Nghị định số 21/2019/NĐ-CP"}]
    return {"doc": {"id": doc, "sha256": "", "published": published, "title": f"Bài {doc}"},
            "persons": persons, "units": units, "localities": localities, "decrees": decrees,
            "meetings": meetings or [], "relations": []}


def _person(pid: str, name: str, positions: list[Record], rank: str | None = None,
            rank_events: list[Record] | None = None) -> Record:
    return {"id": pid, "name": name, "rank": rank, "positions": positions,
            "rank_events": rank_events or [], "mentions": [{"start": 0, "end": 5}]}


def _post(title: str, role: str, unit: str, tenure: Record | None = None) -> Record:
    return {"title": title, "role": role, "unit": unit, "tenure": tenure}


def _meeting(mid: str, date: str, locality: str) -> Record:
    return {"id": mid, "title": "Hội nghị sơ kết Nghị định 21", "kind": "sơ kết", "date": date,
            "locality": locality, "decrees": ["decree:nd21"]}


def _records() -> list[Record]:
    """The four invented articles' records (see the module's docstring)."""
    khanh, mai, tung = "p:khanh", "p:mai", "p:tung"
    chair, chqs = ("Chủ tịch", "unit:ubnd"), ("Chỉ huy trưởng", "unit:chqs")
    t1 = _record("t1", "2022-03-10", [
        _person(khanh, "Triệu Văn Khánh", [_post(CHAIR, *chair, {
            "status": "current", "start": _bound("2021-06", "month", "elected",
                                                 "được bầu giữ chức từ tháng 6/2021"),
            "end": None})]),
        _person(tung, "Hà Đức Tùng", [_post(COMMANDER, *chqs)], rank="Thượng tá"),
    ], [_meeting("m:1", "2022-03-09", "loc:bb")])
    t2 = _record("t2", "2023-11-20", [
        _person(khanh, "Triệu Văn Khánh", [_post(CHAIR, *chair, {
            "status": "former", "start": None,
            "end": _bound("2023-06", "month", "left", "thôi giữ chức từ tháng 6/2023")})]),
        _person(mai, "Lộc Thị Mai", [_post(CHAIR, *chair, {
            "status": "current", "start": _bound("2023-10-05", "day", "appointed",
                                                 "được bổ nhiệm từ ngày 5/10/2023"),
            "end": None})]),
    ])
    t3 = _record("t3", "2024-02-01", [
        _person(khanh, "Triệu Văn Khánh", [_post(CHAIR, *chair, {
            "status": "former", "start": None,
            "end": _bound(None, None, "former", "nguyên Chủ tịch")})]),
        _person(mai, "Lộc Thị Mai", [_post(CHAIR, *chair, {
            "status": "new", "start": _bound(None, None, "new", "tân Chủ tịch"), "end": None})]),
    ])
    t4 = _record("t4", "2024-09-20", [
        _person(tung, "Hà Đức Tùng", [_post(COMMANDER, *chqs)], rank="Đại tá", rank_events=[
            {"rank": "Đại tá", "date": "2024-05", "precision": "month", "cue": "promoted",
             "surface": "được thăng quân hàm Đại tá tháng 5/2024",
             "evidence": {"start": 40, "end": 80}, "problem": None}]),
    ], [_meeting("m:2", "2024-09-18", "loc:cr")])
    return [t1, t2, t3, t4]


@pytest.fixture()
def tenure_records() -> list[Record]:
    """The invented tenure articles' records, fresh for each test (they may change them)."""
    return _records()


@pytest.fixture(scope="session")
def tenure_text() -> str:
    """The invented articles' text, which the records' evidence offsets point into."""
    return TEXT


@pytest.fixture(scope="session")
def tenure_fragments() -> list[Fragment]:
    """The invented tenure articles as fragments (shared: copy one before changing it)."""
    return [to_fragment(rec, TEXT) for rec in _records()]
