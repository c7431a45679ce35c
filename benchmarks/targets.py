"""Issue 18's targets for the build, the store and the named queries, and the table rows
that put each beside what `run.py` measured: the value, the target, and "ok", "over" or
"not measured" (a target the run's sizes cannot reach says so rather than go missing).
The exports', views' and Neo4j's targets are printed by bench_export and bench_neo4j_bulk.
"""

from __future__ import annotations

from typing import Any

Row = tuple[str, str, str, str]

BUILD = {100_000: {"wall_s": 300.0, "peak_mb": 2048.0},
         1_000_000: {"wall_s": 3600.0, "peak_mb": 8192.0, "store_mb": 40_000.0}}
GROWTH_10X = 11.0  # 10x the articles: at most this many times the time
QUADS_PER_ARTICLE = 120.0
QUERY_P95_MS, QUERY_AT = 100.0, 1_000_000


def rows(res: dict[str, Any]) -> list[Row]:
    """The verdict rows of a `run.py` result (its `sizes`, `build` and `queries`).

    >>> res = {"sizes": [10000], "build": {"10000/w2": {"wall_s": 40.0, "peak_rss_mb": 900}},
    ...        "queries": {}}
    >>> rows(res)[0]
    ('target: build 100000', 'not measured (largest size 10000)', '<= 300 s, <= 2048 MB peak', '')
    """
    return [*(_build(res, n) for n in BUILD), *_growth(res), _quads(res), _queries(res)]


def _verdict(ok: bool) -> str:
    return "ok" if ok else "over"


def _build(res: dict[str, Any], n: int) -> Row:
    want = BUILD[n]
    target = (f"<= {want['wall_s']:.0f} s, <= {want['peak_mb']:.0f} MB peak"
              + (f", <= {want['store_mb'] / 1000:.0f} GB store" if "store_mb" in want else ""))
    b = res["build"].get(f"{n}/w2", {})
    if "wall_s" not in b:
        return (f"target: build {n}", f"not measured (largest size {max(res['sizes'])})",
                target, "")
    ok = b["wall_s"] <= want["wall_s"] and b["peak_rss_mb"] <= want["peak_mb"]
    value = f"{b['wall_s']:.0f} s, {b['peak_rss_mb']:.0f} MB peak"
    if "store_mb" in want:
        store = b.get("store_mb")
        value += f", {store / 1000:.1f} GB store" if store else ", store not measured"
        ok = ok and store is not None and store <= want["store_mb"]
    return (f"target: build {n}", value, target, _verdict(ok))


def _growth(res: dict[str, Any]) -> list[Row]:
    out = []
    sizes = res["sizes"]
    for a in sizes:
        small, big = (res["build"].get(f"{n}/w2", {}) for n in (a, 10 * a))
        if "wall_s" in small and "wall_s" in big:
            times = big["wall_s"] / small["wall_s"]
            out.append((f"target: build {a} -> {10 * a}", f"{times:.1f}x the time",
                        f"<= {GROWTH_10X:.0f}x", _verdict(times <= GROWTH_10X)))
    return out


def _quads(res: dict[str, Any]) -> Row:
    n = max(res["sizes"])
    b = res["build"].get(f"{n}/w2", {})
    if "named_per_article" not in b:
        return ("target: quads per article", "not measured", f"<= {QUADS_PER_ARTICLE:.0f}", "")
    per = b["named_per_article"] + b["union_per_article"]
    return (f"target: quads per article @{n}", f"{per:.1f} (graphs + stored union)",
            f"<= {QUADS_PER_ARTICLE:.0f}", _verdict(per <= QUADS_PER_ARTICLE))


def _queries(res: dict[str, Any]) -> Row:
    n = max(res["sizes"])
    timed = {name: q["p95_ms"] for name, q in res["queries"].items() if "p95_ms" in q}
    failed = len(res["queries"]) - len(timed)
    target = f"p95 <= {QUERY_P95_MS:.0f} ms each at {QUERY_AT}"
    if not timed:
        return (f"target: named queries @{n}", "not measured", target, "")
    worst = max(timed, key=lambda k: timed[k])
    over = sum(p > QUERY_P95_MS for p in timed.values()) + failed
    value = f"worst p95 {timed[worst]:.0f} ms ({worst}); {over} of {len(res['queries'])} over"
    verdict = _verdict(over == 0) if n >= QUERY_AT else f"{_verdict(over == 0)} at {n} only"
    return (f"target: named queries @{n}", value, target, verdict)
