"""The synthetic corpus: reproducible from its seed, and extraction scores well on its gold."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

from vnkg.extraction import extract_record
from vnkg.extraction.evaluate import evaluate
from vnkg.extraction.read import read_documents

SYNTH = Path(__file__).resolve().parents[2] / "benchmarks" / "synth.py"


def _synth() -> ModuleType:
    spec = importlib.util.spec_from_file_location("synth", SYNTH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("synth", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file()}


def test_same_seed_same_corpus_other_seed_other(tmp_path: Path) -> None:
    synth = _synth()
    synth.generate(40, 5, tmp_path / "a")
    synth.generate(40, 5, tmp_path / "b")
    synth.generate(40, 6, tmp_path / "c")
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")
    assert len(list((tmp_path / "a" / "articles").glob("*.txt"))) == 40


def test_a_slice_is_the_same_articles(tmp_path: Path) -> None:
    synth = _synth()
    whole = [a.text for a in synth.articles(10, 3)]
    part = [a.text for a in synth.articles(4, 3, start=6)]
    assert whole[6:] == part


def test_officials_recur_across_articles() -> None:
    synth = _synth()
    names: dict[str, int] = {}
    for a in synth.articles(300, 1):
        for p in a.gold["persons"]:
            names[p["name"]] = names.get(p["name"], 0) + 1
    assert max(names.values()) >= 3


def test_extraction_scores_well_on_the_gold(tmp_path: Path) -> None:
    synth = _synth()
    folder = synth.generate(80, 11, tmp_path)
    records = [extract_record(doc) for doc in read_documents([folder])]
    gold = [json.loads(line) for line in (tmp_path / "gold.jsonl").read_text("utf-8").split("\n")
            if line]
    assert {r["doc"]["id"] for r in records} == {g["id"] for g in gold}
    report = evaluate(records, tmp_path / "gold.jsonl")
    assert report.overall >= 0.9, report.as_dict()["rows"]
    assert report.f1("role:chair") >= 0.9
