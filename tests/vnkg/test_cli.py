"""The command line end to end: extract, build, query, view, exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests.paths import EXAMPLES
from vnkg.cli import main


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_extract_writes_valid_records(tmp_path: Path, schema: dict[str, Any]) -> None:
    out = tmp_path / "r.jsonl"
    assert main(["extract", str(EXAMPLES), "-o", str(out)]) == 0
    records = _records(out)
    assert len(records) >= 15
    validator = Draft202012Validator(schema)
    for record in records:
        assert list(validator.iter_errors(record)) == [], record["doc"]["id"]
    assert {"14a-pac-nam-so-ket-nd21-2024", "14b-krong-ana-giao-nhan-quan-2025"} <= {
        r["doc"]["id"] for r in records}


@pytest.mark.parametrize("corpus", ["seeds", "dev.jsonl"])
def test_records_on_the_real_corpus_validate(shared: Path, schema: dict[str, Any],
                                             tmp_path: Path, corpus: str) -> None:
    out = tmp_path / "r.jsonl"
    assert main(["extract", str(shared / "corpus" / corpus), "-o", str(out)]) == 0
    records = _records(out)
    assert len(records) == (5 if corpus == "seeds" else 50)
    validator = Draft202012Validator(schema)
    bad = {r["doc"]["id"]: [e.message for e in validator.iter_errors(r)][:3] for r in records}
    assert {k: v for k, v in bad.items() if v} == {}


def test_build_twice_changes_no_triple(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                       ) -> None:
    store = str(tmp_path / "store")
    assert main(["build", str(EXAMPLES), "--store", store, "--no-reference"]) == 0
    dump = main(["sparql", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                 "--store", store, "--format", "json"])
    assert dump == 0
    first = json.loads(capsys.readouterr().out)
    assert main(["build", str(EXAMPLES), "--store", store, "--no-reference"]) == 0
    assert "0 written, 15 unchanged" in capsys.readouterr().err
    main(["sparql", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", store,
          "--format", "json"])
    assert json.loads(capsys.readouterr().out) == first


def test_query_formats(sample_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "chairs", "--store", str(sample_store), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and set(rows[0]) >= {"person", "person_name", "rank", "post", "meeting",
                                     "title", "date", "locality_name", "source"}
    assert main(["query", "chairs", "--store", str(sample_store), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("person,person_name,rank,post")


def test_view_overview_has_no_remote_scripts(sample_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "overview.html"
    assert main(["view", "overview", "--store", str(sample_store), "-o", str(out)]) == 0
    html = out.read_text("utf-8")
    assert not re.search(r"""<script[^>]+src=["']?(https?:)?//""", html)
    assert not re.search(r"""<link[^>]+href=["']?(https?:)?//""", html)
    assert "Ma Thế Tuyến" in html or "Ma Th\\u1ebf Tuy\\u1ebfn" in html


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert main(["query", "nope", "--store", str(tmp_path / "s")]) == 2
    assert main(["query", "chairs", "--param", "oops", "--store", str(tmp_path / "s")]) == 2
    with pytest.raises(SystemExit) as exit_:
        main(["frobnicate"])
    assert exit_.value.code == 2


def test_skipped_input_exits_1_and_loads_the_rest(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok.txt").write_text("Sáng 2/5, Đồng chí Lý Văn Hậu chủ trì hội nghị.",
                                            encoding="utf-8")
    (tmp_path / "in" / "bad.jsonl").write_text('{"id": "x"}\n', encoding="utf-8")
    assert main(["build", str(tmp_path / "in"), "--store", str(tmp_path / "s"),
                 "--no-reference"]) == 1
    err = capsys.readouterr().err
    assert "bad.jsonl:1" in err and "1 documents: 1 written" in err


def test_sparql_is_read_only_without_write(sample_store: Path) -> None:
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    assert main(["sparql", update, "--store", str(sample_store)]) == 2


def test_build_and_query_against_a_sparql_server(sparql_server: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from vnkg.loaders.sparql_store import SparqlStore

    with SparqlStore(sparql_server) as rdf:
        rdf.update("DROP SILENT ALL")
    one = EXAMPLES / "05-cho-don-so-ket-nd21-2024.txt"
    endpoint = ["--sparql-endpoint", sparql_server]
    assert main(["build", str(one), "--no-reference", *endpoint]) == 0
    assert main(["build", str(one), "--no-reference", *endpoint]) == 0
    assert "0 written, 1 unchanged" in capsys.readouterr().err
    assert main(["query", "chairs", "--format", "json", *endpoint]) == 0
    remote = json.loads(capsys.readouterr().out)
    local = str(tmp_path / "s")
    assert main(["build", str(one), "--no-reference", "--store", local]) == 0
    assert main(["query", "chairs", "--format", "json", "--store", local]) == 0
    assert json.loads(capsys.readouterr().out) == remote


_ARTICLE = """ date 2031-05-21
Na Rì: Sơ kết thực hiện Nghị định số 45/2027/NĐ-CP

Chiều 21/5, UBND huyện Na Rì tổ chức Hội nghị sơ kết 3 năm thực hiện Nghị định số \
45/2027/NĐ-CP của Chính phủ về khu vực phòng thủ. Chủ tịch UBND huyện Na Rì Lục Văn Thoòng \
chủ trì hội nghị. Tham dự có lãnh đạo Ban CHQS huyện.
"""


def _invented_gold(path: Path) -> None:
    meeting = {"key": "m1", "title": "Hội nghị sơ kết 3 năm thực hiện Nghị định số "
               "45/2027/NĐ-CP của Chính phủ về khu vực phòng thủ", "date": "2031-05-21",
               "locality": "huyện Na Rì", "organiser": "UBND huyện Na Rì"}
    gold = {"id": "a1", "meetings": [meeting], "organisations": ["UBND huyện Na Rì"],
            "persons": [{"name": "Lục Văn Thoòng", "rank": None,
                         "positions": ["Chủ tịch UBND huyện Na Rì"],
                         "roles": [{"meeting": "m1", "role": "chair"}]}],
            "localities": [{"name": "huyện Na Rì", "type": "huyện"}],
            "legal_documents": [{"surface": "Nghị định số 45/2027/NĐ-CP", "kind": "Nghị định",
                                 "number": "45/2027/NĐ-CP", "date": None, "issuer": "Chính phủ"}]}
    path.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")


def test_eval_answers_scores_what_the_queries_answer(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    import vnkg

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a1.txt").write_text(_ARTICLE, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    _invented_gold(gold)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    assert main(["eval", "--gold", str(gold), str(tmp_path / "in"), "--answers", "--json"]) == 0
    answers = json.loads(capsys.readouterr().out)["answers"]
    assert (answers["chairs"]["gold"], answers["chairs"]["complete"]) == (1, 1)
    assert answers["chairs"]["precision"] == 1.0
    assert (answers["decree-trace"]["gold"], answers["decree-trace"]["complete"]) == (1, 1)
    assert answers["decree-trace"]["precision"] is None  # gold names decrees in titles only
    assert list(scratch.iterdir()) == []  # the temporary store is gone
    report = vnkg.evaluate([tmp_path / "in"], gold=gold)  # the API, without answers: no store
    assert report.answers == {} and report.f1("role:chair") == 1.0
