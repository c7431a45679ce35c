"""Records are schema-valid, offsets slice to mentions, NFD and tone variants change nothing."""

from __future__ import annotations

import unicodedata
from typing import Any

import jsonschema
import pytest

from vnkg.extraction import extract_record, extract_records
from vnkg.extraction.document import Document
from vnkg.extraction.record_types import record_problems

SAMPLE = (
    " date 2023-12 Sáng 14/12, UBND huyện Ngọc Lâm tổ chức Hội nghị tổng kết công tác quốc "
    "phòng, quân sự địa phương năm 2023. Đồng chí Đại tá Trịnh Văn Khải - Ủy viên Ban Thường "
    "vụ Huyện ủy, Chỉ huy trưởng Ban CHQS huyện chủ trì hội nghị. Dự hội nghị có ông Hà Minh "
    "Tuấn, Phó Chủ tịch UBND huyện; bà Lò Thị Hoà - Chủ tịch HĐND xã Nậm Pồ.\n"
    "Phát biểu chỉ đạo, đồng chí Trịnh Văn Khải đề nghị thực hiện tốt Nghị định số "
    "21/2019/NĐ-CP.\nĐÀO QUYÊN"
)


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema)


def _check_spans(text: str, rec: dict) -> None:
    for p in rec["persons"]:
        for m in p["mentions"]:
            assert text[m["start"]:m["end"]] == p["name"]
    for group in ("units", "localities", "decrees", "meetings"):
        for item in rec[group]:
            for m in item["mentions"]:
                assert 0 <= m["start"] < m["end"] <= len(text)
    for r in rec["relations"]:
        assert 0 <= r["evidence"]["start"] <= r["evidence"]["end"] <= len(text)


def test_dev_and_seed_records_are_schema_valid(
        validator: jsonschema.Draft202012Validator,
        corpus_docs: dict[str, list[Document]]) -> None:
    docs = corpus_docs["dev"] + corpus_docs["seeds"]
    for doc, rec in zip(docs, extract_records(docs), strict=True):
        errors = [e.message for e in validator.iter_errors(rec)]
        assert not errors, (doc.id, errors[:3])
        assert rec["doc"]["id"] == doc.id
        _check_spans(doc.text, rec)


def test_invented_article(validator: jsonschema.Draft202012Validator) -> None:
    rec = extract_record(Document(id="t1", text=SAMPLE))
    names = {p["name"]: p for p in rec["persons"]}
    assert set(names) >= {"Trịnh Văn Khải", "Hà Minh Tuấn", "Lò Thị Hoà"}
    assert names["Trịnh Văn Khải"]["rank"] == "Đại tá"
    titles = [x["surface"] for x in names["Trịnh Văn Khải"]["positions"]]
    assert titles == ["Ủy viên Ban Thường vụ Huyện ủy", "Chỉ huy trưởng Ban CHQS huyện"]
    kinds = {(r["type"], r["source"]) for r in rec["relations"]}
    assert ("CHAIRED", names["Trịnh Văn Khải"]["id"]) in kinds
    assert ("SPOKE_AT", names["Trịnh Văn Khải"]["id"]) in kinds
    assert ("ATTENDED", names["Hà Minh Tuấn"]["id"]) in kinds
    assert ("AUTHORED", names["ĐÀO QUYÊN"]["id"]) in kinds
    assert rec["meetings"][0]["date"] == "2023-12-14"
    assert rec["decrees"][0]["number"] == "21/2019/NĐ-CP"
    assert {x["name"] for x in rec["localities"]} >= {"Ngọc Lâm", "Nậm Pồ"}
    validator.validate(rec)
    _check_spans(SAMPLE, rec)


def test_nfd_and_tone_variants_give_the_same_record() -> None:
    base = extract_record(Document(id="t1", text=SAMPLE))
    nfd = extract_record(Document(id="t1", text=unicodedata.normalize("NFD", SAMPLE)))
    assert nfd == base
    new_style = SAMPLE.replace("Hoà", "Hòa")
    other = extract_record(Document(id="t1", text=new_style))
    assert [p["name"].replace("Hòa", "Hoà") for p in other["persons"]] == [
        p["name"] for p in base["persons"]]
    assert len(other["relations"]) == len(base["relations"])


def test_every_relation_carries_its_evidence_text() -> None:
    text = "Sáng 2/3, Đại tá Lò Văn Páo, Chính ủy Bộ CHQS tỉnh chủ trì hội nghị.\nẢnh: Thu Hà"
    rec = extract_record(Document(id="t1", text=text))
    assert {r["type"] for r in rec["relations"]} == {"CHAIRED", "AUTHORED"}
    for rel in rec["relations"]:
        span = rel["evidence"]
        assert span["text"] == text[span["start"]:span["end"]] != ""


def test_an_implied_place_is_part_of_the_typed_record() -> None:
    rec = extract_record(Document(id="t1", text="Sáng 2/3, Bộ CHQS tỉnh tổ chức hội nghị ở "
                                  "huyện Ngân Sơn. Đại tá Lò Văn Páo, Chỉ huy trưởng Bộ CHQS tỉnh "
                                  "chủ trì."))
    unit = next(u for u in rec["units"] if "place" in u)
    assert record_problems(rec) == []
    unit["place"]["code"] = 6
    assert record_problems(rec) == [(f"units[{rec['units'].index(unit)}].place.code",
                                     "is 6: give a string")]
