"""Extraction on a Dask cluster (`distributed`): past one machine.

This process reads the articles and streams them out a partition at a time; each worker
extracts a partition with the same function one process uses (graph.shards.shard_bytes:
extract.extract_record, then the records as `vnkg extract` writes them, gzipped) and sends
the shard's bytes back, which this process writes under the shard's name. The workers need
no access to the articles or the output folder, only vnkg installed. At most a few
partitions per worker are in flight, so memory stays bounded however large the corpus.
Shards already complete in the folder are not sent out again (resume).

`cluster` names the scheduler: `tcp://HOST:8786` (one started with `dask scheduler` and
`dask worker tcp://HOST:8786` on each machine), or `local:N` for a cluster of N worker
processes on this machine, started and stopped here.

    extract_on_cluster(read_documents(["articles"]), "local:2", "shards")
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from vnkg.extraction.document import Document
from vnkg.graph.shards import (
    PARTITION,
    ShardReport,
    finish,
    missing_parts,
    shard_bytes,
    write_shard,
)

IN_FLIGHT = 2  # partitions per worker thread sent ahead: one running, one waiting
_LOCAL = re.compile(r"local:(\d+)")


def parse_cluster(cluster: str) -> tuple[str, int]:
    """("local", N) or ("address", 0) for a `cluster` value, else a ValueError saying what
    it takes.

    >>> parse_cluster("local:2"), parse_cluster("tcp://10.0.0.5:8786")
    (('local', 2), ('tcp://10.0.0.5:8786', 0))
    """
    local = _LOCAL.fullmatch(cluster.strip())
    if local and int(local.group(1)) >= 1:
        return "local", int(local.group(1))
    if re.fullmatch(r"(tcp|tls|inproc|ucx)://\S+", cluster.strip()):
        return cluster.strip(), 0
    raise ValueError(f"`cluster` takes a Dask scheduler's address (tcp://HOST:8786) or "
                     f"local:N (N worker processes on this machine), not {cluster!r}")


@contextmanager
def connect(cluster: str) -> Iterator[Any]:
    """A Dask client of the cluster `cluster` names; a local one is stopped on exit."""
    address, workers = parse_cluster(cluster)
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ValueError("extraction on a cluster needs Dask's `distributed` package: "
                         'pip install "vnkg[cluster]"') from None
    if address != "local":
        try:
            client = Client(address, timeout="10s")
        except OSError as err:
            raise ConnectionError(f"no Dask scheduler answers at {address} ({err}); start one "
                                  "(dask scheduler) or check the address") from None
        with client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as local, \
            Client(local) as client:
        yield client


def extract_on_cluster(docs: Iterable[Document], cluster: str, folder: str | Path,
                       size: int = PARTITION) -> ShardReport:
    """Extract `docs` on the Dask cluster `cluster` into shards of `size` articles under
    `folder` (graph.shards: the same shards extract_shards writes in one process)."""
    report = ShardReport(Path(folder))
    report.folder.mkdir(parents=True, exist_ok=True)
    names: set[str] = set()
    with connect(cluster) as client:
        from distributed import as_completed

        ahead = IN_FLIGHT * max(1, sum(client.nthreads().values()))
        pending = as_completed()
        for name, part in missing_parts(docs, size, report, names):
            pending.add(client.submit(shard_bytes, part, key=f"vnkg-shard-{name}"))
            while pending.count() >= ahead:
                _write(next(pending), report)
        for future in pending:
            _write(future, report)
    return finish(report, names)


def _write(future: Any, report: ShardReport) -> None:
    """Write the shard a finished task returned (a worker's error is raised here)."""
    name = str(future.key).removeprefix("vnkg-shard-")
    report.written.append(write_shard(report.folder, name, future.result()))
    future.release()
