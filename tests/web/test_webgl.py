"""The large-graph page in a real headless Chromium: sigma.js (WebGL) over a synthetic store
of 20,020 nodes served by a real `vnkg serve`: it draws (pixels on the canvas, as many nodes
as the JSON holds), its filters change the count, no console error, no request off-server.

The first frame is the page's own canvas: every node of the answer painted, each at the
place sigma then draws it (checked against sigma's own placement, node by node). The time
from navigation to it is printed with the page's stages: cold (a server just started over a
store it never read, asked at once: the server's first read of the graph), restart (a second
server over the same store: the answer kept on disk) and warm (the answer kept in memory).
Warm and restart must be under FIRST_FRAME_MS, cold under COLD_FRAME_MS.
The answer is gzipped for a browser that takes it and is the same JSON.
After sigma's frame the page keeps answering: a long-task observer sees no task past
LONGEST_TASK_MS (nor all of them past BLOCKED_MS) from the first frame to WATCH_MS after
it, and a click on a node opens its page."""

from __future__ import annotations

import gzip
import json
import time
import urllib.request
from pathlib import Path
from typing import Any

from tests.web.helpers import BIG_ARTICLES, assert_clean, serving, wait_for
from vnkg.viz.chromium import Browser, Page

FIRST_FRAME_MS = 3000  # issue 17: usable within 3 s, in software WebGL (no GPU in CI)
# a server's first read of a store it never read (the first frame itself follows in 0.1 s):
# 1.1 to 1.5 s after navigation measured on a two-core machine at a load of 5 to 6, 2.2 s
# with the whole file run (1.6 to 2.3 s with the page queries before a row per node, 2.4 to
# 3.8 s once at a load of 3 to 6, 6.2 s near 10); the bound leaves room for a loaded machine
# (the figure is printed); the restart, the answer kept on disk, is held to FIRST_FRAME_MS
COLD_FRAME_MS = 5000
RENDERED = "typeof window.vnkgRendered === 'number' && typeof window.vnkgShown === 'number'"
STAGES = ("window.vnkgTimes.complete && JSON.stringify(window.vnkgTimes, "
          "(k, v) => typeof v === 'number' ? Math.round(v) : v)")
# the farthest, in CSS pixels, the first frame put a node from where sigma draws it
MISPLACED = """(() => {
  const sigma = window.vnkgSigma, graph = window.vnkgGraph;
  let worst = 0, i = 0;
  graph.forEachNode((id, a) => {
    const at = sigma.graphToViewport({x: a.x, y: a.y}), mine = window.vnkgPlace(i++);
    worst = Math.max(worst, Math.hypot(at.x - mine[0], at.y - mine[1]));
  });
  return worst;
})()"""
# a long-task observer set up before the page's own scripts: [start, duration] of each task
# of 50 ms or more, in ms from navigation
LONG_TASKS = """window.vnkgLong = [];
new PerformanceObserver(list => list.getEntries().forEach(
  e => window.vnkgLong.push([e.startTime, e.duration]))).observe({type: 'longtask'});"""
# the longest of those tasks still running after the first frame and their sum, in ms
BLOCKED = ("(() => { const d = window.vnkgLong.filter(t => t[0] + t[1] > window.vnkgRendered)"
           ".map(t => t[1]); return [Math.round(Math.max(0, ...d)), "
           "Math.round(d.reduce((a, b) => a + b, 0))]; })()")
