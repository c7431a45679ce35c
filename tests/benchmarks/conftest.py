"""Fixtures for the benchmark tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _script(name: str) -> ModuleType:
    """benchmarks/NAME.py as a module (the benchmarks are scripts, not a package)."""
    sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def bench_export() -> ModuleType:
    """benchmarks/bench_export.py as a module."""
    return _script("bench_export")


@pytest.fixture(scope="session")
def targets() -> ModuleType:
    """benchmarks/targets.py as a module."""
    return _script("targets")


@pytest.fixture(scope="session")
def neo4j_floor() -> ModuleType:
    """benchmarks/neo4j_floor.py as a module."""
    return _script("neo4j_floor")


@pytest.fixture(scope="session")
def bench_quads() -> ModuleType:
    """benchmarks/bench_quads.py as a module."""
    return _script("bench_quads")


@pytest.fixture(scope="session")
def bench_run() -> ModuleType:
    """benchmarks/run.py (what `make bench` runs) as a module."""
    return _script("run")


@pytest.fixture(scope="session")
def bench_neo4j_bulk() -> ModuleType:
    """benchmarks/bench_neo4j_bulk.py as a module."""
    return _script("bench_neo4j_bulk")


@pytest.fixture(scope="session")
def bench_build() -> ModuleType:
    """benchmarks/bench_build.py as a module."""
    return _script("bench_build")
