"""Benchmark: page-ready time of big overview pages in headless Chromium.

Builds an invented graph shaped like the real one (people, ranks, posts, units, localities,
meetings, decrees), writes the overview page and measures: Python time to lay out and write
it, its size, and the time from navigation until the page says `window.vnkgReady`.

    .venv/bin/python benchmarks/bench_view.py --nodes 20000 2000 --json out.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vnkg.viz.chromium import Browser  # noqa: E402
from vnkg.viz.render import write_html  # noqa: E402
from vnkg.viz.views import overview  # noqa: E402

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Lò", "Hà"]
GIVEN = ["Văn An", "Thị Bình", "Đức Cường", "Minh Dũng", "Thị Hoà", "Quốc Huy", "Văn Thuỷ"]
ROLES = ("CHAIRED", "ATTENDED", "ATTENDED", "SPOKE_AT")


def synthetic(n_nodes: int, seed: int = 1) -> nx.MultiDiGraph:
    """About `n_nodes` nodes: 1 province per 400 nodes, districts, units, people, meetings."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    ranks = [f"rank/{i}" for i in range(8)]
    for r in ranks:
        g.add_node(r, label="Rank", name=f"Cấp bậc {r[-1]}", sources=["a0"])
    decrees = [f"decree/{i}" for i in range(20)]
    for d in decrees:
        g.add_node(d, label="Decree", name=f"Nghị định {d[7:]}/2019/NĐ-CP", sources=["a0"])
    i = 0
    while g.number_of_nodes() < n_nodes:
        prov = f"loc/p{i}"
        g.add_node(prov, label="Locality", name=f"Tỉnh {i}", type="tỉnh", sources=["a0"])
        for j in range(8):
            dist = f"{prov}/d{j}"
            g.add_node(dist, label="Locality", name=f"Huyện {i}-{j}", sources=["a0"])
            g.add_edge(dist, prov, key="PART_OF", type="PART_OF", sources=["a0"])
            _district(g, rng, dist, f"{i}-{j}", ranks, decrees)
        i += 1
    return g


def _district(g: nx.MultiDiGraph, rng: random.Random, place: str, tag: str,
              ranks: list[str], decrees: list[str]) -> None:
    unit, post = f"unit/{tag}", f"pos/{tag}"
    g.add_node(unit, label="Unit", name=f"Ban CHQS huyện {tag}")
    g.add_node(post, label="Position", name=f"Chỉ huy trưởng {tag}")
    g.add_edge(unit, place, key="LOCATED_IN", type="LOCATED_IN")
    g.add_edge(post, unit, key="IN_UNIT", type="IN_UNIT")
    people = [f"person/{tag}/{k}" for k in range(30)]
    for k, p in enumerate(people):
        g.add_node(p, label="Person", name=f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)} {tag}")
        g.add_edge(p, rng.choice(ranks), key="HAS_RANK", type="HAS_RANK",
                   first_seen="2024-01-02", last_seen="2024-06-01")
        if k == 0:
            g.add_edge(p, post, key="HOLDS", type="HOLDS")
    for m in range(10):
        meeting = f"meeting/{tag}/{m}"
        g.add_node(meeting, label="Meeting", name=f"Hội nghị {tag}/{m}",
                   date=f"2024-0{m % 9 + 1}-1{m}")
        g.add_edge(meeting, place, key="HELD_IN", type="HELD_IN")
        g.add_edge(meeting, rng.choice(decrees), key="CONCERNS", type="CONCERNS",
                   evidence=[{"article": f"a{m}", "start": 0, "end": 40,
                              "text": f"Quán triệt văn bản tại hội nghị {tag}/{m}."}])
        for p in rng.sample(people, 4):
            g.add_edge(p, meeting, key=rng.choice(ROLES), type="ATTENDED",
                       evidence=[{"article": f"a{m}", "start": 0, "end": 30,
                                  "text": "Đồng chí dự và phát biểu chỉ đạo."}])


def measure(n_nodes: int, browser: Browser, workdir: Path) -> dict[str, float]:
    g = synthetic(n_nodes)
    g = g.subgraph(list(g)[:n_nodes])
    start = time.perf_counter()
    view = overview(g)
    path = write_html(view, workdir / f"overview-{n_nodes}.html")
    written = time.perf_counter() - start
    page = browser.page()
    ready = page.open(path.as_uri(), timeout=600)
    drawn = page.evaluate("window.vnkgNetwork.body.data.nodes.length")
    timings = page.evaluate("window.vnkgTimings")
    errors = page.errors()
    page.close()
    return {"nodes": view.number_of_nodes(), "edges": view.number_of_edges(),
            "write_s": round(written, 2), "html_mb": round(path.stat().st_size / 2**20, 1),
            "page_ready_s": round(ready, 2), "drawn_nodes": drawn, "errors": len(errors),
            **{f"js_{k}_s": round(v / 1000, 2) for k, v in timings.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, nargs="+", default=[20000, 5000, 2000, 500])
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp, Browser() as browser:
        for n in args.nodes:
            results.append(measure(n, browser, Path(tmp)))
            print(json.dumps(results[-1]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