WATCH_MS = 3000  # the page is watched this long after sigma's frame is on the screen
# issue 17: the page answers at once. sigma's own programs kept it blocked 2.2 to 2.9 s right
# after its frame on these 20,020 nodes (once 1.3 s: the work can fall in two tasks), 11 to
# 12 s on 100,020; the page's own layer 0.12 to 0.31 s, a few tasks of 0.2 s on 100,020
LONGEST_TASK_MS = 1000
BLOCKED_MS = 1500  # all those tasks together: 2.8 to 3.2 s with sigma's programs
# (places on the screen from sigma's canvases' corner: sigma's viewport and mouse both are)
# sigma's first view clicked on whole pixels, at the places of every 50th node: of those whose
# nearest node is closer than the next by more than any rounding, the one with the widest gap
# (px): that node's id, the place clicked and the gap
APART = """(() => {
  const ids = [], at = [], box = document.querySelector('#sigma canvas').getBoundingClientRect();
  window.vnkgGraph.forEachNode(id => {
    const p = window.vnkgPlace(ids.length);
    at.push([box.left + p[0], box.top + p[1]]);
    ids.push(id);
  });
  let best = null;
  for (let j = 0; j < ids.length; j += 50) {
    const x = Math.round(at[j][0]), y = Math.round(at[j][1]);
    if (y > innerHeight - 5) { continue; }
    let first = Infinity, second = Infinity, near = -1;
    at.forEach((p, k) => {
      const d = Math.hypot(p[0] - x, p[1] - y);
      if (d < first) { second = first; first = d; near = k; } else if (d < second) { second = d; }
    });
    if (first < 4 && (!best || second - first > best.near)) {
      best = {id: ids[near], x: x, y: y, near: second - first};
    }
  }
  return best;
})()"""
# sigma's camera zoomed in on a node with no other within 8 px then (of every 97th node, the
# first): its id and place on the screen
ZOOMED = """(() => {
  const sigma = window.vnkgSigma, graph = window.vnkgGraph, ids = graph.nodes();
  const box = document.querySelector('#sigma canvas').getBoundingClientRect();
  for (let j = 0; j < ids.length; j += 97) {
    const a = graph.getNodeAttributes(ids[j]), f = sigma.getNormalizationFunction()(a);
    sigma.getCamera().setState({x: f.x, y: f.y, ratio: 0.001, angle: 0});
    sigma.refresh();
    const at = sigma.graphToViewport(a);
    let near = 0;
    graph.forEachNode((id, b) => {
      const p = sigma.graphToViewport(b);
      near += Math.hypot(p.x - at.x, p.y - at.y) < 8 ? 1 : 0;
    });
    if (near === 1) { return {id: ids[j], x: box.left + at.x, y: box.top + at.y}; }
  }
  return null;
})()"""
# pixels of the drawn canvases that are not blank, read in the same task as a fresh frame
# (WebGL keeps its buffer only until the frame is shown)
INKED = """(() => {
  window.vnkgSigma.refresh();
  const out = document.createElement('canvas'), box = document.getElementById('sigma');
  out.width = box.clientWidth; out.height = box.clientHeight;
  const ctx = out.getContext('2d');
  box.querySelectorAll('canvas').forEach(c => ctx.drawImage(c, 0, 0, out.width, out.height));
  const px = ctx.getImageData(0, 0, out.width, out.height).data;
  let inked = 0;
  for (let i = 3; i < px.length; i += 4) { if (px[i] > 0) { inked += 1; } }
  return inked;
})()"""


def _rgb(hex_colour: str) -> str:
    """A #rrggbb colour as the browser's computed style writes it."""
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def graph_json(site: str, encoding: str = "identity") -> dict[str, Any]:
    """/api/graph's JSON, asked for with `encoding` (gzip: the answer must be gzipped)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    request = urllib.request.Request(site.replace("localhost", "127.0.0.1") + "/api/graph",
                                     headers={"accept-encoding": encoding})
    with opener.open(request, timeout=300) as r:
        body = r.read()
        if encoding == "gzip":
            assert r.headers["content-encoding"] == "gzip"
            body = gzip.decompress(body)
        return dict(json.loads(body))


def first_frame(page: Page, url: str) -> tuple[float, object]:
    """Open `url` and wait for the whole graph: ms from navigation to the first frame, and
    the page's stages."""
    page.open(url, RENDERED, timeout=300)
    return float(page.evaluate("window.vnkgRendered")), wait_for(page, STAGES, timeout=120)


