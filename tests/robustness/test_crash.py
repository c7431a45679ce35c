"""Nothing lost: `vnkg build` killed (SIGKILL) at random points and then re-run leaves the
store equal to a clean build's; a re-run changes nothing; a changed article replaces only its
own statements."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from rdflib.namespace import RDF

import vnkg
from vnkg.graph.rdf import graph_iri
from vnkg.graph.vocab import VNKG
from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.loaders.rdf_summaries import SUMMARY_PREDICATES

COPIES = 15  # 15 x 14 files: a few hundred articles, more than one write batch
KILLS = 3
SUMMARIES = {f"<{p}>" for p in SUMMARY_PREDICATES}


def quads(store: Path) -> set[tuple[str, ...]]:
    with OxigraphStore(store) as rdf:
        named = {(g.n3(), s.n3(), p.n3(), o.n3()) for s, p, o, g in rdf.quads()}
        return named | {("", s.n3(), p.n3(), o.n3()) for s, p, o in rdf.union_triples()}


def children(pid: int) -> list[int]:
    """The processes `pid` started (its extraction workers), from Linux's /proc."""
    listed = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(c) for c in listed.read_text().split()] if listed.exists() else []


def alive(pid: int) -> bool:
    """Whether `pid` still runs (a zombie waiting to be reaped does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False


def kill_during_a_build(cmd: list[str], after: float) -> bool:
    """Start a build, SIGKILL it `after` seconds later; False when it had already finished.
    Its workers, orphaned by the kill, must end on their own within seconds."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(after)
    workers = children(proc.pid)
    running = proc.poll() is None
    if running:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 30
    while any(map(alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(alive, workers)), "a killed build's workers outlived it"
    return running


def test_killed_builds_then_rerun_equal_a_clean_build(
        tmp_path: Path, make_corpus: Callable[[Path, int], Path],
        build_cmd: Callable[[Path, Path], list[str]],
        every_graph_is_whole: Callable[[Path], bool]) -> None:
    corpus = make_corpus(tmp_path / "in", COPIES)
    clean, crashed = tmp_path / "clean", tmp_path / "crashed"
    start = time.monotonic()
    subprocess.run(build_cmd(corpus, clean), check=True, capture_output=True)
    duration = time.monotonic() - start
    rng = random.Random(20261122)
    killed = 0
    for _ in range(KILLS * 4):
        if killed == KILLS:
            break
        if kill_during_a_build(build_cmd(corpus, crashed), rng.uniform(0.15, 0.7) * duration):
            killed += 1
            assert every_graph_is_whole(crashed)
        else:  # the build beat the kill (a warm run is faster than the first): start over, sooner
            shutil.rmtree(crashed, ignore_errors=True)
            duration /= 2
    assert killed == KILLS, "the build finished before the kills; the test proved nothing"
    done = subprocess.run(build_cmd(corpus, crashed), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    expected = quads(clean)
    assert quads(crashed) == expected
    again = subprocess.run(build_cmd(corpus, crashed), capture_output=True, text=True)
    assert " 0 written, " in again.stderr
    assert quads(crashed) == expected


def test_changed_article_replaces_only_its_own_statements(
        tmp_path: Path, make_corpus: Callable[[Path, int], Path]) -> None:
    corpus = make_corpus(tmp_path / "in", 1)
    store = tmp_path / "s"
    assert vnkg.build([corpus], store=store, reference=False).ok
    before = quads(store)
    changed = corpus / "c0-02-ba-be-giao-nhan-quan-2023.txt"
    changed.write_text(changed.read_text("utf-8").replace("Ba Bể", "Pác Nặm"), "utf-8")
    report = vnkg.build([corpus], store=store, reference=False)
    assert report.written == 1
    after = quads(store)
    graph = graph_iri("c0-02-ba-be-giao-nhan-quan-2023").n3()
    assert ({q for q in before if q[0] not in (graph, "")}
            == {q for q in after if q[0] not in (graph, "")})
    assert {q for q in before if q[0] == graph} != {q for q in after if q[0] == graph}
    # the union in the default graph follows: each triple of a named graph, and no other
    # but what it holds alone (graph.rdf) about a subject a named graph has
    union, named = ({q[1:] for q in after if (q[0] == "") == default} for default in (True, False))
    # and the holding summaries (loaders/rdf_summaries.py), which no named graph states
    alone = {t for t in union - named if t[1] not in SUMMARIES}
    assert named <= union and alone
    assert {p for _, p, _ in alone} <= {f"<{p}>" for p in (RDF.type, VNKG.id, VNKG.key,
                                                            VNKG.subject, VNKG.object)}
    assert {s for s, _, _ in alone} <= {s for s, _, _ in named}
