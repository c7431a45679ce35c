"""`make bench`: every benchmark in one run, one table, results kept under benchmarks/results.

usage: python benchmarks/run.py [--quick] [--sizes 1000,10000,100000] [--baseline-size N]
                                [--work DIR] [--check]

Generates synthetic corpora (benchmarks/synth.py), then measures, each figure beside its
baseline from the same run: extraction throughput (one and two processes, and a local
two-worker Dask cluster writing shards against one process), end-to-end builds
with peak RSS and quads (`vnkg.build` with jobs=1 and jobs=2 up to 10k articles; above that
jobs=2 only, a 100k build taking about 9 minutes), growth between sizes, adding 100
articles to the biggest store, every named query's p50/p95 on the embedded store at the
baseline size (10k) and the biggest, the ratio to rdflib's in-memory store on the same quads
at the baseline size, every whole-graph export and every view of the biggest store (time
and peak memory, beside pyoxigraph's own dump: benchmarks/bench_export.py), and a profile
of the build. The full run takes about 20 minutes on
two cores; `--quick` (200 articles) about two minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_dask  # noqa: E402
import bench_export  # noqa: E402
import bench_neo4j_bulk  # noqa: E402
import bench_pages  # noqa: E402
import bench_queries  # noqa: E402
import synth  # noqa: E402
import targets  # noqa: E402
from bench_build import run_child  # noqa: E402

CHECK_P95_MS = 1000
RESULTS = Path(__file__).resolve().parent / "results"
Row = tuple[str, str, str, str]


def machine() -> dict[str, Any]:
    """Cores, RAM, Python and the versions of the packages that do the work."""
    with open("/proc/meminfo") as fh:
        mem_kb = int(fh.readline().split()[1])
    pkgs = {p: _version(p) for p in ("pyoxigraph", "oxrdflib", "rdflib", "vietnamadminunits",
                                     "underthesea")}
    return {"cores": os.cpu_count(), "ram_gb": round(mem_kb / 1e6, 1),
            "python": platform.python_version(), "platform": platform.platform(),
            "cpu": _cpu_name(), "packages": pkgs,
            "git": _git_head(), "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


def _version(name: str) -> str:
    try:
        return version(name)
    except Exception:
        return "not installed"


def _cpu_name() -> str:
    with open("/proc/cpuinfo") as fh:
        return next((ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")),
                    platform.processor())


def _git_head() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True, cwd=RESULTS.parent, check=False)
    return done.stdout.strip()


def corpus(work: Path, n: int, seed: int = 1, start: int = 0) -> Path:
    """The synthetic corpus of `n` articles from `start` (made once per work folder)."""
    out = work / f"corpus-{seed}-{start}-{n}"
    if not (out / "gold.jsonl").exists():
        shutil.rmtree(out, ignore_errors=True)
        synth.generate(n, seed, out, start)
    return out / "articles"


def run(sizes: list[int], work: Path, quick: bool, small: int) -> dict[str, Any]:
    """Every measurement, the queries' baseline at `small` articles; a JSON-able dict."""
    res: dict[str, Any] = {"machine": machine(), "sizes": sizes, "quick": quick,
                           "baseline_size": small}
    big = sizes[-1]
    ext = corpus(work, min(big, 2000))
    res["extract"] = {str(w): run_child("extract", corpus=str(ext), workers=w) for w in (1, 2)}
    res["underthesea"] = run_child("underthesea", timeout=600, corpus=str(ext))
    _note("extraction on a local two-worker Dask cluster against one process")
    res["dask"] = bench_dask.compare(str(ext), work)
    res["build"] = {}
    for n in sizes:
        for workers in modes(n):
            store = work / f"store-{n}-w{workers}"
            shutil.rmtree(store, ignore_errors=True)
            _note(f"build {n} articles, workers={workers or 'vnkg.build'}")
            res["build"][f"{n}/w{workers}"] = run_child(
                "build", corpus=str(corpus(work, n)), store=str(store), jobs=max(1, workers))
    _note("incremental: 100 new articles")
    extra = corpus(work, 100, start=big)
    res["incremental"] = run_child("build", corpus=str(extra), store=store_of(work, big),
                                   jobs=1)
    budget = 2.0 if quick else 5.0
    _note("the stores settle (the compaction the first open after a bulk build does)")
    res["settle"] = {n: run_child("settle", timeout=900, store=store_of(work, n))
                     for n in dict.fromkeys([small, big])}
    _note(f"named queries at {big}")
    res["queries"] = queries(store_of(work, big), budget)
    _note(f"named queries at {small}")
    res["queries_small"] = (res["queries"] if small == big
                            else queries(store_of(work, small), budget))
    _note(f"rdflib baseline at {small}")
    small_store = store_of(work, small)
    res["rdflib"] = run_child("baseline", timeout=2400, store=small_store,
                              params=bench_queries.store_params(small_store),
                              cap=budget)
    _note(f"explorer pages at {big}")
    res["pages"] = pages(store_of(work, big), work, 2 if quick else 20, 600 if quick else 3600)
    if not quick:  # minutes even at the quick size (CSV and Cypher still read the whole graph)
        _note(f"exports and views at {big}, beside pyoxigraph's own dump")
        res["exports"] = bench_export.run(store_of(work, big), big, timeout=900)
        _note(f"Neo4j at {big}: export csv + neo4j-admin import against the Bolt loader")
        res["neo4j_bulk"] = bench_neo4j_bulk.run(store_of(work, big), work / "neo4j-home",
                                                 os.environ.get("NEO4J_URI"))
    if not quick:
        _note("profile")
        prof_store = work / "store-profile"
        shutil.rmtree(prof_store, ignore_errors=True)
        res["profile"] = run_child("profile", corpus=str(corpus(work, min(big, 1000))),
                                   store=str(prof_store))
    return res


