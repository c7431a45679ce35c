"""One value read from the store and kept while the store holds the same thing: the search
index (web.search) and the large graph's encoded JSON (web.biggraph) both sit in one.

`version` is a cheap token of what the store holds (its list of articles); it is looked at
every `check` seconds at most, and the value is read again by `load` when it changed. A
lock makes concurrent first requests wait for the one load instead of each doing it.

>>> reads = []
>>> kept = Versioned(lambda: reads.append(1) or len(reads), lambda: "v1")
>>> kept.get(), kept.get(), len(reads)
(1, 1, 1)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Versioned(Generic[T]):
    """The value `load` gives, made again when `version` changes (looked at every `check` s).
    """

    def __init__(self, load: Callable[[], T], version: Callable[[], object] = lambda: None,
                 check: float = 10.0) -> None:
        self._load, self._version, self.check = load, version, check
        self._value: T | None = None
        self._seen: object = None
        self._at = float("-inf")
        self._lock = threading.Lock()

    def get(self) -> T:
        """The value, read again when the store changed since it was read."""
        with self._lock:
            if time.monotonic() - self._at > self.check:
                version, self._at = self._version(), time.monotonic()
                if version != self._seen:
                    self._value, self._seen = None, version
            if self._value is None:
                self._value = self._load()
            return self._value

    def ready(self) -> T | None:
        """The value if it has been read (maybe of an older version: `get` looks), else
        None; never waits for a load under way."""
        return self._value
