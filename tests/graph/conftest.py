"""Fixtures of the graph tests: a real two-worker Dask cluster (distributed.LocalCluster,
worker processes), started once for the module that uses it (and stopped after it, so its
worker processes are gone before tests that count a pool's children), and the shared
corpus's seed and dev articles as the paths a user would give."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def dask_scheduler() -> Iterator[str]:
    """The tcp:// address of the scheduler of a local cluster of two worker processes, one
    thread each, as `vnkg extract --cluster` takes it."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        assert cluster.scheduler_address.startswith("tcp://")
        yield cluster.scheduler_address


@pytest.fixture(scope="session")
def corpus_paths(shared: Path) -> list[Path]:
    """The seed articles (a folder) and the dev articles (JSON Lines), read in place."""
    return [shared / "corpus" / "seeds", shared / "corpus" / "dev.jsonl"]