def modes(n: int) -> tuple[int, ...]:
    """The builds at `n` articles: `vnkg.build` (0) and 2 workers, or 2 workers only above
    10k (one 100k build takes about 9 minutes)."""
    return (0, 2) if n <= 10000 else (2,)


def store_of(work: Path, n: int) -> str:
    """The store built at `n` articles that later measures use: `vnkg.build`'s if made."""
    return str(work / f"store-{n}-w{modes(n)[0]}")


def queries(store: str, budget: float) -> dict[str, Any]:
    """Every named query on the embedded store, each in a child stopped after 6 x budget."""
    from vnkg.queries import names

    params = bench_queries.store_params(store)
    return {name: run_child("query", timeout=6 * budget, store=store, name=name,
                            params=params.get(name, {}), budget=budget) for name in names()}


def pages(store: str, work: Path, per_kind: int, timeout: float) -> dict[str, Any]:
    """bench_pages on `store` in a child stopped after `timeout` s (one decree page has been
    seen to take minutes: the figures say so rather than hang the run)."""
    out = work / "pages.json"
    out.unlink(missing_ok=True)
    cmd = [sys.executable, str(Path(bench_pages.__file__)), "--store", store,
           "--per-kind", str(per_kind), "--json", str(out)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"timeout": {"p50_ms": timeout * 1000, "p95_ms": timeout * 1000, "n": 0}}
    if not out.exists():  # the child failed: its last words, not a silently missing row
        said = (done.stderr or done.stdout).strip().splitlines()
        return {"error": said[-1] if said else f"exit {done.returncode}"}
    return dict(json.loads(out.read_text()))


