"""`vnkg build --jobs N`: the same store as one process, problems and overrides kept, and a
pool that never outlives an error."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest

import vnkg
from tests.paths import EXAMPLES
from vnkg.cli import main
from vnkg.extraction.document import Document
from vnkg.extraction.read import read_documents
from vnkg.graph.model import Fragment
from vnkg.graph.overrides import Overrides
from vnkg.graph.workers import Extractor, WorkerDiedError, fragment_for
from vnkg.loaders.oxigraph_store import OxigraphStore


def _sorted_nquads(store: Path, out: Path) -> list[str]:
    assert main(["export", "nquads", "-o", str(out), "--store", str(store)]) == 0
    return sorted(line for line in out.read_text("utf-8").splitlines() if line.strip())


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own N-Quads writer
def test_jobs_2_and_the_default_build_the_store_jobs_1_builds(tmp_path: Path) -> None:
    for jobs in ("1", "2", ""):  # "": no --jobs, the cores this process may use
        given = ["--jobs", jobs] if jobs else []
        assert main(["build", str(EXAMPLES), "--store", str(tmp_path / f"j{jobs}"), *given,
                     "--no-reference"]) == 0
    one = _sorted_nquads(tmp_path / "j1", tmp_path / "1.nq")
    assert len(one) > 1000
    for other in ("j2", "j"):
        assert _sorted_nquads(tmp_path / other, tmp_path / f"{other}.nq") == one, other


def test_the_default_jobs_are_the_cores_this_process_may_use() -> None:
    from vnkg.graph.workers import default_jobs

    allowed = (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else os.cpu_count())
    assert default_jobs() == allowed


def _corpus(tmp_path: Path) -> Path:
    """The sample articles plus broken files: empty, binary, and a jsonl with a bad row."""
    folder = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "rows.jsonl").write_text(
        '{"id": "row-1", "text": "Sáng 9/10, UBND huyện Ba Bể tổ chức hội nghị."}\n'
        "{not json\n", "utf-8")
    return folder


def _two_people(docs: list[Document]) -> tuple[str, str]:
    """Ids of two people from different articles, to pin together with an override."""
    people = [next(n.id for n in fragment_for(d, Overrides()).nodes.values()
                   if n.label == "Person") for d in docs[:2]]
    assert people[0] != people[1]
    return people[0], people[1]


def test_problems_overrides_and_progress_survive_jobs(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    keep, pinned = _two_people(list(read_documents([EXAMPLES])))
    overrides = tmp_path / "overrides.json"
    overrides.write_text(json.dumps({"same": [[keep, pinned]]}), "utf-8")
    reports, graphs, seen = {}, {}, {}
    for jobs in (1, 2):
        calls: list[int] = []
        store = tmp_path / f"store-{jobs}"
        reports[jobs] = vnkg.build([corpus], store=store, progress=calls.append,
                                   reference=False, overrides=overrides, jobs=jobs)
        seen[jobs] = calls
        with OxigraphStore(store) as rdf:
            graphs[jobs] = rdf.read_graph()
    assert reports[2].problems == reports[1].problems
    where = {Path(p.path).name: p.reason for p in reports[2].problems}
    assert {"empty.txt", "binary.txt", "rows.jsonl"} <= set(where), where
    assert all(reason for reason in where.values())
    assert reports[2].documents == reports[1].documents == 16
    assert reports[2].triples == reports[1].triples
    assert seen[2] == seen[1] == [16]
    assert keep in graphs[2].nodes and pinned not in graphs[2].nodes
    assert graphs[2] == graphs[1]


def _many(n: int) -> Iterator[Document]:
    """`n` documents from the samples under ids of their own (for several windows)."""
    docs = list(read_documents([EXAMPLES]))
    for i in range(n):
        doc = docs[i % len(docs)]
        yield Document(id=f"{doc.id}-{i}", text=doc.text, published=doc.published)


def test_windows_keep_the_input_order() -> None:
    serial = [fragment_for(d, Overrides()) for d in _many(40)]
    with Extractor(jobs=2, window=7) as ex:
        parallel: list[Fragment] = list(ex.fragments(_many(40)))
    assert [f.article for f in parallel] == [f.article for f in serial]
    assert parallel == serial


def test_the_first_window_is_dealt_out_before_the_first_fragment_is_asked_for() -> None:
    """The workers extract while the caller gets ready (a build writes the gazetteer)."""
    drawn: list[str] = []

    def docs() -> Iterator[Document]:
        for doc in _many(10):
            drawn.append(doc.id)
            yield doc

    with Extractor(jobs=2, window=4) as ex:
        fragments = ex.fragments(docs())
        assert len(drawn) == 4  # the first window, sent; nothing asked for yet
        assert [f.article for f in fragments] == [d.id for d in _many(10)]


def _workers() -> list[multiprocessing.process.BaseProcess]:
    return multiprocessing.active_children()


def _gone(procs: list[multiprocessing.process.BaseProcess]) -> bool:
    deadline = time.monotonic() + 10
    while any(p.is_alive() for p in procs) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not any(p.is_alive() for p in procs)


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail the test, rather than hang the suite, if it takes over a minute."""
    def stop(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError("the parallel extractor hung")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


@pytest.mark.usefixtures("no_hang")
def test_a_worker_error_reaches_the_caller_and_stops_the_pool() -> None:
    bad = Document(id="bad", text=123)  # type: ignore[arg-type]
    with pytest.raises(TypeError), Extractor(jobs=2, window=4) as ex:
        procs = _workers()
        assert len(procs) == 2  # all started on entry
        for _ in ex.fragments([*_many(6), bad, *_many(6)]):
            pass
    assert _gone(procs)


@pytest.mark.usefixtures("no_hang")
def test_an_interrupt_stops_the_pool() -> None:
    with pytest.raises(KeyboardInterrupt), Extractor(jobs=2, window=4) as ex:
        procs = _workers()
        next(ex.fragments(_many(40)))
        raise KeyboardInterrupt  # what Ctrl-C raises in the parent mid-build
    assert _gone(procs)


@pytest.mark.usefixtures("no_hang")
def test_a_killed_worker_raises_instead_of_hanging() -> None:
    with pytest.raises(WorkerDiedError, match="exit code -9"), \
            Extractor(jobs=2, window=2) as ex:
        procs = _workers()
        fragments = ex.fragments(_many(40))
        next(fragments)
        os.kill(procs[0].pid or 0, signal.SIGKILL)
        assert _gone(procs[:1])
        list(fragments)
    assert _gone(procs)


def test_jobs_must_be_a_whole_number_of_one_or_more(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    for bad in ("0", "-2", "two", "1.5"):
        with pytest.raises(SystemExit) as stop:
            main(["build", str(EXAMPLES), "--store", str(tmp_path / "s"), "--jobs", bad])
        assert stop.value.code == 2
        assert "--jobs" in capsys.readouterr().err
    for value in (0, -1, True, 2.0):
        with pytest.raises(ValueError, match="`jobs` takes a whole number"):
            vnkg.build([EXAMPLES], store=tmp_path / "s", jobs=value)  # type: ignore[arg-type]
    assert not (tmp_path / "s").exists()
