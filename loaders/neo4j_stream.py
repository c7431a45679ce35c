"""The rows of a whole store for the Neo4j exports (CSV, Cypher), in bounded memory and in
key order.

Merging every article's rows in a dict (neo4j_rows.Rows, as the Bolt loader does a batch at
a time) holds the whole graph: 350 MB at 2,000 articles. Here each article's rows, made by
the loader's own `fragment_rows`, are spilled to sorted runs in a temporary folder, RUN rows
at a time; the runs are merged by key (heapq.merge) and the rows of one node or relationship
folded by the loader's value rule (`neo4j_rows.fold_rows`), in article order. Memory holds
one run, one article, one chunk of CHUNK rows per run merged, and one node's or
relationship's rows, whatever the store's size.

Nodes come sorted by label then id, relationships by type, end labels, then ends: the same
order, and so the same bytes, from every store, embedded or a SPARQL server.

Reading the articles and making their rows is most of an export's time (80% at 10,000
articles), so with `jobs` > 1 it is shared out (loaders.shares): each of up to `jobs`
processes reads a contiguous share of the articles and spills its own sorted runs,
numbering its articles by their place in the store's order. The runs are then merged as one
process's would be, so the rows, and the files written from them, are the same bytes as
with one process.

>>> from vnkg.loaders.oxigraph_store import OxigraphStore
>>> with OxigraphStore(None) as store, sorted_rows(store) as rows:
...     list(rows.nodes()), list(rows.loads())
([], [])
"""

from __future__ import annotations

import heapq
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from itertools import chain, groupby
from pathlib import Path
from typing import Any

from vnkg.loaders.neo4j_rows import FragmentRows, Row, fold_rows, fragment_rows
from vnkg.loaders.shares import on_processes, split
from vnkg.loaders.store import REFERENCE, Store, no_reader

RUN = 20_000  # rows sorted in memory before they are spilled to a run
FAN_IN = 64  # runs merged at once (more are merged in passes: open files stay few)
CHUNK = 200  # records per pickle in a run file
# A merge holds one unpickled chunk per run it reads: FAN_IN * CHUNK records. At 1,000 the
# 64-run merges of a 100,000-article store (243 runs) held 64,000 records and peaked 166 MB
# over the reading before them; at 200 they hold about what 10,000 articles' 12 runs did.
Group = tuple[str, str, str]  # a relationship's (type, source label, target label)
Record = tuple[tuple[str, ...], int, Row]  # (key, article's place, row)


class SortedRows:
    """The merged rows of a store, spilled to `folder`: read them by `nodes()`, `edges()`
    and `loads()`, each as often as wanted while the folder exists."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._runs: dict[str, list[Path]] = {"nodes": [], "edges": []}
        self._buffers: dict[str, list[Record]] = {"nodes": [], "edges": []}
        self._loads = [folder / "loads"]  # the records' files, in article order
        self._loads_buffer: list[Row] = []
        self._made = 0

    @classmethod
    def joined(cls, folder: Path, parts: Iterable[SortedRows]) -> SortedRows:
        """The rows of `parts`, shares of one store's articles in its order, as one; call
        `finish` to merge their runs down to FAN_IN."""
        rows = cls(folder)
        for part in parts:
            for kind, runs in part._runs.items():
                rows._runs[kind].extend(runs)
            rows._loads.extend(part._loads)
        return rows

    def nodes(self) -> Iterator[tuple[str, Row]]:
        """(label, row) of every node, sorted by label then id."""
        for key, rows in _grouped(self._merged("nodes")):
            yield key[0], rows

    def edges(self) -> Iterator[tuple[Group, Row]]:
        """((type, source label, target label), row) of every relationship, sorted by
        those, then by its ends."""
        for key, rows in _grouped(self._merged("edges")):
            yield (key[0], key[1], key[2]), rows

    def loads(self) -> Iterator[Row]:
        """The loader's record of each article (article, seen_date, digest), by article."""
        return chain.from_iterable(map(_read_run, self._loads))

    # --- filling ------------------------------------------------------------------------
    def add(self, seq: int, frag: FragmentRows) -> None:
        """Spill the rows of the `seq`th article."""
        for label, node_rows in frag.nodes.items():
            self._put("nodes", [((label, r["id"]), seq, r) for r in node_rows])
        for (rel, src, tgt), edge_rows in frag.edges.items():
            self._put("edges", [((rel, src, tgt, r["source"], r["target"]), seq, r)
                                for r in edge_rows])
        self._loads_buffer.append({"article": frag.article, "seen_date": frag.published,
                                   "digest": frag.digest})
        if len(self._loads_buffer) >= CHUNK:
            self._flush_loads()

    def finish(self) -> None:
        """Spill what is still buffered; then merge runs down to FAN_IN per kind."""
        for kind in self._buffers:
            self._spill(kind)
            while len(self._runs[kind]) > FAN_IN:
                first, rest = self._runs[kind][:FAN_IN], self._runs[kind][FAN_IN:]
                merged = self._new_run(kind)
                _write_run(merged, heapq.merge(*map(_read_run, first), key=_order))
                for run in first:
                    run.unlink()
                self._runs[kind] = [*rest, merged]
        self._flush_loads()

    def _put(self, kind: str, records: list[Record]) -> None:
        buffer = self._buffers[kind]
        buffer.extend(records)
        if len(buffer) >= RUN:
            self._spill(kind)

    def _spill(self, kind: str) -> None:
        buffer = self._buffers[kind]
        if buffer:
            buffer.sort(key=_order)
            run = self._new_run(kind)
            _write_run(run, buffer)
            self._runs[kind].append(run)
            self._buffers[kind] = []

    def _new_run(self, kind: str) -> Path:
        self._made += 1
        return self.folder / f"{kind}-{self._made}"

    def _flush_loads(self) -> None:
        if self._loads_buffer:
            with self._loads[-1].open("ab") as f:
                f.write(pickle.dumps(self._loads_buffer, pickle.HIGHEST_PROTOCOL))
            self._loads_buffer = []

    def _merged(self, kind: str) -> Iterator[Record]:
        return heapq.merge(*map(_read_run, self._runs[kind]), key=_order)


