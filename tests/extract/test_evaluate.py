"""The evaluator agrees with the reference scorer (spec/score.py) and scores invented cases."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from vnkg.extraction import extract_records
from vnkg.extraction.document import Document
from vnkg.extraction.evaluate import (
    evaluate,
    format_report,
    norm,
    norm_number,
    same_post,
    strip_loc_type,
    token_f1,
)


def test_matches_reference_scorer_on_dev(tmp_path: Path, shared: Path,
                                        corpus_docs: dict[str, list[Document]]) -> None:
    """Every figure of spec/score.py (tp, fp, fn per field, each accuracy, overall) and its
    text table come out the same from `evaluate` on the dev set."""
    scorer = shared / "spec" / "score.py"
    records = list(extract_records(corpus_docs["dev"]))
    pred = tmp_path / "dev.records.jsonl"
    pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    gold = shared / "corpus" / "dev.gold.jsonl"
    run = [sys.executable, str(scorer), str(pred), str(gold)]
    ref = json.loads(subprocess.run([*run, "--json"], capture_output=True, text=True,
                                    check=True).stdout)
    mine = evaluate(records, gold).as_dict()
    assert {r[0]: r[4:] for r in mine["rows"]} == {r[0]: r[4:] for r in ref["rows"]}
    assert {k: v[1:] for k, v in mine["accs"].items()} == {
        k: v[1:] for k, v in ref["accs"].items()}
    assert mine["overall"] == ref["overall"]
    text = subprocess.run(run, capture_output=True, text=True, check=True).stdout.strip()
    assert format_report(evaluate(records, gold)) == text


def test_rules_on_invented_values(tmp_path: Path) -> None:
    assert norm_number("28-NQ/TƯ") == norm_number("28-NQ/TW")
    assert strip_loc_type("Huyện Ngọc Lâm") == "ngọc lâm"
    assert token_f1("Chủ tịch UBND xã", "Chủ tịch Ủy ban nhân dân xã") == 1.0
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({
        "id": "x", "persons": [{"name": "Lò Văn Pọm", "rank": None, "positions": ["Bí thư"],
                                "roles": [{"meeting": "m1", "role": "chair"}]}],
        "meetings": [{"key": "m1", "date": "2024-03-05"}], "organisations": [],
        "localities": [{"name": "xã Nà Hẩu", "type": "xã"}], "legal_documents": []},
        ensure_ascii=False) + "\n", encoding="utf-8")
    rec = {"doc": {"id": "x"}, "persons": [
        {"id": "p1", "name": "Lò Văn Pọm", "rank": None, "positions": [
            {"title": "Bí thư", "surface": "Bí thư"}]}],
        "localities": [{"id": "l1", "name": "Nà Hẩu", "type": "xã", "surface": "xã Nà Hẩu"}],
        "meetings": [{"id": "m1", "date": "2024-03-05"}], "decrees": [], "units": [],
        "relations": [{"type": "CHAIRED", "source": "p1", "target": "m1"}]}
    report = evaluate([rec], gold)
    assert report.overall == 1.0
    assert report.accuracy("meeting_date") == 1.0
    as_json = json.loads(json.dumps(report.as_dict()))
    assert as_json["overall"] == 1.0 and as_json["accs"]["meeting_date"] == [1.0, 1, 1]


def test_deputy_post_never_matches_the_chiefs() -> None:
    assert same_post("Phó Chủ tịch UBND huyện", {"surface": "Phó Chủ tịch UBND huyện"})
    assert not same_post("Chủ tịch UBND huyện", {"surface": "Phó Chủ tịch UBND huyện"})
    assert not same_post("Quyền Chỉ huy trưởng Ban CHQS huyện",
                         {"title": "Chỉ huy trưởng Ban CHQS huyện"})
    assert norm("Đảng uỷ, Tỉnh uỷ") == "đảng uỷ tỉnh ủy"  # the scorer's per-word tone rule


def test_numbered_documents_are_scored_on_their_own(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({
        "id": "y", "persons": [], "meetings": [], "organisations": [], "localities": [],
        "legal_documents": [
            {"surface": "Nghị định số 45/2031/NĐ-CP", "kind": "Nghị định",
             "number": "45/2031/NĐ-CP"},
            {"surface": "Kế hoạch phòng chống thiên tai của xã", "kind": "Kế hoạch",
             "number": None}]}, ensure_ascii=False) + "\n", encoding="utf-8")
    rec = {"doc": {"id": "y"}, "persons": [], "relations": [], "localities": [], "units": [],
           "meetings": [], "decrees": [{"number": "45/2031/NĐ-CP", "kind": "Nghị định",
                                        "surface": "Nghị định 45/2031/NĐ-CP"}]}
    report = evaluate([rec], gold)
    numbered, all_docs = report.fields["decrees:numbered"], report.fields["decrees"]
    assert (numbered.tp, numbered.fp, numbered.fn) == (1, 0, 0)
    assert (all_docs.tp, all_docs.fp, all_docs.fn) == (1, 0, 1)


def test_answers_from_gold_and_rows_of_the_same_article() -> None:
    from vnkg.queries.answers import Answer, gold_answers, score_answers

    gold = {"z": {
        "persons": [
            {"name": "Đ/c Hà Thị Mến", "roles": [{"meeting": "m1", "role": "chair"}]},
            {"name": "Vi Văn Nọi", "roles": [{"meeting": "m2", "role": "chair"}]},
            {"name": "Lò Thị Phấn", "roles": [{"meeting": "m1", "role": "attendee"}]}],
        "meetings": [
            {"key": "m1", "title": "Hội nghị sơ kết Nghị quyết số 12-NQ/TƯ", "date": "2030-04-02",
             "locality": "huyện Mường Tè"},
            {"key": "m2", "title": "Cuộc họp", "date": "2/4", "locality": "huyện Mường Tè"}],
        "legal_documents": [{"number": "12-NQ/TƯ", "kind": "Nghị quyết"},
                            {"number": "2", "kind": "Chỉ thị"}]}}
    expected = gold_answers(gold)
    assert expected["chairs"] == [Answer("z", "hà thị mến", "2030-04-02", "mường tè")]
    assert [a.about for a in expected["decree-trace"]] == ["12-NQ/TW"]  # "2" is not named
    rows = {"chairs": [Answer("z", "hà thị mến", "2030-04-02", "mường tè"),
                       Answer("z", "vi văn nọi", "2030-04-02", "mường tè"),
                       Answer("other", "hà thị mến", "2030-04-02", "mường tè")],
            "decree-trace": [Answer("z", "12", "2030-04-02", None, "Nghị quyết")]}
    scores = score_answers(expected, rows)
    chairs, trace = scores["chairs"], scores["decree-trace"]
    assert (chairs.gold, chairs.complete, chairs.rows, chairs.right) == (1, 1, 3, 1)
    assert chairs.precision == 1 / 3
    assert (trace.found, trace.day, trace.place, trace.complete) == (1, 1, 0, 0)
    assert trace.precision is None and trace.missed == expected["decree-trace"]
