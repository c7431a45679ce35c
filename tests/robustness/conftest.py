"""Fixtures for the robustness tests: copies of the sample articles to build, the build
command as a separate process runs it, and a check that every article graph is whole."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.paths import EXAMPLES
from vnkg.loaders.oxigraph_store import OxigraphStore


@pytest.fixture(scope="session")
def make_corpus() -> Callable[[Path, int], Path]:
    """`make_corpus(folder, copies)`: the sample articles copied `copies` times into the new
    `folder`, each copy with fresh ids; returns the folder."""
    return _make_corpus


@pytest.fixture(scope="session")
def build_cmd() -> Callable[[Path, Path], list[str]]:
    """`build_cmd(corpus, store)`: the command line of `vnkg build` in a process of its own."""
    return _build_cmd


@pytest.fixture(scope="session")
def every_graph_is_whole() -> Callable[[Path], bool]:
    """Checks a store: each article graph carries its digest, written with it in one update."""
    return _every_graph_is_whole


def _make_corpus(folder: Path, copies: int) -> Path:
    folder.mkdir()
    for k in range(copies):
        for src in sorted(EXAMPLES.iterdir()):
            if src.suffix == ".jsonl":
                rows = [json.loads(line) for line in src.read_text("utf-8").splitlines() if line]
                text = "\n".join(json.dumps({**r, "id": f"c{k}-{r['id']}"}, ensure_ascii=False)
                                 for r in rows)
                (folder / f"c{k}-{src.name}").write_text(text + "\n", encoding="utf-8")
            elif src.is_file():
                shutil.copy(src, folder / f"c{k}-{src.name}")
    return folder


def _build_cmd(corpus: Path, store: Path) -> list[str]:
    return [sys.executable, "-m", "vnkg.cli", "build", str(corpus), "--store", str(store),
            "--no-reference"]


def _every_graph_is_whole(store: Path) -> bool:
    with OxigraphStore(store) as rdf:
        return all(rdf.digest(a) is not None for a in rdf.articles())
