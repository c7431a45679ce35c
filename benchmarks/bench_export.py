"""Benchmark: every whole-graph export and every view of a built store, each in a fresh
process (time, peak memory, output size), beside pyoxigraph's own N-Quads dump of the same
store as the baseline. The peak memory is the most the child and the processes it starts
held together (sampled from /proc every 0.2 s; the CSV and Cypher exports read on several),
or its own ru_maxrss if that is more.

    .venv/bin/python benchmarks/bench_export.py STORE [STORE ...]

Several stores (built at growing sizes) show whether memory stays flat as the store grows.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FORMATS = ("nquads", "turtle", "jsonld", "csv", "cypher")
VIEWS = ("overview", "person", "meeting", "decree", "co-attendance")
TARGET_S, TARGET_MB, TARGET_AT = 60.0, 500.0, 100_000  # each export of a 100k store
VIEW_TARGET_S = 3.0
Row = tuple[str, str, str, str]


def peak_mb() -> float:
    """This process's peak resident memory, MB (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def size_mb(path: Path) -> float:
    """The bytes a file or a folder holds on disk, in MB."""
    files = [path] if path.is_file() else list(path.rglob("*"))
    return sum(f.stat().st_size for f in files if f.is_file()) / 1e6


def child_export(store: str, fmt: str, out: str) -> dict[str, Any]:
    """`vnkg export FMT` of `store` (the API the command runs), timed."""
    import vnkg

    start = time.perf_counter()
    vnkg.export(fmt, output=out, store=store)
    return {"wall_s": time.perf_counter() - start, "peak_mb": peak_mb(),
            "out_mb": size_mb(Path(out))}


def child_dump(store: str, out: str) -> dict[str, Any]:
    """The baseline: pyoxigraph's own N-Quads dump of the whole dataset (union included)."""
    import pyoxigraph

    start = time.perf_counter()
    ox = pyoxigraph.Store.read_only(store)
    with open(out, "wb") as f:
        ox.dump(f, pyoxigraph.RdfFormat.N_QUADS)
    return {"wall_s": time.perf_counter() - start, "peak_mb": peak_mb(),
            "out_mb": size_mb(Path(out))}


def child_view(store: str, name: str, out: str, params: dict[str, Any]) -> dict[str, Any]:
    """`vnkg view NAME` of `store` written as HTML, timed."""
    import vnkg

    start = time.perf_counter()
    vnkg.view(name, output=out, store=store, **params)
    return {"wall_s": time.perf_counter() - start, "peak_mb": peak_mb(),
            "out_mb": size_mb(Path(out))}


def view_params(store: str) -> dict[str, dict[str, Any]]:
    """What each view is asked about: the named queries' picks (the official who chaired
    most, the decree cited most) and a meeting he chaired."""
    from bench_queries import store_params

    from vnkg.loaders.oxigraph_store import OxigraphStore

    picks = store_params(store)
    person = picks["chairs"]["person"]
    with OxigraphStore(store) as rdf:
        rows = rdf.select("""PREFIX vnkg: <https://vnkg.dev/ns#> PREFIX schema: <https://schema.org/>
            SELECT ?m ?name WHERE { ?p vnkg:chaired ?m . ?p schema:name ?n FILTER(STR(?n) = ?name) }
            ORDER BY ?m LIMIT 1""", {"name": person})
    return {"overview": {}, "person": {"node": person},
            "meeting": {"node": rows[0]["m"] if rows else "meeting/x"},
            "decree": {"number": picks["decree-trace"]["decree"]}, "co-attendance": {}}


def run_child(task: str, timeout: float, **kwargs: Any) -> dict[str, Any]:
    """One measurement in a fresh process: its JSON result, or {"timeout"} / {"error"}."""
    cmd = [sys.executable, __file__, "--child", json.dumps({"task": task, **kwargs})]
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline, tree_mb = time.monotonic() + timeout, 0.0
    while True:
        tree_mb = max(tree_mb, tree_rss_mb(child.pid))
        try:
            out, err = child.communicate(timeout=0.2)
            break
        except subprocess.TimeoutExpired:
            if time.monotonic() > deadline:
                child.kill()
                child.communicate()
                out, err = "", None
                break
    if err is None:
        result: dict[str, Any] = {"timeout": timeout}
    elif child.returncode == 0:
        result = json.loads(out.strip().splitlines()[-1])
        result["process_peak_mb"] = result["peak_mb"]
        result["peak_mb"] = max(result["peak_mb"], tree_mb)
    else:
        result = {"error": (err.strip().splitlines() or ["no output"])[-1][:300]}
    what = kwargs.get("fmt") or kwargs.get("name") or ""
    print(f"[{time.strftime('%H:%M:%S')}] {task} {what}: {json.dumps(result)}",
          file=sys.stderr, flush=True)  # progress, so a long run shows its figures as it goes
    return result