def _note(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def table(res: dict[str, Any]) -> list[Row]:
    """The rows of the one table: what, measured, baseline or target, ratio or verdict."""
    rows: list[Row] = []
    e1, e2 = res["extract"]["1"], res["extract"]["2"]
    rows.append(("extract docs/s (1 proc)", f"{e1['docs_per_s']:.0f} ({e1['mb_per_s']:.2f} MB/s)",
                 *_versus_underthesea(res["underthesea"])))
    rows.append(("extract docs/s (2 procs)", f"{e2['docs_per_s']:.0f} ({e2['mb_per_s']:.2f} MB/s)",
                 "1 proc", f"{e2['docs_per_s'] / e1['docs_per_s']:.2f}x"))
    if "dask" in res:
        rows.append(bench_dask.row(res["dask"]))
    sizes = res["sizes"]
    for n in sizes:
        builds = {w: res["build"][f"{n}/w{w}"] for w in modes(n)}
        failed = [b for b in builds.values() if "wall_s" not in b]
        if failed:
            rows.append((f"build {n}", "failed", str(failed[0].get("error")), ""))
            return rows
        rows += _build_rows(n, builds)
    for a, b in zip(sizes, sizes[1:], strict=False):
        ta, tb = res["build"][f"{a}/w2"]["wall_s"], res["build"][f"{b}/w2"]["wall_s"]
        rows.append((f"growth {a}->{b} (2 workers)", f"{tb / ta:.1f}x time", f"{b / a:.0f}x "
                     "articles", f"{(tb / b) / (ta / a):.2f}x per article"))
    rows.append(_projection(res, sizes))
    inc = res["incremental"]
    rows.append((f"add 100 articles to {sizes[-1]}", f"{inc.get('wall_s', -1):.1f} s",
                 "seconds", "(includes opening the store and loading the gazetteer)"))
    for n, settled in res.get("settle", {}).items():
        rows.append((f"store {n} settles after the build", f"{settled.get('settle_s', -1):.1f} s",
                     "queries measured after", "(compaction on the first open)"))
    if "exports" in res:
        rows += bench_export.rows([res["exports"]])
    if "neo4j_bulk" in res:
        rows += bench_neo4j_bulk.rows(res["neo4j_bulk"])
    base = res["rdflib"] if "timeout" not in res["rdflib"] else {}
    for name, q in res["queries"].items():
        rows.append(_query_row(name, q, res["queries_small"][name], base.get(name, {}),
                               sizes[-1], res["baseline_size"]))
    rows += _page_rows(res.get("pages", {}), sizes[-1])
    return rows + targets.rows(res)


def _page_rows(pages: dict[str, Any], n: int) -> list[Row]:
    """The explorer's search and pages (bench_pages): p50 / p95 beside the issue's target."""
    rows: list[Row] = []
    if "error" in pages:
        return [(f"explorer pages @{n}", f"failed: {pages['error']}"[:44], "", "error")]
    for kind, r in pages.items():
        if kind == "large_graph":
            rows.append((f"explorer large graph @{n}", f"{r['s']:.1f} s after start, "
                         f"{r['kb']:,.0f} kB", f"{r['drawn']:,} nodes drawn",
                         f"aggregate of {r['nodes']:,}" if r["aggregate"] else "whole graph"))
        if kind in ("pages", "build_s", "large_graph"):
            continue
        target = bench_pages.TARGETS_MS["search" if kind == "search" else "page"]
        rows.append((f"explorer {kind} @{n}", f"p50 {r['p50_ms']:.1f} / p95 {r['p95_ms']:.1f} ms "
                     f"({r['n']} answers)", f"target p95 {target} ms at 100k",
                     "ok" if r["p95_ms"] <= target else "over"))
    return rows


def _versus_underthesea(u: dict[str, Any]) -> tuple[str, str]:
    if "ratio" not in u:
        return f"underthesea ner: {u.get('error') or 'stopped'}", ""
    return (f"underthesea ner: {u['theirs_ms']:.1f} ms/doc, ours {u['ours_ms']:.2f} "
            f"(same {u['documents']} docs)", f"{u['ratio']:.0f}x")


def _build_rows(n: int, builds: dict[int, dict[str, Any]]) -> list[Row]:
    rows: list[Row] = []
    for workers, b in builds.items():
        rss = [mb for _, mb in b["rss_samples"]]
        flat = f"rss {rss[0]:.0f}->{rss[-1]:.0f} MB" if rss else ""
        ratio = (f"{builds[0]['wall_s'] / b['wall_s']:.2f}x vs vnkg.build"
                 if workers and 0 in builds else flat)
        what = f"build {n} " + ("2 workers" if workers else "vnkg.build")
        per = (f" ({b['named_per_article']} + union {b['union_per_article']} an article)"
               if "named_per_article" in b else "")
        disk = f", {b['store_mb']:.0f} MB on disk" if "store_mb" in b else ""
        rows.append((what, f"{b['wall_s']:.1f} s, {b['quads']} quads{per}{disk}",
                     f"peak {b['peak_rss_mb']:.0f} MB", ratio))
        if cpu := b.get("cpu_split"):
            rows.append((f"{what}: CPU seconds", f"workers {cpu['workers_s']:.0f}, compaction "
                         f"{cpu['compaction_s']:.0f}, writer and the rest {cpu['rest_s']:.0f}",
                         f"{b['cpu_s']:.0f} in all", "the store's compaction: "
                         f"{cpu['compaction_s'] / max(b['cpu_s'], 1e-9):.0%}"))
    return rows


def _projection(res: dict[str, Any], sizes: list[int]) -> Row:
    """100k articles from the marginal cost per article between the two largest sizes (the
    reference gazetteer and start-up are paid once). One size gives none: its time is
    mostly that start (200 articles: 11 s, which would project 100k to 5,900 s)."""
    target = f"target {targets.BUILD[100_000]['wall_s']:.0f} s"
    if len(sizes) < 2:
        return ("projected 100k (2 workers)", "not projected (one size: start-up and the "
                "gazetteer's load dominate it)", target, "")
    last = res["build"][f"{sizes[-1]}/w2"]["wall_s"]
    before = res["build"][f"{sizes[-2]}/w2"]["wall_s"]
    per_article = (last - before) / (sizes[-1] - sizes[-2])
    fixed = max(0.0, before - per_article * sizes[-2])
    return ("projected 100k (2 workers)", f"{fixed + per_article * 100000:.0f} s", target,
            f"{per_article * 1000:.1f} ms/article")


def _query_row(name: str, big: dict[str, Any], small: dict[str, Any],
               theirs: dict[str, Any], n_big: int, n_small: int) -> Row:
    what = f"query {name} @{n_big}"
    if "error" in big:
        return (what, "failed: " + big["error"][:60], "", "")
    value = _latency(big)
    if n_small != n_big:
        value += f"; @{n_small}: " + _latency(small)
    if theirs.get("error"):
        return (what, value, "rdflib: failed", theirs["error"][:60])
    if "timeout" in theirs or "p50_ms" not in theirs:
        return (what, value, "rdflib: not measured", "")
    sign = ">" if theirs.get("capped") else ""
    ours = small.get("p50_ms")
    ratio = f"{sign}{theirs['p50_ms'] / ours:.0f}x @{n_small}" if ours else "ours timed out"
    return (what, value, f"rdflib @{n_small}: {sign}{theirs['p50_ms']:.0f} ms", ratio)


def _latency(q: dict[str, Any]) -> str:
    if "p95_ms" not in q:
        return f"over {q['timeout']:.0f} s (stopped)" if "timeout" in q else "failed"
    return f"p50 {q['p50_ms']:.1f} / p95 {q['p95_ms']:.1f} ms ({q['rows']} rows)"


def markdown(res: dict[str, Any], rows: list[Row]) -> str:
    m = res["machine"]
    head = (f"# vnkg benchmarks ({'quick' if res['quick'] else 'full'})\n\n"
            f"{m['date']}, commit {m['git']}: {m['cores']} cores ({m['cpu']}), {m['ram_gb']} GB "
            f"RAM, Python {m['python']}; "
            + ", ".join(f"{k} {v}" for k, v in m["packages"].items()) + "\n\n")
    lines = ["| measure | value | baseline / target | ratio |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    prof = res.get("profile", {}).get("top", [])
    if prof:
        lines += ["", "Where the build's time goes (cProfile, cumulative s):", ""]
        lines += [f"- {p['function']}: {p['cum_s']} s (own {p['own_s']} s)" for p in prof]
    return head + "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200 articles, about 2 minutes")
    parser.add_argument("--sizes", default=None,
                        help="comma-separated (default 1000,10000,100000; quick: 200)")
    parser.add_argument("--baseline-size", type=int, default=None,
                        help="where queries are compared with rdflib (default 10000, or the "
                             "smallest size when 10000 is not among them)")
    parser.add_argument("--work", default=None, help="folder for corpora and stores")
    parser.add_argument("--check", action="store_true",
                        help=f"exit 1 when a named query fails, times out or has a p95 over "
                             f"{CHECK_P95_MS} ms, or the pages benchmark fails (a regression "
                             "guard for CI)")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in
                   (args.sizes or ("200" if args.quick else "1000,10000,100000")).split(","))
    small = args.baseline_size or (10000 if 10000 in sizes else sizes[0])
    work = Path(args.work or tempfile.mkdtemp(prefix="vnkg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    res = run(sizes, work, args.quick, small)
    rows = table(res)
    RESULTS.mkdir(exist_ok=True)
    stem = "quick" if args.quick else "full"
    (RESULTS / f"{stem}.json").write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n")
    (RESULTS / f"{stem}.md").write_text(markdown(res, rows), encoding="utf-8")
    width = max(len(r[0]) for r in rows)
    for a, b, c, d in rows:
        print(f"{a:<{width}}  {b:<44}  {c:<30}  {d}")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    failures = regressions(res) if args.check else []
    for line in failures:
        print(f"regression: {line}", file=sys.stderr)
    return 1 if failures else 0


def regressions(res: dict[str, Any]) -> list[str]:
    """What the CI guard fails on: a named query that errs, times out, or whose p95 is over
    CHECK_P95_MS, far above what they take (tens of ms), so noise does not trip it; the
    explorer's pages benchmark failing to run."""
    out = []
    for name, q in res["queries"].items():
        if "p95_ms" not in q:
            out.append(f"query {name}: {q.get('error') or 'timed out'}")
        elif q["p95_ms"] > CHECK_P95_MS:
            out.append(f"query {name}: p95 {q['p95_ms']:.0f} ms > {CHECK_P95_MS} ms")
    if "error" in res.get("pages", {}):
        out.append(f"explorer pages: {res['pages']['error']}")
    return out


if __name__ == "__main__":
    sys.exit(main())
