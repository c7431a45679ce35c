"""Benchmark the two ways a built store gets into Neo4j, end to end, on the same store:
the bulk path (`vnkg export csv`, then the real `neo4j-admin database import full` with
tools/neo4j/import.sh) against the Bolt loader (every article's fragment, and the reference
gazetteer, written over Bolt by `Neo4jStore.write_fragments`, in the build's batches).

    NEO4J_URI=bolt://127.0.0.1:7753 .venv/bin/python benchmarks/bench_neo4j_bulk.py STORE \\
        --neo4j-home /tmp/import-home [--bolt-articles 10000] [--json out.json]

The database at NEO4J_URI is EMPTIED: use a scratch server (without NEO4J_URI the local
server of tools/neo4j is started on port 7689, as bench_neo4j does). `--neo4j-home`
gets the imported database (overwritten; no server may run on it). Each step runs in its
own process (wall time, peak RSS). `--bolt-articles N` loads only the first N articles over
Bolt and extrapolates the whole store's time from their rate, labelled so. The Bolt step
then writes the same articles' nodes and relationships with bare MERGEs (neo4j_floor.py):
what the server alone takes, the floor under any Bolt loader here. The store is only read.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from itertools import chain, islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_export import child_export, peak_mb  # noqa: E402
from neo4j_floor import floor_write  # noqa: E402

BATCH = 1_000  # articles per write, as loaders/batches.py writes them
TARGET_RATIO, TARGET_RATE = 20.0, 30_000.0  # issue 18: bulk >= 20x Bolt; Bolt >= 30k rel/s
BENCH_PORT = 7689  # the local server's Bolt port when NEO4J_URI is not set (as bench_neo4j)
# Measured before the loader's batches grew from 1,000 to 10,000 rows, on 10,000 synthetic
# articles (synth.py --seed 1), the 2-core machine shared with other jobs (load about 5)
BASELINE = {"bolt": "520 rel/s, 512 s at 10,000 articles (1,000-row batches)",
            "export": "113 s, 351 MB at 10,000 articles", "import": "57 s at 10,000 articles"}


def child_bolt(store: str, uri: str, limit: int | None) -> dict[str, Any]:
    """Clear the database at `uri`, then write the reference gazetteer and the store's
    articles (the first `limit`), BATCH articles a call; only the writes are timed. A batch
    the server does not take (a full disk, say) stops the load: what was written before it
    is reported, with the reason, and the floor is not run on that server."""
    from vnkg.graph.reference import reference_fragment
    from vnkg.loaders.neo4j_store import Neo4jStore
    from vnkg.loaders.oxigraph_store import OxigraphStore
    from vnkg.loaders.rdf import REFERENCE

    with OxigraphStore(store) as rdf, Neo4jStore(uri) as neo:
        neo.clear()
        articles = [a for a in rdf.articles() if a != REFERENCE]
        chosen = articles[:limit] if limit else articles
        start = time.perf_counter()
        neo.write_base(True)
        base_s, rels, nodes, done, stopped = time.perf_counter() - start, 0, 0, 0, None
        batch_s: list[float] = []
        for frags in _batches(rdf, chosen):
            start = time.perf_counter()
            report = neo.write_fragments(frags)
            if report.failed:
                stopped = _failure(report.failed[0])
                break
            batch_s.append(time.perf_counter() - start)
            # the fragments' relationships, whatever the batch merges: comparable across
            # batch sizes (the report counts rows after merging a batch's rows)
            rels += sum(len(f.edges) for f in frags)
            nodes += sum(len(f.nodes) for f in frags)
            done += len(frags)
        floor_s = None if stopped else floor_write(
            neo.driver, chain([[reference_fragment()]], _batches(rdf, chosen)))
    write_s = base_s + sum(batch_s)
    res = {"articles": done, "of": len(articles), "write_s": write_s, "relationships": rels,
           "nodes": nodes, "rel_per_s": rels / write_s, "peak_mb": peak_mb(),
           "whole_s": write_s * len(articles) / done if done else None,
           "batch_s": [round(b, 2) for b in batch_s]}
    if stopped:
        return {**res, "stopped": stopped}
    return {**res, "floor_s": floor_s, "floor_rel_per_s": rels / floor_s}


def _failure(failed: Any) -> str:
    """What a failed batch says: its first article and the server's reason, shortened."""
    return (f"the batch of {len(failed.articles)} articles from {failed.articles[0]} failed: "
            f"{failed.error[:300]}")


def _batches(rdf: Any, articles: list[str]) -> Iterator[list[Any]]:
    """The articles' fragments, BATCH articles at a time, as `vnkg build` writes them."""
    it = iter(articles)
    while batch := list(islice(it, BATCH)):
        yield [rdf.read_fragment(a) for a in batch]


def run_import(folder: Path, home: Path) -> dict[str, Any]:
    """tools/neo4j/import.sh: neo4j-admin's import, then the constraints; timed."""
    start = time.perf_counter()
    done = subprocess.run(["bash", str(ROOT / "tools" / "neo4j" / "import.sh"), str(folder)],
                          env={**os.environ, "NEO4J_HOME": str(home)}, capture_output=True,
                          text=True, check=False)
    if done.returncode:  # neo4j-admin ends with a hint to run it --verbose: keep the cause
        lines = [line for line in done.stderr.splitlines() if line.strip()] or ["no output"]
        return {"error": " / ".join(lines[-3:])[:600]}
    return {"wall_s": time.perf_counter() - start}


