"""How the Bolt loader cuts fragments into transactions: batches of whole fragments of about
`BATCH_ROWS` rows, made in a thread ahead of the writes, and smaller ones once the server
has run out of transaction memory for one (`BatchSize`).

Why the memory can run out at a size that went through before: a node or relationship
that many articles state (a district, a unit, a rank) carries the list of those articles,
and each batch naming it rewrites its whole list, so a batch's transaction grows with the
store (at 1 GB of heap, 10,000-row batches of synthetic articles ran out after some 4,400
articles).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from queue import Queue
from threading import Thread
from typing import Any, TypeVar

from vnkg.graph.model import Fragment
from vnkg.loaders.neo4j_rows import FragmentRows, InvalidFragment, Rows, fragment_rows

_T = TypeVar("_T")
# Rows per transaction. Each batch costs some 25 round trips (a query per label and type), and
# while this thread waits for the server the prefetch thread builds the next rows holding the
# GIL, so each answer waits for it too: at 1,000 rows that wait was over half the load time of
# 3,000 synthetic articles (68 s, against 28 s at 10,000 rows; benchmarks/bench_neo4j_bulk.py).
# Far larger batches hit the server's transaction memory limit (50,000 rows used 2.1 GiB).
BATCH_ROWS = 10_000
Batch = tuple[list[FragmentRows], Rows, list[tuple[str, str]]]


class TooBig(Exception):
    """The server ran out of transaction memory for a batch (nothing of it was written)."""


class BatchSize:
    """The rows a batch may hold: `rows` at first, then half of the largest batch the server
    had not the memory for, each time one fails so (never under one fragment).

    >>> size = BatchSize(10_000)
    >>> size.halve(8_000); size.rows
    4000
    """

    def __init__(self, rows: int) -> None:
        self.rows = rows

    def halve(self, failed: int) -> None:
        """A batch of `failed` rows was too big: later batches hold at most half of it."""
        self.rows = max(1, min(self.rows, failed // 2))


def batches(fragments: Iterable[Fragment], size: BatchSize) -> Iterator[Batch]:
    """Groups of whole fragments of about `size.rows` rows (read as each batch starts),
    their merged rows (built here, in the prefetch thread, off the transaction's path), and
    the invalid fragments met."""
    batch: list[FragmentRows] = []
    invalid: list[tuple[str, str]] = []
    rows = 0
    for fragment in fragments:
        try:
            done = fragment_rows(fragment)
        except InvalidFragment as err:
            invalid.append((fragment.article, str(err)))
            continue
        # a full batch, or the same article twice (the later one must replace the earlier)
        if batch and (rows + done.size() > size.rows
                      or any(f.article == done.article for f in batch)):
            yield batch, Rows.of(batch), invalid
            batch, invalid, rows = [], [], 0
        batch.append(done)
        rows += done.size()
    if batch or invalid:
        yield batch, Rows.of(batch), invalid


def prefetch(items: Iterator[_T], depth: int = 2) -> Iterator[_T]:
    """Yield `items`, computing the next ones in a thread meanwhile: building rows in
    Python overlaps with the server writing the previous batch."""
    queue: Queue[tuple[bool, Any]] = Queue(maxsize=depth)

    def produce() -> None:
        try:
            for item in items:
                queue.put((True, item))
        except BaseException as err:  # handed to the consumer, raised there
            queue.put((False, err))
            return
        queue.put((False, None))

    Thread(target=produce, daemon=True).start()
    while True:
        ok, item = queue.get()
        if not ok:
            if item is not None:
                raise item
            return
        yield item