def filter_answered(page: Page, url: str) -> float:
    """Open `url`, untick a kind as soon as the first frame shows and wait for the whole
    graph: ms from navigation until the page drew that filter change (issue 17: usable,
    filters working, within 3 s), the kind ticked again after."""
    page.open(url, "typeof window.vnkgRendered === 'number'", timeout=300)
    page.evaluate("document.querySelector('#kinds input[value=Person]').click()")
    answered = float(str(wait_for(page, "window.vnkgTimes.filtered", timeout=120)))
    wait_for(page, STAGES, timeout=120)
    page.evaluate("document.querySelector('#kinds input[value=Person]').click()")
    wait_for(page, "window.vnkgShown === window.vnkgGraph.order")
    return answered


def restarted(browser: Browser, store: Path) -> tuple[float, object]:
    """first_frame on a second server over `store` (its cache folder big_site's), in a tab
    of its own."""
    page = browser.page()
    try:
        with serving(store, store.parent / "restart.log", "--store", "--wait", "60",
                     XDG_CACHE_HOME=str(store.parent / "serve.cache")) as url:
            site = url.replace("127.0.0.1", "localhost")
            found = first_frame(page, site + "/graph/webgl")
            assert_clean(page, site)
            return found
    finally:
        page.close()


def test_webgl_page_draws_20k_nodes_and_filters(browser: Browser, browser_page: Page,
                                                big_site: str, big_store: Path,
                                                shots: Path) -> None:
    page, nodes = browser_page, BIG_ARTICLES * 20 + 20
    cold, cold_stages = first_frame(page, big_site + "/graph?view=overview")
    assert page.evaluate("location.pathname") == "/graph/webgl"
    assert page.evaluate("window.vnkgPainted") == nodes
    restart, restart_stages = restarted(browser, big_store)
    answered = filter_answered(page, big_site + "/graph/webgl")
    warm, stages = first_frame(page, big_site + "/graph/webgl")
    print(f"\nWebGL graph, {nodes} nodes: first frame {cold:.0f} ms after navigation cold "
          f"(the server's first read), {restart:.0f} ms on a restart, {warm:.0f} ms warm "
          f"(ms of the stages, cold: {cold_stages}; restart: {restart_stages}; warm: {stages}); "
          f"a filter change right after the first frame drawn {answered:.0f} ms after "
          "navigation, warm")
    assert warm < FIRST_FRAME_MS, f"first frame {warm:.0f} ms after navigation, warm"
    assert restart < FIRST_FRAME_MS, f"first frame {restart:.0f} ms after navigation, restart"
    assert answered < FIRST_FRAME_MS, f"filter answered {answered:.0f} ms after navigation"
    assert cold < COLD_FRAME_MS, f"first frame {cold:.0f} ms after navigation, cold"
    assert page.evaluate("window.vnkgPainted") == nodes
    assert float(page.evaluate(MISPLACED)) < 0.5
    data = graph_json(big_site)
    assert graph_json(big_site, "gzip") == data
    assert len(data["ids"]) == nodes
    assert page.evaluate("window.vnkgGraph.order") == len(data["ids"])
    assert page.evaluate("window.vnkgGraph.size") == len(data["edges"]) // 3
    assert page.evaluate("window.vnkgShown") == len(data["ids"])
    # the legend: each kind's box with a swatch of the colour its nodes are drawn in
    swatches = page.evaluate("[...document.querySelectorAll('#kinds label')].map(l => "
                             "[l.textContent, getComputedStyle(l.querySelector('.swatch'))"
                             ".backgroundColor])")
    assert [k for k, _ in swatches] == data["kinds"]
    assert [c for _, c in swatches] == [_rgb(c) for c in data["colors"]]
    assert page.evaluate("document.getElementById('total').textContent") == \
        str(len(data["ids"]))
    assert page.evaluate("document.querySelectorAll('#sigma canvas.first-frame').length") == 0
    assert page.evaluate(INKED) > 1000
    page.screenshot(shots / "web-graph-webgl.png")

    page.evaluate("document.querySelector('#kinds input[value=Person]').click()")
    wait_for(page, f"window.vnkgShown === {BIG_ARTICLES * 5 + 20}")
    page.evaluate("const p = document.getElementById('province'); p.value = 'Tỉnh Thử 0';"
                  "p.dispatchEvent(new Event('change', {bubbles: true}))")
    in_province = wait_for(page, f"window.vnkgShown < {BIG_ARTICLES * 5 + 20} && "
                                 "window.vnkgShown")
    assert in_province == BIG_ARTICLES * 4 // 5 + 4  # a fifth of the meetings, 4 places
    page.evaluate("const f = document.getElementById('from'); f.value = '2025';"
                  "f.dispatchEvent(new Event('change', {bubbles: true}))")
    dated = wait_for(page, f"window.vnkgShown < {in_province} && window.vnkgShown")
    assert 0 < int(str(dated)) < int(str(in_province))
    assert_clean(page, big_site)


