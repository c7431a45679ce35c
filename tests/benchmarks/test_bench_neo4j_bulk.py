"""bench_neo4j_bulk's table: the bulk path against the Bolt loader, and the server's floor."""

from __future__ import annotations

from types import ModuleType
from typing import Any

BOLT = {"articles": 5000, "of": 100000, "write_s": 50.0, "relationships": 130000,
        "rel_per_s": 2600.0, "whole_s": 1000.0, "batch_s": [14.0, 6.0]}


def _rows(bench: ModuleType, res: dict[str, Any]) -> dict[str, tuple[str, str, str]]:
    return {r[0]: r[1:] for r in bench.rows(res)}


def test_every_figure_has_its_row(bench_neo4j_bulk: ModuleType) -> None:
    res = {"export": {"wall_s": 600.0, "peak_mb": 490.0}, "import": {"wall_s": 40.0},
           "bolt": {**BOLT, "floor_s": 5.0, "floor_rel_per_s": 26000.0}}
    rows = _rows(bench_neo4j_bulk, res)
    assert rows["bulk path (export + import)"][0] == "640.0 s"
    assert rows["bulk path (export + import)"][2] == "1.56x the Bolt loader's speed"
    assert "14.0 s first, 6.0 s last" in rows["Bolt loader"][0]
    assert rows["Neo4j's floor (bare MERGE)"][0].startswith("26,000 rel/s")
    assert rows["Neo4j's floor (bare MERGE)"][2].endswith("the loader at 10% of the floor's speed")


def test_a_run_without_the_floor_still_compares_the_paths(bench_neo4j_bulk: ModuleType) -> None:
    res = {"export": {"wall_s": 600.0, "peak_mb": 490.0}, "import": {"wall_s": 40.0},
           "bolt": BOLT}
    rows = _rows(bench_neo4j_bulk, res)
    assert "bulk path (export + import)" in rows
    assert "Neo4j's floor (bare MERGE)" not in rows


def test_a_load_the_server_stopped_says_why_and_bounds_the_ratio(
        bench_neo4j_bulk: ModuleType) -> None:
    stopped = ("the batch of 1000 articles from a-60000 failed: "
               "DatabaseError: No space left on device")
    res = {"export": {"wall_s": 280.0, "peak_mb": 410.0}, "import": {"wall_s": 40.0},
           "bolt": {**BOLT, "articles": 60000, "whole_s": 2000.0, "stopped": stopped}}
    rows = _rows(bench_neo4j_bulk, res)
    assert f"the 60000 of 100000 articles written before {stopped}" in rows["Bolt loader"][0]
    assert rows["bulk path (export + import)"][2] == "at least 6.25x the Bolt loader's speed"
    assert "Neo4j's floor (bare MERGE)" not in rows


def test_a_load_stopped_before_any_article_still_says_why(bench_neo4j_bulk: ModuleType) -> None:
    stopped = "the batch of 1 articles from a-1 failed: TransientError: too big"
    res = {"bolt": {**BOLT, "articles": 0, "relationships": 0, "rel_per_s": 0.0,
                    "whole_s": None, "batch_s": [], "stopped": stopped}}
    assert _rows(bench_neo4j_bulk, res)["Bolt loader"][0] == f"stopped at once: {stopped}"
