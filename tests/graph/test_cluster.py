"""Extraction on a real Dask cluster (two worker processes) gives the records of one process,
as shards that a second run does not redo and that a killed run's rerun completes."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

import vnkg
from vnkg.cli import main
from vnkg.graph.cluster import parse_cluster
from vnkg.graph.shards import TEMP, shard_files


def contents(folder: Path) -> dict[str, bytes]:
    """Every file in `folder` (temporary ones too) by name, with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def lines_by_id(lines: list[str]) -> list[str]:
    return sorted(lines, key=lambda line: json.loads(line)["doc"]["id"])


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory, dask_scheduler: str,
          corpus_paths: list[Path]) -> Path:
    """The shards of seeds + dev written on the cluster, 8 articles each, in one run."""
    folder = tmp_path_factory.mktemp("shards") / "clean"
    report = vnkg.extract(corpus_paths, cluster=dask_scheduler, shards=folder, partition=8)
    assert report.documents == 55 and len(report.written) == 7 and report.kept == []
    return folder


def test_the_cluster_gives_the_records_of_one_process(clean: Path,
                                                      corpus_paths: list[Path]) -> None:
    one = [json.dumps(r, ensure_ascii=False) + "\n" for r in vnkg.extract(corpus_paths)]
    sharded = [line for shard in shard_files(clean)
               for line in gzip.decompress(shard.read_bytes()).decode().splitlines(True)]
    assert lines_by_id(sharded) == lines_by_id(one)  # byte for byte, sorted by article id
    assert sorted(map(json.loads, sharded), key=lambda r: r["doc"]["id"]) == sorted(
        map(json.loads, one), key=lambda r: r["doc"]["id"])


def test_one_process_writes_the_same_shards(clean: Path, tmp_path: Path,
                                            corpus_paths: list[Path]) -> None:
    report = vnkg.extract(corpus_paths, shards=tmp_path / "s", partition=8)
    assert contents(tmp_path / "s") == contents(clean)
    assert [p.name for p in report.written] == sorted(contents(clean))


def test_a_second_run_writes_nothing(clean: Path, dask_scheduler: str,
                                     corpus_paths: list[Path]) -> None:
    before = {p.name: p.stat().st_mtime_ns for p in clean.iterdir()}
    report = vnkg.extract(corpus_paths, cluster=dask_scheduler, shards=clean, partition=8)
    assert report.written == [] and len(report.kept) == 7 and report.stale == []
    assert {p.name: p.stat().st_mtime_ns for p in clean.iterdir()} == before


def test_a_killed_run_rerun_equals_a_clean_one(clean: Path, tmp_path: Path,
                                               dask_scheduler: str,
                                               corpus_paths: list[Path]) -> None:
    killed = tmp_path / "killed"
    shutil.copytree(clean, killed)
    lost = shard_files(killed)[3]
    # the run died while writing this shard: half its bytes under the temporary name
    (killed / f".{lost.name}{TEMP}").write_bytes(lost.read_bytes()[:100])
    lost.unlink()
    report = vnkg.extract(corpus_paths, cluster=dask_scheduler, shards=killed, partition=8)
    assert report.written == [lost] and len(report.kept) == 6
    assert contents(killed) == contents(clean)


def test_the_command_line_extracts_on_the_cluster(clean: Path, tmp_path: Path,
                                                  dask_scheduler: str,
                                                  corpus_paths: list[Path],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["extract", *map(str, corpus_paths), "--cluster", dask_scheduler,
                   "--shards", str(tmp_path / "s"), "--partition", "8"])
    assert status == 0
    assert contents(tmp_path / "s") == contents(clean)
    assert "55 articles in 7 shards" in capsys.readouterr().err


def test_shards_from_other_inputs_are_pointed_out(clean: Path, tmp_path: Path,
                                                  corpus_paths: list[Path]) -> None:
    shutil.copytree(clean, tmp_path / "s")
    report = vnkg.extract(corpus_paths[:1], shards=tmp_path / "s", partition=8)  # seeds
    assert len(report.written) == 1 and report.kept == []
    assert [p.name for p in report.stale] == sorted(contents(clean))


def test_a_cluster_needs_a_folder_and_a_valid_address(corpus_paths: list[Path],
                                                      tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="`shards`"):
        vnkg.extract(corpus_paths, cluster="local:2")
    with pytest.raises(ValueError, match="tcp://HOST:8786"):
        vnkg.extract(corpus_paths, cluster="localhost", shards=tmp_path)
    assert parse_cluster(" local:3 ") == ("local", 3)
    with pytest.raises(ValueError):
        parse_cluster("local:0")