def test_webgl_page_answers_after_sigma(browser_page: Page, big_site: str) -> None:
    """From the first frame until WATCH_MS after sigma's frame no task blocks the page for
    LONGEST_TASK_MS, nor all of them for BLOCKED_MS (both printed), every edge is drawn by
    then, and a click on a node then opens its page."""
    page = browser_page
    page.call("Page.addScriptToEvaluateOnNewDocument", source=LONG_TASKS)
    first_frame(page, big_site + "/graph/webgl")
    wait_for(page, f"performance.now() > window.vnkgTimes.complete + {WATCH_MS}", timeout=60)
    longest, blocked = page.evaluate(BLOCKED)
    print(f"\nWebGL graph, {BIG_ARTICLES * 20 + 20} nodes: from the first frame to {WATCH_MS} "
          f"ms after sigma's the longest task took {longest} ms, all of them {blocked} ms "
          f"(stages: {page.evaluate(STAGES)}; tasks: {page.evaluate('window.vnkgLong')})")
    assert longest < LONGEST_TASK_MS, f"the page was blocked {longest} ms at once"
    assert blocked < BLOCKED_MS, f"the page was blocked {blocked} ms in all"
    assert page.evaluate("window.vnkgTimes.edges")  # every edge drawn by then
    clicked(page, page.evaluate(APART), sigma_draws=False)  # the page's own hit test
    first_frame(page, big_site + "/graph/webgl")
    clicked(page, page.evaluate(ZOOMED), sigma_draws=True)  # sigma's, on the nodes it draws
    assert_clean(page, big_site)


def clicked(page: Page, node: dict[str, object] | None, sigma_draws: bool) -> None:
    """Click `node` (APART's or ZOOMED's) where it is on the screen: its page opens. Whether
    sigma draws it (its graph holds the few nodes of a view zoomed in, else none) is
    checked first (once the camera has rested)."""
    assert node, "no node apart from the others"
    assert float(str(node.get("near", 8))) > 1, node  # no other node where the click lands
    time.sleep(0.5)  # sigma's graph follows the camera 0.15 s after it rests
    assert (page.evaluate("window.vnkgSigma.getGraph().order") > 1) is sigma_draws
    page.click(float(str(node["x"])), float(str(node["y"])))
    wait_for(page, "location.pathname !== '/graph/webgl' && location.pathname")
    assert page.evaluate("location.pathname") == "/" + str(node["id"])


def test_past_its_limit_the_page_draws_the_aggregate_and_says_so(
        browser_page: Page, web_store: Path, tmp_path: Path) -> None:
    """A server told to draw every node only up to 10 answers with the store's aggregate:
    the page draws its nodes and says how many the store holds and what is shown."""
    page = browser_page
    with serving(web_store, tmp_path / "aggregate.log", "--store", "--wait", "60",
                 "--whole-graph", "10") as url:
        site = url.replace("127.0.0.1", "localhost")
        data = graph_json(site)
        first_frame(page, site + "/graph/webgl")
        aggregate = data["aggregate"]
        assert aggregate["nodes"] > 10 and 0 < len(data["ids"]) < aggregate["nodes"]
        assert page.evaluate("window.vnkgPainted") == len(data["ids"])
        assert page.evaluate("document.getElementById('aggregate').hidden") is False
        note = str(page.evaluate("document.getElementById('aggregate').textContent"))
        assert f"{aggregate['nodes']:,} nodes" in note and aggregate["title"] in note
        assert "aggregate" in str(page.evaluate("document.getElementById('scope').textContent"))
        assert_clean(page, site)
