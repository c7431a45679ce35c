"""Build benchmarks: extraction throughput, end-to-end builds, incremental adds.

Each measurement runs in a child process (`python benchmarks/bench_build.py --child JSON`) so
its peak RSS is its own. `vnkg.build` is the one-process path users run today; `pipeline`
is the same stages with extraction and resolution spread over worker processes (what a
`vnkg build --jobs N` would do), writing from the parent in batches of 200.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from itertools import islice
from multiprocessing import Pool
from pathlib import Path
from typing import Any

from extract.document import Document
from extract.read import read_documents
from graph.model import Fragment
from graph.resolve import to_fragment
from vnkg.api import record_for
from vnkg.pipeline import BATCH

WINDOW = 2000  # documents handed to the workers at once: bounds memory, keeps them busy


def rss_mb() -> float:
    """Resident memory of this process now, MB (Linux /proc)."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_mb() -> float:
    """Peak RSS of this process and, separately counted, of its largest finished child, MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return max(own, kids)


def fragment_of(doc: Document) -> Fragment:
    """Extract and resolve one document (what each worker does)."""
    return to_fragment(record_for(doc), doc.text)


def _windows(docs: Iterator[Document]) -> Iterator[list[Document]]:
    while window := list(islice(docs, WINDOW)):
        yield window


def parallel_fragments(paths: list[str], workers: int) -> Iterator[Fragment]:
    """Fragments of the documents under `paths`, extracted by `workers` processes, in input
    order; the next window is extracted while the caller writes the current one."""
    if workers <= 1:
        yield from (fragment_of(d) for d in read_documents(paths, []))
        return
    with Pool(workers) as pool:
        windows = _windows(read_documents(paths, []))
        pending = pool.map_async(fragment_of, next(windows, []), chunksize=50)
        for window in windows:
            done = pending.get()
            pending = pool.map_async(fragment_of, window, chunksize=50)
            yield from done
        yield from pending.get()


def child_build(corpus: str, store: str, workers: int) -> dict[str, Any]:
    """Build `corpus` into `store`: `vnkg.build` (workers 0) or the worker pipeline."""
    import vnkg
    from graph.reference import reference_fragment, reference_version
    from loaders.rdf import RdfStore

    samples: list[tuple[int, float]] = []
    start = time.perf_counter()
    if workers == 0:
        report = vnkg.build([corpus], store=store,
                            progress=lambda n: samples.append((n, rss_mb())))
        docs, quads = report.documents, report.quads
    else:
        docs = 0
        with RdfStore(store) as rdf:
            rdf.write_ontology()
            rdf.write_reference(reference_fragment, reference_version())
            frags = parallel_fragments([corpus], workers)
            while batch := list(islice(frags, BATCH)):
                rdf.write_fragments(batch)
                docs += len(batch)
                samples.append((docs, rss_mb()))
            quads = rdf.count()
    wall = time.perf_counter() - start
    return {"documents": docs, "wall_s": wall, "quads": quads, "peak_rss_mb": peak_mb(),
            "rss_samples": _thin(samples)}


def _thin(samples: list[tuple[int, float]], keep: int = 6) -> list[tuple[int, float]]:
    if len(samples) <= keep:
        return samples
    step = (len(samples) - 1) / (keep - 1)
    return [samples[round(i * step)] for i in range(keep)]


def child_extract(corpus: str, workers: int) -> dict[str, Any]:
    """Extraction alone (records, no store): documents/s and MB/s."""
    docs = list(read_documents([corpus], []))
    size = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    for d in docs[:20]:
        record_for(d)  # warm the lexicons and the gazetteer
    start = time.perf_counter()
    if workers <= 1:
        for d in docs:
            record_for(d)
    else:
        with Pool(workers) as pool:
            pool.map(record_for, docs[:workers * 4])  # warm each worker
            start = time.perf_counter()
            pool.map(record_for, docs, chunksize=50)
    wall = time.perf_counter() - start
    return {"documents": len(docs), "mb": size, "wall_s": wall,
            "docs_per_s": len(docs) / wall, "mb_per_s": size / wall, "workers": workers}


def child_profile(corpus: str, store: str, top: int = 12) -> dict[str, Any]:
    """cProfile of `vnkg.build`: the functions with the most cumulative time."""
    import cProfile
    import pstats

    import vnkg

    prof = cProfile.Profile()
    prof.runcall(vnkg.build, [corpus], store=store)
    stats = pstats.Stats(prof)
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][3])  # type: ignore[attr-defined]
    out = []
    for (path, line, func), (_cc, _nc, tt, ct, _callers) in rows:
        if "site-packages" in path and "oxigraph" not in func:
            continue
        out.append({"function": f"{Path(path).name}:{line}({func})", "cum_s": round(ct, 2),
                    "own_s": round(tt, 2)})
        if len(out) >= top:
            break
    return {"top": out}


def run_child(task: str, timeout: float | None = None, **kwargs: Any) -> dict[str, Any]:
    """Run one measurement in a fresh, niced Python process; its JSON result, or
    {"timeout": seconds} when it had to be stopped, or {"error": last line} when it failed."""
    cmd = ["nice", "-n", "10", sys.executable, __file__, "--child",
           json.dumps({"task": task, **kwargs})]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, check=False,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"timeout": timeout}
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines() or ["no output"]
        return {"error": lines[-1][:300]}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _child_main(spec: dict[str, Any]) -> dict[str, Any]:
    task = spec.pop("task")
    if task == "build":
        return child_build(spec["corpus"], spec["store"], spec.get("workers", 0))
    if task == "extract":
        return child_extract(spec["corpus"], spec.get("workers", 1))
    if task == "profile":
        return child_profile(spec["corpus"], spec["store"])
    if task == "query":
        from bench_queries import child_query

        return child_query(spec["store"], spec["name"], spec["params"], spec["budget"])
    if task == "baseline":
        from bench_queries import rdflib_baseline

        return rdflib_baseline(spec["store"], spec["params"], spec["cap"])
    raise ValueError(f"unknown task {task!r}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        print(json.dumps(_child_main(json.loads(sys.argv[2]))))
    else:
        sys.exit("run benchmarks/run.py; this module runs its measurements as children")
