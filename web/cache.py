"""One value read from the store and kept while the store holds the same thing: the search
index (web.search) and the large graph's encoded JSON (web.biggraph) both sit in one. A
`Shelf` keeps such a value's bytes on disk, in the user's cache folder (never in the store:
the explorer only reads it), under a key the caller derives from what the store holds, so a
server started again over the same store answers from it instead of reading the store.

`version` is a token of what the store holds (its list of articles); it is looked at every
`check` seconds at most, in a thread, and the value is read again by `load` when it changed,
the old one served meanwhile. A lock makes concurrent first requests wait for the one load
instead of each doing it.

>>> reads = []
>>> kept = Versioned(lambda: reads.append(1) or len(reads), lambda: "v1")
>>> kept.get(), kept.get(), len(reads)
(1, 1, 1)
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)


class Versioned(Generic[T]):
    """The value `load` gives, made again when `version` changes (looked at every `check` s).

    Only the first read is waited for. Later, a page is answered with the value kept while a
    thread looks at the version and, when it changed, reads the value again, which replaces
    the kept one once made: on a million articles the version (the list of articles) takes
    4.8 s to read and the search index 80 to 150 s, and a page waiting on either every `check`
    seconds took as long.
    """

    def __init__(self, load: Callable[[], T], version: Callable[[], object] = lambda: None,
                 check: float = 10.0) -> None:
        self._load, self._version, self.check = load, version, check
        self._value: T | None = None
        self._seen: object = None
        self._at = float("-inf")
        self._looking = False
        self._lock = threading.Lock()

    def get(self) -> T:
        """The value: read now if none is kept yet, else the one kept (a thread looks
        whether the store changed, at most every `check` seconds)."""
        with self._lock:
            if self._value is None:
                self._seen, self._at = self._version(), time.monotonic()
                self._value = self._load()
            elif not self._looking and time.monotonic() - self._at > self.check:
                self._looking = True
                threading.Thread(target=self._look, daemon=True).start()
            return self._value

    def _look(self) -> None:
        """Read the version, and the value again if it changed, outside the lock."""
        try:
            version = self._version()
            if version != self._seen:
                value = self._load()
                with self._lock:
                    self._value, self._seen = value, version
        except Exception:  # a busy or unreachable store: looked at again later
            log.info("the store's version not looked at", exc_info=True)
        finally:
            self._at, self._looking = time.monotonic(), False

    def ready(self) -> T | None:
        """The value if it has been read (maybe of an older version: `get` looks), else
        None; never waits for a load under way."""
        return self._value


def cache_folder() -> Path:
    """The user's cache folder for vnkg: $XDG_CACHE_HOME/vnkg, else ~/.cache/vnkg."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "vnkg"


class Shelf:
    """Bytes kept on disk per key (a hex digest) with a count beside them, as files
    `KIND-KEY-COUNT.bin` in `folder`; the `keep` newest stay. Failing to write (a read-only
    home) only costs the next start a read of the store: it is logged, not raised.

    >>> shelf = Shelf(Path(tempfile.mkdtemp()), "graph")
    >>> shelf.put("ab12", b"{}", 0); shelf.get("ab12"), shelf.get("cd34")
    ((b'{}', 0), None)
    """

    def __init__(self, folder: Path, kind: str, keep: int = 8) -> None:
        self.folder, self.kind, self.keep = folder, kind, keep

    def get(self, key: str) -> tuple[bytes, int] | None:
        """The bytes kept under `key` and their count, or None."""
        for path in self.folder.glob(f"{self.kind}-{key}-*.bin"):
            count = re.fullmatch(rf"{self.kind}-{key}-(\d+)\.bin", path.name)
            if count:
                try:
                    return path.read_bytes(), int(count.group(1))
                except OSError:
                    return None
        return None

    def put(self, key: str, data: bytes, count: int) -> None:
        """Keep `data` under `key` (written whole or not at all), dropping the oldest past
        `keep`."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.folder, suffix=".part",
                                             delete=False) as out:
                out.write(data)
            os.replace(out.name, self.folder / f"{self.kind}-{key}-{count}.bin")
            kept = sorted(self.folder.glob(f"{self.kind}-*.bin"),
                          key=lambda p: p.stat().st_mtime, reverse=True)
            for old in kept[self.keep:]:
                old.unlink(missing_ok=True)
        except OSError:
            log.warning("could not keep the %s answer in %s", self.kind, self.folder,
                        exc_info=True)
