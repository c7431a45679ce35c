"""The large-graph page in a real headless Chromium: sigma.js (WebGL) over a synthetic store
of 20,020 nodes served by a real `vnkg serve`: it draws (pixels on the canvas, as many nodes
as the JSON holds), its filters change the count, no console error, no request off-server.
The time from navigation to the first frame (every node at its place; names and edges come
right after) is printed cold (a server just started, still reading the graph from the store)
and warm (the graph JSON is kept), with the page's stages; the warm one must be under
FIRST_FRAME_MS, the cold one under COLD_FRAME_MS.
The answer is gzipped for a browser that takes it and is the same JSON."""

from __future__ import annotations

import gzip
import json
import urllib.request
from pathlib import Path

from tests.web.helpers import BIG_ARTICLES, assert_clean, wait_for
from vnkg.viz.chromium import Page

FIRST_FRAME_MS = 3000  # issue 17: usable within 3 s, in software WebGL (no GPU in CI)
# a server just started (asked at once, its graph still being read): 2.0 to 2.6 s measured
# on a busy two-core machine, 3.7 s once under heavier load: the bound leaves room for the
# load of a shared test machine (the figure is printed; issue 17 wants 3 s)
COLD_FRAME_MS = 5000
RENDERED = "typeof window.vnkgRendered === 'number' && typeof window.vnkgShown === 'number'"
STAGES = ("window.vnkgTimes.complete && JSON.stringify(window.vnkgTimes, "
          "(k, v) => typeof v === 'number' ? Math.round(v) : v)")
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


def graph_json(site: str, encoding: str = "identity") -> dict[str, list[object]]:
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


def test_webgl_page_draws_20k_nodes_and_filters(browser_page: Page, big_site: str,
                                                shots: Path) -> None:
    page = browser_page
    page.open(big_site + "/graph?view=overview", RENDERED, timeout=300)
    cold = float(page.evaluate("window.vnkgRendered"))
    cold_stages = wait_for(page, STAGES)
    assert page.evaluate("location.pathname") == "/graph/webgl"
    page.open(big_site + "/graph/webgl", RENDERED, timeout=120)
    warm = float(page.evaluate("window.vnkgRendered"))
    stages = wait_for(page, STAGES)
    print(f"\nWebGL graph, {BIG_ARTICLES * 20 + 20} nodes: first frame {cold:.0f} ms after "
          f"navigation cold, {warm:.0f} ms warm (ms of the stages, cold: {cold_stages}; "
          f"warm: {stages}; cold `answered` waits for the server's first read of the graph)")
    assert warm < FIRST_FRAME_MS, f"first frame {warm:.0f} ms after navigation, warm"
    assert cold < COLD_FRAME_MS, f"first frame {cold:.0f} ms after navigation, cold"
    data = graph_json(big_site)
    assert graph_json(big_site, "gzip") == data
    assert len(data["ids"]) == BIG_ARTICLES * 20 + 20
    assert page.evaluate("window.vnkgGraph.order") == len(data["ids"])
    assert page.evaluate("window.vnkgGraph.size") == len(data["edges"]) // 3
    assert page.evaluate("window.vnkgShown") == len(data["ids"])
    assert page.evaluate("document.getElementById('total').textContent") == \
        str(len(data["ids"]))
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
