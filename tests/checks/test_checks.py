"""The checks on invented articles: each check finds its case, with its evidence; a clean
store gives none; SHACL on the RDF store and Cypher on Neo4j find the same."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from vnkg.checks.graph import chief_roles, rank_grades
from vnkg.checks.report import findings
from vnkg.checks.run import CHECKS, witnesses
from vnkg.graph.model import Fragment

EXPECTED = {
    ("rank-down", ("person/dinh-van-khoa", "rank/đại-tá", "rank/thượng-tá")),
    ("two-chief-posts", ("person/mac-thi-lan", "position/bí-thư-tỉnh-ủy-cao-bằng",
                         "position/chủ-tịch-ubnd-tỉnh-lạng-sơn")),
    ("two-places-one-day", ("person/luc-van-tai", "meeting/m1", "meeting/m2")),
    ("tenure-reversed", ("person/ha-van-sinh", "position/giám-đốc-sở-xây-dựng-lạng-sơn")),
    ("chairs-unrelated", ("person/be-thi-ha", "meeting/m3", "person/nong-van-hung")),
    ("impossible-date", ("person/hoang-van-tung",
                         "position/chỉ-huy-trưởng-ban-chqs-huyện-một")),
}


def test_each_check_finds_its_case(bad_fragments: list[Fragment],
                                   rdf_store_of: Callable[..., Any]) -> None:
    with rdf_store_of(bad_fragments) as store:
        found = findings(store)
    assert {(f.check, tuple(f.nodes)) for f in found} == EXPECTED
    assert {f.check for f in found} == set(CHECKS)


def test_findings_carry_their_evidence(bad_fragments: list[Fragment],
                                       rdf_store_of: Callable[..., Any]) -> None:
    with rdf_store_of(bad_fragments) as store:
        found = {f.check: f.as_dict() for f in findings(store)}
    rank = found["rank-down"]["evidence"]
    assert [(e["object_name"], e["article_date"], e["article"]) for e in rank] == [
        ("Đại tá", "2023-01-10", "a1"), ("Thượng tá", "2024-06-01", "a4")]
    places = found["two-places-one-day"]["evidence"]
    assert [e["sentences"] for e in places] == [["Ông Lục Văn Tài dự hội nghị ở Lạng Sơn."],
                                                ["Ông Lục Văn Tài chủ trì hội nghị ở Cao Bằng."]]
    assert found["impossible-date"]["problem"] == "impossible date: 31/2"
    assert found["impossible-date"]["evidence"][0]["surfaces"] == ["từ ngày 31/2/2024"]
    tenure = found["tenure-reversed"]["evidence"]
    assert [(e["start"], e["end"]) for e in tenure] == [("2023", "2020")]
    assert [e["date"] for e in places] == ["2024-03-05", "2024-03-05"]


def test_a_clean_store_gives_no_finding(clean_fragments: list[Fragment],
                                        rdf_store_of: Callable[..., Any]) -> None:
    with rdf_store_of(clean_fragments) as store:
        assert witnesses(store) == set()


def test_rank_order_and_chief_roles_are_data() -> None:
    grades = rank_grades()
    assert grades["Thiếu úy"] < grades["Đại úy"] < grades["Đại tá"] < grades["Đại tướng"]
    assert grades["Phó Đô đốc"] == grades["Trung tướng"]
    assert {"Chủ tịch", "Bí thư", "Chỉ huy trưởng", "Giám đốc"} <= set(chief_roles())


@pytest.mark.parametrize("which", ["bad", "clean"])
def test_shacl_and_cypher_agree(which: str, bad_fragments: list[Fragment],
                                clean_fragments: list[Fragment],
                                rdf_store_of: Callable[..., Any], neo4j_clean: Any) -> None:
    from vnkg.loaders.neo4j_store import Neo4jStore

    fragments = bad_fragments if which == "bad" else clean_fragments
    neo = Neo4jStore.from_driver(neo4j_clean)
    neo.write_fragments(fragments)
    with rdf_store_of(fragments) as rdf:
        assert witnesses(neo) == witnesses(rdf)
        assert [f.as_dict() for f in findings(neo)] == [f.as_dict() for f in findings(rdf)]


def test_cli_exit_status_and_json(bad_fragments: list[Fragment],
                                  clean_fragments: list[Fragment], tmp_path: Path,
                                  rdf_store_of: Callable[..., Any],
                                  capsys: pytest.CaptureFixture[str]) -> None:
    from vnkg.cli import main

    for name, fragments in (("bad", bad_fragments), ("clean", clean_fragments)):
        rdf_store_of(fragments, tmp_path / name).close()
    assert main(["check", "--store", str(tmp_path / "bad"), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert {f["check"] for f in report} == set(CHECKS)
    assert main(["check", "--store", str(tmp_path / "bad")]) == 1
    table = capsys.readouterr().out
    assert "[rank-down]" in table and "Thượng tá" in table and table.endswith("6 findings\n")
    assert main(["check", "--store", str(tmp_path / "clean")]) == 0
    assert capsys.readouterr().out == "0 findings\n"


def test_an_impossible_date_in_an_article_is_listed(
        tmp_path: Path, reference_copy: Callable[[Path], Path]) -> None:
    """From the text to the finding: a tenure date that cannot exist ("31/2/2024") is no
    date in the graph, keeps its words, and `vnkg check` lists it with why."""
    import vnkg

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "bau.txt").write_text(
        "Hội nghị tổng kết\n\nSáng 5/3/2024, UBND huyện Na Hang tổ chức hội nghị tổng kết công "
        "tác quốc phòng. Đồng chí Lò Văn Pải, Chủ tịch UBND huyện Na Hang chủ trì hội nghị. "
        "Đồng chí Lò Văn Pải được bầu giữ chức Chủ tịch UBND huyện Na Hang từ ngày "
        "31/2/2024.\n", "utf-8")
    assert vnkg.build([tmp_path / "a"], store=reference_copy(tmp_path / "s")).ok
    [finding] = vnkg.check(store=tmp_path / "s")
    found = json.dumps(finding.as_dict(), ensure_ascii=False)
    assert finding.check == "impossible-date"
    assert "31/2/2024" in found and "Lò Văn Pải" in found
