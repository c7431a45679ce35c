"""Two builds on one store at once: the second refuses with a clear message (or waits, with
`wait`), and the store the first one writes is whole."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.paths import EXAMPLES
from vnkg.extraction.read import read_documents
from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.loaders.store import StoreBusyError

BUSY = "is in use by another process (another vnkg build or query?); wait for it to finish"


def test_a_second_open_refuses_then_waits(tmp_path: Path) -> None:
    path = tmp_path / "s"
    with OxigraphStore(path):
        with pytest.raises(StoreBusyError, match=re.escape(BUSY)):
            OxigraphStore(path)
        start = time.monotonic()
        with pytest.raises(StoreBusyError):
            OxigraphStore(path, wait=0.6)
        assert time.monotonic() - start >= 0.6
    with OxigraphStore(path) as again:  # closed: free again
        assert again.count() == 0


def test_a_file_or_a_damaged_store_is_named(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(ValueError, match="is a file, not a store folder"):
        OxigraphStore(tmp_path / "file")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "CURRENT").write_text("garbage", encoding="utf-8")
    with pytest.raises(ValueError, match="damaged or not a vnkg store"):
        OxigraphStore(tmp_path / "bad")


def start_and_wait_for_lock(cmd: list[str], store: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while not (store / "LOCK").exists() and proc.poll() is None:
        assert time.monotonic() < deadline, "the first build never opened the store"
        time.sleep(0.05)
    return proc


def second_build_meanwhile(tmp_path: Path, make_corpus: Callable[[Path, int], Path],
                           build_cmd: Callable[[Path, Path], list[str]]
                           ) -> tuple[subprocess.CompletedProcess[str], str]:
    corpus, store = make_corpus(tmp_path / "in", 4), tmp_path / "s"
    first = start_and_wait_for_lock(build_cmd(corpus, store), store)
    second = subprocess.run(build_cmd(corpus, store), capture_output=True, text=True)
    assert first.poll() is None, "the first build ended before the second started"
    _, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    return second, err


def test_second_build_refuses_clearly_and_the_store_stays_whole(
        tmp_path: Path, make_corpus: Callable[[Path, int], Path],
        build_cmd: Callable[[Path, Path], list[str]],
        every_graph_is_whole: Callable[[Path], bool]) -> None:
    second, first_said = second_build_meanwhile(tmp_path, make_corpus, build_cmd)
    assert second.returncode != 0
    assert BUSY in second.stderr
    documents = 4 * len(list(read_documents([EXAMPLES])))
    assert f"{documents} documents: {documents} written, 0 unchanged" in first_said
    assert every_graph_is_whole(tmp_path / "s")
    with OxigraphStore(tmp_path / "s") as rdf:
        assert len(rdf.articles()) == documents


def test_second_build_exits_3_without_a_traceback(
        tmp_path: Path, make_corpus: Callable[[Path, int], Path],
        build_cmd: Callable[[Path, Path], list[str]]) -> None:
    corpus, store = make_corpus(tmp_path / "in", 1), tmp_path / "s"
    with OxigraphStore(store):  # a build holding the store
        second = subprocess.run(build_cmd(corpus, store), capture_output=True, text=True)
    assert second.returncode == 3 and "Traceback" not in second.stderr


def test_sys_executable_runs_the_cli() -> None:
    out = subprocess.run([sys.executable, "-m", "vnkg.cli", "build", "--help"],
                         capture_output=True, text=True)
    assert out.returncode == 0 and "--store" in out.stdout