def tree_rss_mb(root: int) -> float:
    """The resident memory of process `root` and its descendants now, MB (Linux's /proc;
    0 elsewhere)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines()
                          if ":" in line)
        except OSError:
            continue  # the process ended meanwhile
        pid = int(status.parent.name)
        parents[pid] = int(fields.get("PPid", "0"))
        rss[pid] = int((fields.get("VmRSS") or "0 kB").split()[0])
    tree, grown = {root}, True
    while grown:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grown = bool(more)
    return sum(rss.get(pid, 0) for pid in tree) / 1024


def run(store: str, articles: int, timeout: float = 900.0, views: bool = True,
        formats: tuple[str, ...] = FORMATS) -> dict[str, Any]:
    """Every export in `formats` (and every view) of `store`, which holds `articles`
    articles; a child past `timeout` seconds is stopped and reported so."""
    work = Path(tempfile.mkdtemp(prefix="vnkg-export-"))
    try:
        res: dict[str, Any] = {"articles": articles,
                               "dump": run_child("dump", timeout, store=store,
                                                 out=str(work / "dump.nq"))}
        if views:
            params = view_params(store)
            res["views"] = {name: run_child("view", timeout, store=store, name=name,
                                            out=str(work / f"{name}.html"), params=params[name])
                            for name in VIEWS}
        res["exports"] = {}
        for fmt in formats:
            res["exports"][fmt] = run_child("export", timeout, store=store, fmt=fmt,
                                            out=str(work / f"g.{fmt}"))
            shutil.rmtree(work / f"g.{fmt}", ignore_errors=True)
            (work / f"g.{fmt}").unlink(missing_ok=True)
        return res
    finally:
        shutil.rmtree(work, ignore_errors=True)


def rows(results: list[dict[str, Any]]) -> list[Row]:
    """Table rows: each export at each size, as time and memory and their ratios to the
    dump; then each view's seconds."""
    out: list[Row] = []
    for res in results:
        n, dump = res["articles"], res["dump"]
        out.append((f"pyoxigraph dump {n}", _measure(dump), "baseline", ""))
        for fmt, m in res["exports"].items():
            if "wall_s" not in m:
                out.append((f"export {fmt} {n}", str(m), "", "failed"))
                continue
            ratio = (f"{m['wall_s'] / max(dump.get('wall_s', 0), 1e-3):.1f}x time, "
                     f"{m['peak_mb'] / max(dump.get('peak_mb', 0), 1):.1f}x memory")
            out.append((f"export {fmt} {n}", _measure(m), _target(n), ratio))
        for name, m in res.get("views", {}).items():
            out.append((f"view {name} {n}", _measure(m), f"<= {VIEW_TARGET_S:.0f} s at 100k",
                        "" if "wall_s" in m else "failed"))
    out += _trend(results)
    return out


def _measure(m: dict[str, Any]) -> str:
    if "wall_s" not in m:
        return str(m)
    return f"{m['wall_s']:.1f} s, {m['peak_mb']:.0f} MB peak, {m['out_mb']:.0f} MB out"


def _target(n: int) -> str:
    scaled = TARGET_S * n / TARGET_AT
    return f"<= {scaled:.1f} s (60 s at 100k), <= {TARGET_MB:.0f} MB"


def _trend(results: list[dict[str, Any]]) -> list[Row]:
    """Peak memory of each export from the smallest store to the largest."""
    if len(results) < 2:
        return []
    first, last = results[0], results[-1]
    out = []
    for fmt in FORMATS:
        a, b = first["exports"].get(fmt, {}), last["exports"].get(fmt, {})
        if "peak_mb" in a and "peak_mb" in b:
            out.append((f"memory trend {fmt}", f"{a['peak_mb']:.0f} -> {b['peak_mb']:.0f} MB",
                        f"{first['articles']} -> {last['articles']} articles",
                        f"{b['peak_mb'] / a['peak_mb']:.2f}x"))
    return out


def _child_main(spec: dict[str, Any]) -> dict[str, Any]:
    task = spec.pop("task")
    if task == "export":
        return child_export(spec["store"], spec["fmt"], spec["out"])
    if task == "dump":
        return child_dump(spec["store"], spec["out"])
    if task == "view":
        return child_view(spec["store"], spec["name"], spec["out"], spec["params"])
    raise ValueError(f"unknown task {task!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stores", nargs="*", help="built stores, smallest first")
    parser.add_argument("--articles", default="", help="their sizes, comma-separated")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--no-views", action="store_true", help="the exports only")
    parser.add_argument("--json", default=None, help="write the results here too")
    parser.add_argument("--formats", default=",".join(FORMATS), help="exports to measure")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per child")
    args = parser.parse_args(argv)
    if args.child:
        sys.path.insert(0, str(Path(__file__).parent))
        print(json.dumps(_child_main(json.loads(args.child))))
        return 0
    sizes = [int(s) for s in args.articles.split(",") if s] or [0] * len(args.stores)
    results = []
    for store, n in zip(args.stores, sizes, strict=True):
        results.append(run(store, n, args.timeout, not args.no_views,
                           tuple(args.formats.split(","))))
        if args.json:  # kept as it goes: a long run stopped still leaves its figures
            Path(args.json).write_text(json.dumps(results, indent=1) + "\n")
    for a, b, c, d in rows(results):
        print(f"{a:<28}  {b:<44}  {c:<34}  {d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
