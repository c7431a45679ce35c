"""Extraction workers: documents in, fragments (extracted and resolved) out, in input order,
in this process or over worker processes, so a build with `jobs` N writes exactly what it
writes with 1.

Extraction and resolution are pure CPU work on one document at a time, while writing needs
the store, which only one process may hold. So with `jobs` > 1 the workers extract and the
parent alone reads the files and writes. Documents go to the workers a window at a time
(bounded memory: one window of documents and one of fragments in the parent at once); the
next window is handed out before the parent writes the current one, so the workers extract
while it writes. Each worker loads the lexicons and the gazetteer once, when it starts. For
a build into the RDF store alone, the workers also render the statements (`finish`:
graph.rdf.render), which leaves the writing process, the bottleneck on two cores, only the
loading.

The workers are plain processes with one pipe each, driven by the parent alone: no helper
threads, so stopping them (Ctrl-C, an error, the end) is a terminate and a join that cannot
hang. (multiprocessing.Pool waits forever for a task whose worker was killed, and both it
and concurrent.futures can deadlock at exit when a worker dies mid-message.)

>>> from vnkg.extraction.document import Document
>>> with Extractor(jobs=1) as ex:  # jobs=2 gives the same fragments
...     [f.article for f in ex.fragments([Document(id="a1", text="Sáng 9/10, ...")])]
['a1']
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import traceback
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any

from vnkg import extraction  # its engine loads on first use
from vnkg.extraction.document import Document
from vnkg.graph.model import Fragment
from vnkg.graph.overrides import Overrides, apply_overrides
from vnkg.graph.resolve import to_fragment

Record = dict[str, Any]
Finish = Callable[[Fragment], Any]  # what the workers send instead of the fragment, if given:
# a module-level function, so that it pickles (graph.rdf.render: the RDF store's input)
WINDOW = 1000  # documents handed to the workers at once
_WARM_UP = Document(id="warm-up", text="Sáng 9/10, UBND huyện Ba Bể tổ chức hội nghị tổng kết "
                    "Nghị định 21/2019/NĐ-CP. Đồng chí Nguyễn Văn A, Chủ tịch UBND huyện chủ trì.")


def fragment_for(doc: Document, overrides: Overrides) -> Fragment:
    """Extract and resolve one document, with the user's overrides applied: the one function
    both the serial path and the workers run, which is what makes their output identical."""
    return apply_overrides(to_fragment(extraction.extract_record(doc), doc.text), overrides)


def default_jobs() -> int:
    """The worker processes a build uses when not told: the cores this process may run on
    (its CPU affinity where the system has one, as a container's or `taskset`'s limit is
    there; else every core), so a build uses the machine unless told otherwise.

    >>> default_jobs() >= 1
    True
    """
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def check_jobs(jobs: object) -> int:
    """`jobs` as a process count, or a ValueError saying what is accepted."""
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"`jobs` takes a whole number of 1 or more, not {jobs!r}")
    return jobs


class WorkerDiedError(RuntimeError):
    """An extraction worker ended without a result (killed, out of memory, crashed)."""


class WorkerTraceback(Exception):
    """The traceback, in the worker, of an exception a worker raised (its __cause__)."""


class Extractor:
    """Turns documents into fragments; a context manager that owns the workers, if any.

    The workers start on entry (so before the caller opens a store: they never hold it)
    and are stopped on exit, whether the build finished, raised, or was interrupted. A
    worker's exception reaches the caller as is; a worker that dies is a WorkerDiedError.
    """

    def __init__(self, jobs: int = 1, overrides: Overrides | None = None,
                 window: int = WINDOW, finish: Finish | None = None) -> None:
        self.jobs = check_jobs(jobs)
        self.overrides = overrides or Overrides()
        self.window = max(1, window)
        self.finish = finish
        self._workers: list[tuple[multiprocessing.process.BaseProcess, Connection]] = []

    def __enter__(self) -> Extractor:
        if self.jobs > 1:
            try:
                for _ in range(self.jobs):
                    ours, theirs = multiprocessing.Pipe()
                    parent_ends = [conn for _, conn in self._workers] + [ours]
                    proc = multiprocessing.Process(
                        target=_serve, args=(theirs, parent_ends, self.overrides, self.finish),
                        name="vnkg-extract", daemon=True)
                    proc.start()
                    theirs.close()
                    self._workers.append((proc, ours))
            except BaseException:
                self.close()
                raise
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers now: they hold no store, and nothing they still do is wanted."""
        workers, self._workers = self._workers, []
        for proc, conn in workers:
            conn.close()
            proc.terminate()
        for proc, _ in workers:
            proc.join(5)
            if proc.is_alive():
                proc.kill()
                proc.join()

    def fragments(self, docs: Iterable[Document]) -> Iterator[Any]:
        """The fragments of `docs` (passed through `finish`, if given), one per document, in
        the order of `docs`.

        With workers, the first window is dealt out now, before the caller asks for the
        first fragment: they extract while the caller gets ready (a build opens the store
        and writes the reference gazetteer meanwhile, several seconds on a new store)."""
        if not self._workers:
            if self.jobs > 1:
                raise RuntimeError("use the Extractor in a with block to start its workers")
            return (_finished(doc, self.overrides, self.finish) for doc in docs)
        it = iter(docs)
        window = list(islice(it, self.window))
        return self._stream(it, self._send(window) if window else 0)

    def _stream(self, it: Iterator[Document], size: int) -> Iterator[Any]:
        """The fragments of the window of `size` dealt out, then of the rest of `it`."""
        while size:
            window = list(islice(it, self.window))  # read while the workers extract
            done = self._receive(size)
            size = self._send(window) if window else 0  # the workers extract this window
            del window
            yield from done  # ... while the caller writes the last one

    def _send(self, window: list[Document]) -> int:
        """Deal a window out, document i to worker i mod jobs; the window's size."""
        for k, (proc, conn) in enumerate(self._workers):
            try:
                conn.send(window[k::len(self._workers)])
            except OSError as err:
                raise WorkerDiedError(_died(proc)) from err
        return len(window)

    def _receive(self, size: int) -> list[Any]:
        """A window's fragments back from the workers, put back in input order."""
        parts = []
        for proc, conn in self._workers:
            try:
                reply = conn.recv()
            except (EOFError, OSError) as err:
                raise WorkerDiedError(_died(proc)) from err
            if reply[0] == "error":
                raise reply[1] from WorkerTraceback(reply[2])
            parts.append(reply[1])
        jobs = len(parts)
        return [parts[i % jobs][i // jobs] for i in range(size)]


def _died(proc: multiprocessing.process.BaseProcess) -> str:
    """What to tell the user about a worker whose pipe broke."""
    proc.join(2)
    return (f"an extraction worker stopped (exit code {proc.exitcode}) before it finished: "
            "killed, or out of memory? run the build again with fewer `jobs`")


def _finished(doc: Document, overrides: Overrides, finish: Finish | None) -> Any:
    fragment = fragment_for(doc, overrides)
    return fragment if finish is None else finish(fragment)


def _serve(conn: Connection, parent_ends: list[Connection], overrides: Overrides,
           finish: Finish | None) -> None:
    """A worker: pays its start cost (lexicons, gazetteer) once, then extracts each list of
    documents it is sent, until the parent closes its pipe or dies. It first closes the
    parent's ends of the pipes that it inherited (a forked worker holds copies of them):
    else a parent killed outright (SIGKILL) would leave its pipe open, and the worker would
    wait on it for ever. Ctrl-C is the parent's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for end in parent_ends:
        end.close()
    parent = os.getppid()
    fragment_for(_WARM_UP, overrides)
    while True:
        try:
            docs: list[Document] = conn.recv()
        except (EOFError, OSError):
            return
        try:
            done = []
            for doc in docs:
                if os.getppid() != parent:
                    return  # orphaned: no one will read the rest
                done.append(_finished(doc, overrides, finish))
            reply: tuple[Any, ...] = ("ok", done)
        except Exception as err:
            reply = ("error", err, traceback.format_exc())
        try:
            conn.send(reply)  # pickles first, so a failure to pickle sends nothing
        except (EOFError, OSError):
            return
        except Exception as err:  # an exception that does not pickle: send what it says
            what = repr(reply[1]) if reply[0] == "error" else f"unsendable fragments: {err!r}"
            conn.send(("error", RuntimeError(what), reply[-1] if reply[0] == "error" else ""))
