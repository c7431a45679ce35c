"""Benchmark: the explorer's server time for search and every page kind, p50 / p95.

usage: python benchmarks/bench_pages.py --articles N [--per-kind K] [--work DIR] [--json FILE]

Builds a synthetic store of N articles (benchmarks/synth.py, `vnkg.build` with two
processes; made once per work folder), then asks the explorer's app itself (in process,
through Starlette's test client: server time, no network, no browser) for `/api/search` with
names typed as users type them, and for K pages of each kind (person, meeting, decree,
locality, unit, article), each twice (a cold and a warm pass; the figures are over both).
Prints the count of pages asked and one line per kind; the issue's targets at 100k
articles: search <= 100 ms, pages <= 300 ms p95. First, the large graph page's answer
(`/api/graph`) is asked as soon as the app has started, with no answer kept on disk: how long
after the start it comes, its size, and whether it is the whole graph or the store's
aggregate (past vnkg.web.WHOLE_GRAPH nodes).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

TARGETS_MS = {"search": 100, "page": 300}
KINDS = {"Person": "person", "Meeting": "meeting", "Decree": "decree", "Locality": "locality",
         "Unit": "unit"}


def build(n: int, work: Path) -> Path:
    """The store of `n` synthetic articles under `work` (built once)."""
    import synth

    import vnkg

    store = work / f"pages-store-{n}"
    if not (store / "built").exists():
        corpus = work / f"pages-corpus-{n}"
        if not (corpus / "gold.jsonl").exists():
            synth.generate(n, 1, corpus)
        report = vnkg.build([corpus / "articles"], store=store, jobs=2)
        if not report.ok:
            raise SystemExit(f"the build failed: {report.problems[:3]}")
        (store / "built").write_text("ok\n")
    return store


def _ms(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50_ms": round(statistics.median(ordered), 1), "p95_ms": round(p95, 1),
            "n": len(ordered)}


def measure(store: str | Path, per_kind: int = 20, seed: int = 1) -> dict[str, Any]:
    """p50 / p95 (ms) of search and each page kind over `per_kind` nodes of each, every
    answer checked to be 200; `pages`: how many answers were timed."""
    from starlette.testclient import TestClient

    from vnkg.loaders.store import open_store
    from vnkg.web.app import make_app
    from vnkg.web.data import search_rows

    with open_store(store) as opened:
        rows, articles = search_rows(opened), opened.articles()
    rng = random.Random(seed)
    picks: dict[str, list[str]] = {}
    for label, kind in KINDS.items():
        ids = sorted(str(r["id"]) for r in rows if r["label"] == label)
        picks[kind] = rng.sample(ids, min(per_kind, len(ids)))
    picks["article"] = rng.sample(sorted(articles), min(per_kind, len(articles)))
    names = [str(r["name"]) for r in rows if r["label"] == "Person" and r["name"]]
    typed = [n[: rng.randint(min(4, len(n)), len(n))]  # a name may be under 4 letters
             for n in rng.sample(names, min(per_kind, len(names)))]
    out: dict[str, Any] = {}
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp()  # no large graph answer kept from before
    with TestClient(make_app(store, wait=30)) as client:
        started = time.perf_counter()
        out["large_graph"] = _large_graph(client.get("/api/graph"), time.perf_counter() - started)
        client.get("/api/search", params={"q": "warm up"})
        out["search"] = _timed(client, [("/api/search", {"q": t}) for t in typed])
        for kind, ids in picks.items():
            paths = [("/" + (i if "/" in i else f"article/{i}"), {}) for i in ids]
            out[kind] = _timed(client, paths)
    out["pages"] = sum(v["n"] for k, v in out.items() if k != "large_graph")
    return out


def _large_graph(answer: Any, seconds: float) -> dict[str, Any]:
    """The large graph's answer: seconds after the start, kB, nodes drawn and in the store."""
    if answer.status_code != 200:
        raise SystemExit(f"/api/graph answered {answer.status_code}")
    data = answer.json()
    drawn = len(data["ids"])
    return {"s": round(seconds, 2), "kb": round(len(answer.content) / 1000, 1), "drawn": drawn,
            "nodes": data["aggregate"]["nodes"] if "aggregate" in data else drawn,
            "aggregate": "aggregate" in data}


def large_graph_line(g: dict[str, Any]) -> str:
    """The large graph's figures as one line."""
    what = f"the aggregate of {g['nodes']:,} nodes" if g["aggregate"] else "the whole graph"
    return (f"large graph: answered {g['s']:.1f} s after the start, {g['kb']:,.0f} kB, "
            f"{g['drawn']:,} nodes drawn ({what})")


def _timed(client: Any, asks: list[tuple[str, dict[str, str]]]) -> dict[str, float]:
    samples = []
    for _ in range(2):
        for path, params in asks:
            start = time.perf_counter()
            answer = client.get(path, params=params)
            samples.append((time.perf_counter() - start) * 1000)
            if answer.status_code != 200:
                raise SystemExit(f"{path} answered {answer.status_code}")
    return _ms(samples) if samples else {"p50_ms": 0.0, "p95_ms": 0.0, "n": 0}


def lines(res: dict[str, Any], n: int) -> list[str]:
    """One line per measure, with its target and verdict."""
    out = [f"{res['pages']} answers timed on the {n}-article store"]
    if "large_graph" in res:
        out.append(large_graph_line(res["large_graph"]))
    for kind, r in res.items():
        if kind in ("pages", "large_graph"):
            continue
        target = TARGETS_MS["search" if kind == "search" else "page"]
        verdict = "ok" if r["p95_ms"] <= target else "over"
        out.append(f"{kind:9} p50 {r['p50_ms']:7.1f} ms  p95 {r['p95_ms']:7.1f} ms  "
                   f"({r['n']} answers; target p95 <= {target} ms at 100k: {verdict})")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=0, help="articles in the store")
    ap.add_argument("--store", type=Path, help="measure this store instead of building one")
    ap.add_argument("--per-kind", type=int, default=20, help="pages timed per kind")
    ap.add_argument("--work", type=Path, default=Path("benchmarks/work"), help="work folder")
    ap.add_argument("--json", type=Path, help="write the figures here too")
    args = ap.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    store = args.store or build(args.articles, args.work)
    built = time.monotonic() - started
    res = measure(store, args.per_kind)
    res["build_s"] = round(built, 1)
    print(f"store built (or reused) in {built:.0f} s")
    print("\n".join(lines({k: v for k, v in res.items() if k != "build_s"}, args.articles)))
    if args.json:
        args.json.write_text(json.dumps(res, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
