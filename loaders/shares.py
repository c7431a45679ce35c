"""Reading a large store on several processes: its articles (or named graphs) cut into
contiguous shares, each read by a process of its own that opens the store by itself (the
store's `reader`), the results in the shares' order.

A process is spawned, not forked: the parent holds a store whose engine runs threads of its
own. Starting one costs about a second, so a share holds at least SHARE items, and a store
with fewer than two shares of them is read in the calling process.

>>> [(start, len(items)) for start, items in split(list(range(5000)), jobs=2)]
[(0, 2500), (2500, 2500)]
>>> [(start, len(items)) for start, items in split(list(range(3000)), jobs=2)]
[(0, 3000)]
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
SHARE = 2_000  # items a process takes at the least


def split(items: Sequence[T], jobs: int) -> list[tuple[int, Sequence[T]]]:
    """`items` in at most `jobs` contiguous shares of at least SHARE each, as (the first's
    place, the share); one share when there are too few for two."""
    count = min(jobs, len(items) // SHARE)
    if count < 2:
        return [(0, items)]
    size = -(-len(items) // count)
    return [(start, items[start:start + size]) for start in range(0, len(items), size)]


def on_processes(task: Callable[..., R], opens: Callable[[], Any],
                 shares: list[tuple[int, Sequence[T]]], *args: Any,
                 meanwhile: Callable[[], object] | None = None) -> list[R]:
    """`task(opens, start, share, *args)` for each share, each on a process of its own (a
    module-level function, so it pickles); the results in the shares' order. `meanwhile()`,
    if given, runs in this process while they do, rather than after them. An exception a
    task or `meanwhile` raises is raised here."""
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(len(shares), mp_context=spawn) as pool:
        done = [pool.submit(task, opens, start, share, *args) for start, share in shares]
        if meanwhile is not None:
            meanwhile()
        return [d.result() for d in done]
