"""Extraction past one machine: one process against a local two-worker Dask cluster, on the
same synthetic articles, both writing the same shards (`vnkg extract --shards`, with and
without `--cluster`).

    python benchmarks/bench_dask.py --articles 2000

Each side runs in a fresh child process (bench_build.run_child). The cluster is started
before the clock and its start-up timed apart, as a long-lived cluster pays it once. The
shards of both sides must be the same bytes; the result says whether they are. The one
process's seconds per article are the sizing's CPU cost of extraction (README: Past one
machine).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

PARTITION = 200  # articles per shard: enough partitions for two workers at small sizes


def child_dask(corpus: str, out: str, workers: int) -> dict[str, Any]:
    """Extract `corpus` into shards under `out`: in this process (`workers` 0) or on a
    local cluster of `workers` processes; wall seconds, articles/s and the shards' digest."""
    from vnkg.extraction import extract_record
    from vnkg.extraction.read import read_documents
    from vnkg.graph.shards import extract_shards

    docs = list(read_documents([corpus], []))
    for d in docs[:20]:
        extract_record(d)  # warm the lexicons and the gazetteer, as the workers do below
    shutil.rmtree(out, ignore_errors=True)
    result: dict[str, Any] = {"documents": len(docs), "workers": workers}
    if workers == 0:
        start, cpu = time.perf_counter(), time.process_time()
        extract_shards(docs, out, PARTITION)
        result["wall_s"] = time.perf_counter() - start
        # CPU seconds: the sizing's cost, unlike wall time not inflated by a busy machine
        result["cpu_ms_per_doc"] = 1000 * (time.process_time() - cpu) / len(docs)
    else:
        result.update(_on_cluster(docs, out, workers))
    result["docs_per_s"] = len(docs) / result["wall_s"]
    result["ms_per_doc"] = 1000 * result["wall_s"] / len(docs)
    result["digest"] = _digest(Path(out))
    return result


def _on_cluster(docs: list[Any], out: str, workers: int) -> dict[str, Any]:
    from distributed import Client, LocalCluster

    from vnkg.extraction import extract_record
    from vnkg.graph.cluster import extract_on_cluster

    start = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        with Client(cluster) as client:  # warm each worker's lexicons and gazetteer
            client.run(extract_record, docs[0])
        started = time.perf_counter() - start
        start = time.perf_counter()
        extract_on_cluster(docs, cluster.scheduler_address, out, PARTITION)
        return {"wall_s": time.perf_counter() - start, "startup_s": started}


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.iterdir()):
        h.update(p.name.encode() + p.read_bytes())
    return h.hexdigest()[:16]


def compare(corpus: str, work: Path) -> dict[str, Any]:
    """One process and a two-worker cluster on `corpus`; the ratio of their throughputs."""
    from bench_build import run_child

    one = run_child("dask", corpus=corpus, out=str(work / "shards-1"), workers=0)
    two = run_child("dask", corpus=corpus, out=str(work / "shards-2"), workers=2)
    res: dict[str, Any] = {"one": one, "cluster": two}
    if "docs_per_s" in one and "docs_per_s" in two:
        res["ratio"] = two["docs_per_s"] / one["docs_per_s"]
        res["same_shards"] = one["digest"] == two["digest"]
    return res


def row(res: dict[str, Any]) -> tuple[str, str, str, str]:
    """The benchmark table's row: the cluster's throughput beside one process's."""
    one, two = res["one"], res["cluster"]
    if "ratio" not in res:
        return ("extract on Dask (2 workers)", "failed", str(two.get("error") or
                                                             one.get("error")), "")
    same = "same shards" if res["same_shards"] else "SHARDS DIFFER"
    return (f"extract on Dask, {one['documents']} articles",
            f"{two['docs_per_s']:.0f} docs/s (start-up {two['startup_s']:.1f} s)",
            f"1 proc: {one['docs_per_s']:.0f} docs/s ({one['cpu_ms_per_doc']:.2f} CPU ms/doc)",
            f"{res['ratio']:.2f}x, {same}")


def main(argv: list[str] | None = None) -> int:
    import synth

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="vnkg-dask-"))
    try:
        corpus = synth.generate(args.articles, 1, work / "corpus")
        res = compare(str(corpus), work)
        print(json.dumps(res, indent=1))
        print(" | ".join(row(res)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