def run_child(task: str, env: dict[str, str] | None = None, **kwargs: Any) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", json.dumps({"task": task, **kwargs})]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False,
                          env={**os.environ, **(env or {})})
    result: dict[str, Any] = (
        json.loads(done.stdout.strip().splitlines()[-1]) if done.returncode == 0
        else {"error": (done.stderr.strip().splitlines() or ["no output"])[-1][:300]})
    print(f"[{time.strftime('%H:%M:%S')}] {task}: {json.dumps(result)}", file=sys.stderr,
          flush=True)
    return result


def run(store: str, home: Path, uri: str | None, limit: int | None = None,
        skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Every step not in `skip` on `store`; without `uri` the local server of tools/neo4j
    is started for the Bolt step (on BENCH_PORT, its state under .neo4j/bench) and stopped."""
    from vnkg.loaders.neo4j_server import local_auth, start_local_neo4j, stop_local_neo4j

    server, login = None, dict[str, str]()
    if uri is None and "bolt" not in skip:
        server = start_local_neo4j(ROOT, BENCH_PORT, state_dir=ROOT / ".neo4j" / "bench")
        uri = server.uri
        login = dict(zip(("NEO4J_USER", "NEO4J_PASSWORD"), local_auth(), strict=True))
    try:
        return _steps(store, home, uri, limit, skip, login)
    finally:
        if server is not None:
            stop_local_neo4j(server)


def _steps(store: str, home: Path, uri: str | None, limit: int | None,
           skip: frozenset[str], login: dict[str, str]) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="vnkg-bulk-"))
    res: dict[str, Any] = {"store": store}
    try:
        if "export" not in skip:
            res["export"] = run_child("export", store=store, out=str(work / "csv"))
            if "import" not in skip and "wall_s" in res["export"]:
                res["import"] = run_import(work / "csv", home)
        if "bolt" not in skip and uri:
            res["bolt"] = run_child("bolt", env=login, store=store, uri=uri, limit=limit)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return res


def rows(res: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """Table rows: export, import, bulk in all, Bolt, and the ratio with its target."""
    out = []
    export, imp, bolt = res.get("export", {}), res.get("import", {}), res.get("bolt", {})
    if "wall_s" in export:
        out.append(("export csv", f"{export['wall_s']:.1f} s, {export['peak_mb']:.0f} MB peak",
                    "", f"before: {BASELINE['export']}"))
    if "wall_s" in imp:
        out.append(("neo4j-admin import", f"{imp['wall_s']:.1f} s", "",
                    f"before: {BASELINE['import']}"))
    bulk = export.get("wall_s", 0) + imp.get("wall_s", 0) if "wall_s" in imp else None
    if bolt.get("rel_per_s"):
        part = ("" if bolt["articles"] == bolt["of"] else
                f" (extrapolated from {bolt['articles']} of {bolt['of']} articles)")
        if bolt.get("stopped"):  # the rest would cost more a batch: a lower bound
            part = (f" (at least; the {bolt['articles']} of {bolt['of']} articles written "
                    f"before {bolt['stopped']})")
        if len(bolt.get("batch_s", [])) > 1:  # a batch costs more as the store grows
            part += (f"; batches of {BATCH} articles {bolt['batch_s'][0]:.1f} s first, "
                     f"{bolt['batch_s'][-1]:.1f} s last")
        out.append(("Bolt loader", f"{bolt['rel_per_s']:,.0f} rel/s, {bolt['whole_s']:.1f} s"
                    f"{part}", f">= {TARGET_RATE:,.0f} rel/s", f"before: {BASELINE['bolt']}"))
        if bulk:
            least = "at least " if bolt.get("stopped") else ""
            out.append(("bulk path (export + import)", f"{bulk:.1f} s",
                        f">= {TARGET_RATIO:.0f}x the Bolt loader",
                        f"{least}{bolt['whole_s'] / bulk:.2f}x the Bolt loader's speed"))
    elif bolt.get("stopped"):
        out.append(("Bolt loader", f"stopped at once: {bolt['stopped']}",
                    f">= {TARGET_RATE:,.0f} rel/s", f"before: {BASELINE['bolt']}"))
    if bolt.get("floor_rel_per_s"):
        out.append(("Neo4j's floor (bare MERGE)", f"{bolt['floor_rel_per_s']:,.0f} rel/s, "
                    f"{bolt['floor_s']:.1f} s for the same articles",
                    f">= {TARGET_RATE:,.0f} rel/s", "the same nodes and relationships with "
                    f"no provenance; the loader at {bolt['floor_s'] / bolt['write_s']:.0%}"
                    " of the floor's speed"))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", nargs="?", help="a built store (only read)")
    parser.add_argument("--neo4j-home", type=Path, default=None,
                        help="the Neo4j home the import writes its database into")
    parser.add_argument("--bolt-articles", type=int, default=None,
                        help="load only this many articles over Bolt and extrapolate")
    parser.add_argument("--skip", default="", help="steps to leave out: export,import,bolt")
    parser.add_argument("--json", default=None, help="write the results here too")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        spec = json.loads(args.child)
        task = spec.pop("task")
        result = (child_export(fmt="csv", **spec) if task == "export" else child_bolt(**spec))
        print(json.dumps(result))
        return 0
    if not args.store:
        parser.error("give a built store")
    home = args.neo4j_home or Path(tempfile.mkdtemp(prefix="vnkg-neo4j-home-"))
    res = run(args.store, home, os.environ.get("NEO4J_URI"), args.bolt_articles,
              frozenset(filter(None, args.skip.split(","))))
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1) + "\n")
    for a, b, c, d in rows(res):
        print(f"{a:<28}  {b:<60}  {c:<26}  {d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
