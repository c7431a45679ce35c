"""Build benchmarks: extraction throughput, end-to-end builds, incremental adds.

Each measurement runs in a child process (`python benchmarks/bench_build.py --child JSON`) so
its peak RSS is its own. Builds are `vnkg.build(..., jobs=N)`, the product's own path: with
N > 1, extraction and resolution are spread over N worker processes (graph.workers) while
the parent writes in batches of 200.

    python benchmarks/bench_build.py --compare --articles 2000 [--jobs 1,2] [--rounds 1]

builds one synthetic corpus with each job count, in alternating order, in the same run,
and prints wall times, the speed-up, and the machine's load (`uptime`) around them.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from multiprocessing import Pool
from pathlib import Path
from typing import Any

from vnkg.extraction import extract_record
from vnkg.extraction.read import read_documents


def rss_mb() -> float:
    """Resident memory of this process now, MB (Linux /proc)."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_mb() -> float:
    """Peak RSS of this process and, separately counted, of its largest finished child, MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return max(own, kids)


def child_build(corpus: str, store: str, jobs: int = 1) -> dict[str, Any]:
    """Build `corpus` into `store` with `vnkg.build(..., jobs=jobs)`."""
    import vnkg

    samples: list[tuple[int, float]] = []
    start = time.perf_counter()
    report = vnkg.build([corpus], store=store, jobs=jobs,
                        progress=lambda n: samples.append((n, rss_mb())))
    wall = time.perf_counter() - start
    from bench_export import size_mb

    from vnkg.loaders.oxigraph_store import OxigraphStore

    cpu, parts = cpu_s(), cpu_split()
    disk = size_mb(Path(store))  # before reopening: an open may go on compacting the files
    with OxigraphStore(store) as rdf:  # counted after the clock stops: a count scans the store
        quads = rdf.count()
        split = quads_split(rdf, report.documents)
    return {"documents": report.documents, "wall_s": wall, "cpu_s": cpu, "quads": quads,
            **split, "jobs": jobs, "store_mb": disk, "peak_rss_mb": peak_mb(),
            "rss_samples": _thin(samples), "cpu_split": parts}


def cpu_s() -> float:
    """CPU seconds (user + system) of this process and its finished children: on a shared
    machine a steadier figure than the wall time."""
    return sum(_own_and_children())


def _own_and_children() -> tuple[float, float]:
    """CPU seconds of this process, and of its finished children."""
    own, kids = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                     resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def cpu_split() -> dict[str, float]:
    """Where a finished build's CPU seconds went: the extraction workers (finished child
    processes; none when this process extracts), the store's own compaction (RocksDB's
    background threads, named `rocksdb:*`, which outlive the store and also run the
    compaction a closing store asks for), and the rest of this process (the writer's thread,
    the bulk loader's, the gazetteer). Linux only ({} elsewhere): the threads' times are read
    from /proc."""
    tasks = Path("/proc/self/task")
    if not tasks.is_dir():
        return {}
    compaction = sum(_thread_cpu(task) for task in tasks.iterdir()
                     if _thread_name(task).startswith("rocksdb:"))
    own, kids = _own_and_children()
    return {"workers_s": round(kids, 1), "compaction_s": round(compaction, 1),
            "rest_s": round(own - compaction, 1)}


def _thread_name(task: Path) -> str:
    try:
        return (task / "comm").read_text().strip()
    except OSError:
        return ""  # the thread ended meanwhile


def _thread_cpu(task: Path) -> float:
    """CPU seconds of one thread (/proc/self/task/ID), 0 if it ended meanwhile."""
    try:
        stat = (task / "stat").read_text()
    except OSError:
        return 0.0
    utime, stime = stat[stat.rindex(")") + 2:].split()[11:13]
    return (int(utime) + int(stime)) / os.sysconf("SC_CLK_TCK")


def quads_split(rdf: Any, articles: int) -> dict[str, float]:
    """Quads per article of the articles' named graphs and of the stored union, the reference
    gazetteer and the ontology left out (from the union, about: their graphs' size is taken
    off, though the localities the articles name are in both)."""
    from vnkg.graph.rdf import graph_iri
    from vnkg.loaders.rdf import ONTOLOGY, REFERENCE

    fixed_graphs = f"<{graph_iri(REFERENCE)}>, <{ONTOLOGY}>"
    named = int(rdf.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                           f"FILTER(?g NOT IN ({fixed_graphs})) }}")[0]["n"])
    fixed = int(rdf.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                           f"FILTER(?g IN ({fixed_graphs})) }}")[0]["n"])
    union = int(rdf.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"])
    per = max(articles, 1)
    return {"named_per_article": round(named / per, 1),
            "union_per_article": round(max(union - fixed, 0) / per, 1)}


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
        extract_record(d)  # warm the lexicons and the gazetteer
    start = time.perf_counter()
    if workers <= 1:
        for d in docs:
            extract_record(d)
    else:
        with Pool(workers) as pool:
            pool.map(extract_record, docs[:workers * 4])  # warm each worker
            start = time.perf_counter()
            pool.map(extract_record, docs, chunksize=50)
    wall = time.perf_counter() - start
    return {"documents": len(docs), "mb": size, "wall_s": wall,
            "docs_per_s": len(docs) / wall, "mb_per_s": size / wall, "workers": workers}


def child_underthesea(corpus: str) -> dict[str, Any]:
    """Our extraction (with evidence, as a build runs it) against underthesea's `ner`."""
    from bench_extract import versus_underthesea

    return versus_underthesea(list(read_documents([corpus], [])), extract_record)


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
        return child_build(spec["corpus"], spec["store"], spec.get("jobs", 1))
    if task == "extract":
        return child_extract(spec["corpus"], spec.get("workers", 1))
    if task == "dask":
        from bench_dask import child_dask

        return child_dask(spec["corpus"], spec["out"], spec["workers"])
    if task == "profile":
        return child_profile(spec["corpus"], spec["store"])
    if task == "underthesea":
        return child_underthesea(spec["corpus"])
    if task == "settle":
        from bench_queries import child_settle

        return child_settle(spec["store"])
    if task == "query":
        from bench_queries import child_query

        return child_query(spec["store"], spec["name"], spec["params"], spec["budget"])
    if task == "baseline":
        from bench_queries import rdflib_baseline

        return rdflib_baseline(spec["store"], spec["params"], spec["cap"])
    raise ValueError(f"unknown task {task!r}")


def compare_jobs(articles: int, jobs: list[int], rounds: int = 1, seed: int = 1,
                 work: Path | None = None) -> dict[str, Any]:
    """Build one synthetic corpus once per job count and round, each into a fresh store, the
    job counts alternating so that a change in the machine's load hits them alike."""
    import shutil
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import synth

    folder = Path(work or tempfile.mkdtemp(prefix="vnkg-jobs-"))
    try:
        corpus = synth.generate(articles, seed, folder / "corpus")
        runs: dict[int, list[dict[str, Any]]] = {j: [] for j in jobs}
        load = {"before": uptime()}
        for r in range(rounds):
            for j in (jobs if r % 2 == 0 else jobs[::-1]):
                store = folder / f"store-{j}-{r}"
                runs[j].append(run_child("build", corpus=str(corpus), store=str(store),
                                         jobs=j))
                shutil.rmtree(store, ignore_errors=True)
        load["after"] = uptime()
    finally:
        if work is None:
            shutil.rmtree(folder, ignore_errors=True)
    return {"articles": articles, "rounds": rounds, "runs": runs, "uptime": load}


def uptime() -> str:
    """`uptime`'s line: the load averages say how much the shared machine was doing."""
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()


def _print_comparison(res: dict[str, Any]) -> None:
    print(f"{res['articles']} synthetic articles, {res['rounds']} round(s), "
          f"{os.cpu_count()} cores")
    best: dict[int, float] = {}
    for j, runs in res["runs"].items():
        walls = [r["wall_s"] for r in runs if "wall_s" in r]
        if not walls:
            print(f"  --jobs {j}: {runs}")
            continue
        best[j] = min(walls)
        quads = {r["quads"] for r in runs if "quads" in r}
        print(f"  --jobs {j}: wall {', '.join(f'{w:.1f}' for w in walls)} s (best "
              f"{best[j]:.1f}), quads {sorted(quads)}, peak RSS "
              f"{max(r['peak_rss_mb'] for r in runs if 'peak_rss_mb' in r):.0f} MB")
    first = min(best) if best else None
    for j in best:
        if first is not None and j != first:
            print(f"  speed-up --jobs {j} vs --jobs {first}: {best[first] / best[j]:.2f}x")
    print(f"  load before: {res['uptime']['before']}\n  load after:  {res['uptime']['after']}")


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="vnkg build --jobs 1 vs N on a synthetic "
                                     "corpus (the full suite is benchmarks/run.py)")
    parser.add_argument("--compare", action="store_true", required=True)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--jobs", default="1,2", help="job counts, comma-separated")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    res = compare_jobs(args.articles, [int(j) for j in args.jobs.split(",")], args.rounds,
                       args.seed)
    if args.json:
        print(json.dumps(res, indent=1))
    else:
        _print_comparison(res)
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        print(json.dumps(_child_main(json.loads(sys.argv[2]))))
    else:
        sys.exit(main())
