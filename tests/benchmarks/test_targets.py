"""Issue 18's targets sit beside what a benchmark run measured, with a verdict each."""

from __future__ import annotations

from types import ModuleType
from typing import Any


def _build(wall: float, peak: float = 1000.0, store: float = 30_000.0) -> dict[str, Any]:
    return {"wall_s": wall, "peak_rss_mb": peak, "store_mb": store,
            "named_per_article": 90.0, "union_per_article": 20.0}


def _rows(targets: ModuleType, res: dict[str, Any]) -> dict[str, tuple[str, str, str]]:
    return {r[0]: r[1:] for r in targets.rows(res)}


def test_a_run_within_every_target_says_ok(targets: ModuleType) -> None:
    res = {"sizes": [100_000, 1_000_000],
           "build": {"100000/w2": _build(250.0), "1000000/w2": _build(2600.0)},
           "queries": {"chairs": {"p95_ms": 40.0}, "holders": {"p95_ms": 99.0}}}
    rows = _rows(targets, res)
    assert rows["target: build 1000000"] == (
        "2600 s, 1000 MB peak, 30.0 GB store", "<= 3600 s, <= 8192 MB peak, <= 40 GB store", "ok")
    assert rows["target: build 100000 -> 1000000"][0] == "10.4x the time"
    assert rows["target: quads per article @1000000"][2] == "ok"
    assert rows["target: named queries @1000000"] == (
        "worst p95 99 ms (holders); 0 of 2 over", "p95 <= 100 ms each at 1000000", "ok")


def test_each_missed_target_says_over(targets: ModuleType) -> None:
    res = {"sizes": [10_000, 100_000, 1_000_000],
           "build": {"10000/w2": _build(40.0), "100000/w2": _build(420.0, peak=2100.0),
                     "1000000/w2": _build(5000.0, store=41_000.0)},
           "queries": {"chairs": {"p95_ms": 140.0}, "sources": {"timeout": 30}}}
    rows = _rows(targets, res)
    assert rows["target: build 100000"][2] == "over"
    assert rows["target: build 1000000"][2] == "over"
    assert rows["target: build 10000 -> 100000"] == ("10.5x the time", "<= 11x", "ok")
    assert rows["target: build 100000 -> 1000000"] == ("11.9x the time", "<= 11x", "over")
    assert rows["target: named queries @1000000"][0] == "worst p95 140 ms (chairs); 2 of 2 over"


def test_a_target_out_of_the_runs_reach_is_not_measured(targets: ModuleType) -> None:
    res = {"sizes": [1000, 10_000], "queries": {"chairs": {"p95_ms": 12.0}},
           "build": {"1000/w2": _build(5.0), "10000/w2": {"wall_s": 45.0, "peak_rss_mb": 900}}}
    rows = _rows(targets, res)
    assert rows["target: build 100000"][0] == "not measured (largest size 10000)"
    assert rows["target: quads per article"] == ("not measured", "<= 120", "")
    assert rows["target: named queries @10000"][2] == "ok at 10000 only"
    assert "target: build 1000 -> 10000" in rows