@contextmanager
def sorted_rows(store: Store, reference: bool = True, jobs: int = 1) -> Iterator[SortedRows]:
    """The rows the Bolt loader would write for every article of `store` (and the reference
    gazetteer, whole, as `write_base` loads it, unless `reference` is False), read one
    article at a time and spilled to a temporary folder, removed on exit; read by up to
    `jobs` processes where the store can be opened for reading by another (its `reader`)
    and holds enough articles (loaders.shares)."""
    with tempfile.TemporaryDirectory(prefix="vnkg-rows-") as tmp:
        articles = [a for a in store.articles() if reference or a != REFERENCE]
        shares = split(articles, jobs)
        with store.reader() if len(shares) > 1 else no_reader() as opens:
            if opens is None:
                rows = _read_share(lambda: nullcontext(store), 0, articles, Path(tmp))
            else:
                rows = SortedRows.joined(Path(tmp), on_processes(_read_share, opens, shares,
                                                                 Path(tmp)))
        rows.finish()
        yield rows


def _read_share(opens: Callable[[], Any], first: int, articles: Sequence[str],
                folder: Path) -> SortedRows:
    """The rows of `articles`, the `first`th of the store's on, spilled to runs in a folder
    of their own in `folder`, from the store `opens()` opens (and closes)."""
    share = folder / f"share-{first}"
    share.mkdir()
    rows = SortedRows(share)
    with opens() as store:
        for seq, article in enumerate(articles, first):
            rows.add(seq, fragment_rows(store.read_fragment(article)))
    rows.finish()
    return rows


def _order(record: Record) -> tuple[tuple[str, ...], int]:
    return record[0], record[1]


def _grouped(records: Iterable[Record]) -> Iterator[tuple[tuple[str, ...], Row]]:
    for key, group in groupby(records, key=lambda r: r[0]):
        yield key, fold_rows(r[2] for r in group)


def _write_run(path: Path, records: Iterable[Any]) -> None:
    """Records to `path`, CHUNK to a pickle (one pickle each would cost a memo apiece)."""
    chunk: list[Any] = []
    with path.open("wb") as f:
        for record in records:
            chunk.append(record)
            if len(chunk) >= CHUNK:
                f.write(pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL))
                chunk = []
        if chunk:
            f.write(pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL))


def _read_run(path: Path) -> Iterator[Any]:
    """The records of a run file, in order (nothing if it was never written)."""
    if not path.exists():
        return
    with path.open("rb") as f:
        while True:
            try:
                chunk = pickle.load(f)  # noqa: S301 - a file this process wrote itself
            except EOFError:
                return
            yield from chunk
