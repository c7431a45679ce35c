"""Extraction quality on the shared dev corpus and seeds never drops below thresholds.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vnkg.extraction import extract_records
from vnkg.extraction.document import Document
from vnkg.extraction.evaluate import Report, evaluate, format_report

THRESHOLDS = Path(__file__).resolve().parents[2] / "thresholds.json"


def _check(report: Report, floors: dict[str, float]) -> list[str]:
    low = []
    for name, floor in floors.items():
        value = report.accuracy(name) if name in report.accuracies else report.f1(name)
        if value is None or value < floor:
            low.append(f"{name}: {value} < {floor}")
    return low


@pytest.mark.parametrize("corpus", ["dev", "dev2", "seeds"])
def test_scores_stay_above_floors(corpus: str, corpus_docs: dict[str, list[Document]],
                                  shared: Path) -> None:
    floors = json.loads(THRESHOLDS.read_text(encoding="utf-8"))[corpus]
    gold = shared / "corpus" / f"{corpus}.gold.jsonl"
    report = evaluate(extract_records(corpus_docs[corpus]), gold)
    low = _check(report, floors)
    assert not low, "\n".join(low) + "\n" + format_report(report, show=10)
