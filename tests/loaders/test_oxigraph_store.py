"""The embedded store's snapshot for readers in other processes (`OxigraphStore.reader`):
a read-only copy of the store as it was, beside its folder only while it is used."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from vnkg.graph.model import Fragment
from vnkg.loaders.oxigraph_store import SNAPSHOT, OxigraphStore


def _snapshots(store: Path) -> list[str]:
    return sorted(p.name for p in store.parent.glob(f".{store.name}{SNAPSHOT}*"))


def test_a_reader_reads_a_snapshot_that_goes_when_the_reading_ends(
        tmp_path: Path, sample_fragment: Callable[..., Fragment]) -> None:
    folder = tmp_path / "s"
    stale = tmp_path / f".s{SNAPSHOT}killed"  # left by an export killed while it read
    (stale / "store").mkdir(parents=True)
    with OxigraphStore(folder) as store:
        store.write_fragments([sample_fragment("a1")])
        with store.reader() as opens:
            assert opens is not None and len(_snapshots(folder)) == 1
            assert not stale.exists()
            store.write_fragments([sample_fragment("a2")])  # not in the snapshot
            with opens() as snapshot:
                assert snapshot.articles() == ["a1"]
                assert snapshot.read_fragment("a1") == sample_fragment("a1")
                with pytest.raises(RuntimeError, match="read-write"):
                    snapshot.update("INSERT DATA { <urn:s> <urn:p> <urn:o> }")
        assert _snapshots(folder) == []
        assert store.articles() == ["a1", "a2"]


def test_a_store_opened_read_only_gives_no_reader_and_takes_no_lock(
        tmp_path: Path, sample_fragment: Callable[..., Fragment]) -> None:
    with OxigraphStore(tmp_path / "s") as store:
        store.write_fragments([sample_fragment("a1")])
    with OxigraphStore(tmp_path / "s") as held, \
            OxigraphStore(tmp_path / "s", read_only=True) as reading:
        assert reading.articles() == held.articles() == ["a1"]
        with reading.reader() as opens:
            assert opens is None
    with pytest.raises(ValueError, match="to read it"):
        OxigraphStore(tmp_path / "none", read_only=True)
