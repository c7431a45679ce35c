"""`make bench`'s table: the build's projection to 100k articles."""

from __future__ import annotations

from types import ModuleType


def test_the_projection_takes_the_marginal_cost_between_two_sizes(bench_run: ModuleType) -> None:
    res = {"build": {"1000/w2": {"wall_s": 20.0}, "10000/w2": {"wall_s": 47.0}}}
    row = bench_run._projection(res, [1000, 10000])
    # 3 ms an article past a start of 17 s
    assert row[1:] == ("317 s", "target 300 s", "3.0 ms/article")


def test_one_size_is_not_projected(bench_run: ModuleType) -> None:
    row = bench_run._projection({"build": {"200/w2": {"wall_s": 11.1}}}, [200])
    assert row[1].startswith("not projected")
