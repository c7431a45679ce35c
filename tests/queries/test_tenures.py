"""The point-in-time queries (holders, succession, rank-history, officials-at) and the 2025
map, on the invented tenure articles (tests/conftest_tenure.py), in the embedded Oxigraph
store and in Neo4j: the same expected rows from both."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from vnkg.graph.model import Fragment
from vnkg.loaders.neo4j_store import Neo4jStore
from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.loaders.store import Store
from vnkg.queries.run import run_named

UNIT = "Ủy ban nhân dân huyện Ba Bể"
CHAIR = "Chủ tịch UBND huyện Ba Bể"


@pytest.fixture(scope="module", params=["oxigraph", "neo4j"])
def store(request: pytest.FixtureRequest, tenure_fragments: list[Fragment],
          tmp_path_factory: pytest.TempPathFactory,
          reference_copy: Callable[[Path], Path]) -> Iterator[Store]:
    """A store of each engine with the reference gazetteer and the tenure articles."""
    opened: Store
    if request.param == "neo4j":
        driver: Driver = request.getfixturevalue("neo4j_driver")
        opened = Neo4jStore.from_driver(driver)
        opened.clear()
    else:
        opened = OxigraphStore(reference_copy(tmp_path_factory.mktemp("tenures") / "s"))
    opened.write_base(reference=True)
    report = opened.write_fragments(tenure_fragments)
    assert report.failed == [] and len(report.written) == len(tenure_fragments)
    yield opened
    if request.param == "neo4j":
        opened.clear()
    opened.close()


def names(rows: list[dict[str, Any]], column: str = "person_name") -> list[str]:
    return [row[column] for row in rows]


def test_a_holder_inside_before_and_after_a_stated_tenure(store: Store) -> None:
    at = lambda date: names(run_named(store, "holders", {"unit": UNIT, "post": CHAIR,  # noqa: E731
                                                         "date": date}))
    assert at("2021-01-10") == []                      # before the stated start (2021-06)
    assert at("2021-06-01") == ["Triệu Văn Khánh"]     # in the start's month
    assert at("2023-03-15") == ["Triệu Văn Khánh"]     # inside
    assert at("2023-08-01") == []                      # after his stated end, before hers
    assert at("2023-12-01") == ["Lộc Thị Mai"]         # her stated start (2023-10-05) on
    assert sorted(at("2023")) == ["Lộc Thị Mai", "Triệu Văn Khánh"]  # the year contains both


def test_holders_rows_carry_stated_bounds_and_sources(store: Store) -> None:
    rows = run_named(store, "holders", {"unit": UNIT, "post": CHAIR})
    khanh = next(r for r in rows if r["person_name"] == "Triệu Văn Khánh")
    assert (khanh["start"], khanh["end"]) == ("2021-06", "2023-06")
    assert khanh["sources"] == ["article/t1", "article/t2", "article/t3"]
    mai = next(r for r in rows if r["person_name"] == "Lộc Thị Mai")
    assert (mai["start"], mai["end"]) == ("2023-10-05", "2024-02-01")  # observed end


def test_an_observed_tenure_fills_in(store: Store) -> None:
    rows = run_named(store, "holders", {"unit": "Ban Chỉ huy quân sự huyện Ba Bể",
                                        "date": "2023-05"})
    assert [(r["person_name"], r["start"], r["end"]) for r in rows] == [
        ("Hà Đức Tùng", "2022-03-10", "2024-09-20")]
    assert run_named(store, "holders", {"unit": "Ban Chỉ huy quân sự huyện Ba Bể",
                                        "date": "2025-01-01"}) == []


def test_succession_in_order_with_the_gap(store: Store) -> None:
    rows = run_named(store, "succession", {"post": CHAIR, "unit": UNIT})
    assert [(r["person_name"], r["start"], r["end"], r["gap"]) for r in rows] == [
        ("Triệu Văn Khánh", "2021-06", "2023-06", None),
        ("Lộc Thị Mai", "2023-10-05", "2024-02-01", "gap")]


def test_rank_history_has_the_promotion(store: Store) -> None:
    rows = run_named(store, "rank-history", {"person": "Hà Đức Tùng"})
    assert [(r["rank"], r["start"], r["end"], r["sources"]) for r in rows] == [
        ("Thượng tá", "2022-03-10", "2022-03-10", ["article/t1"]),
        ("Đại tá", "2024-05", "2024-09-20", ["article/t4"])]


def test_officials_at_a_locality_on_a_date(store: Store) -> None:
    rows = run_named(store, "officials-at", {"locality": "tỉnh Bắc Kạn", "date": "2023-03-15"})
    assert [(r["person_name"], r["unit_name"]) for r in rows] == [
        ("Hà Đức Tùng", "Ban Chỉ huy quân sự huyện Ba Bể"),
        ("Triệu Văn Khánh", "Ủy ban nhân dân huyện Ba Bể")]
    assert run_named(store, "officials-at", {"locality": "Hà Nội", "date": "2023-03-15"}) == []


def test_the_2025_map_reports_old_places_under_what_they_became(store: Store) -> None:
    old = run_named(store, "decree-trace", {"decree": "21/2019/NĐ-CP"})
    assert sorted(r["locality_name"] for r in old) == ["Ba Bể", "Chợ Rã"]
    new = run_named(store, "decree-trace", {"decree": "21/2019/NĐ-CP", "map": "2025"})
    # the district became five communes: it goes under their province; the town one commune
    assert sorted((r["locality_name"], r["province_name"]) for r in new) == [
        ("Chợ Rã", "Thái Nguyên"), ("Thái Nguyên", "Thái Nguyên")]
    assert len(run_named(store, "decree-trace", {"province": "Thái Nguyên", "map": "2025"})) == 2
    assert run_named(store, "decree-trace", {"province": "Thái Nguyên"}) == []
    cited = run_named(store, "decrees-cited", {"province": "Thái Nguyên", "map": "2025"})
    assert [(r["meetings"], r["localities"]) for r in cited] == [(2, 2)]
    timeline = run_named(store, "locality-timeline", {"locality": "xã Chợ Rã", "map": "2025"})
    assert [r["date"] for r in timeline] == ["2024-09-18"]
