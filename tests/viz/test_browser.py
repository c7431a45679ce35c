"""The pages in a real headless Chromium: drawn, quiet, offline, inert to injected markup."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest

from vnkg.viz.chromium import Page
from vnkg.viz.export import write_view
from vnkg.viz.render import write_html
from vnkg.viz.views import co_attendance_view, decree_view, meeting_view, overview, person_view

VIEWS = {
    "overview": lambda g: overview(g),
    "person": lambda g: person_view(g, "Hoàng Văn Khánh"),
    "meeting": lambda g: meeting_view(g, "meeting/a3"),
    "decree": lambda g: decree_view(g, "21/2019/NĐ-CP"),
    "co-attendance": lambda g: co_attendance_view(g),
}
NODE_XY = """(() => {{
  const n = window.vnkgNetwork, r = n.body.container.getBoundingClientRect();
  const p = n.canvasToDOM(n.getPosition({node!r}));
  return [p.x + r.left, p.y + r.top];
}})()"""


def _open(page: Page, view: nx.MultiDiGraph, path: Path) -> float:
    return page.open(write_html(view, path).resolve().as_uri(), timeout=60)


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_page_draws_the_view_offline_without_errors(
        name: str, browser_page: Page, tmp_path: Path, artifacts: Path,
        sample_nx: Callable[[], nx.MultiDiGraph]) -> None:
    view = VIEWS[name](sample_nx())
    _open(browser_page, view, tmp_path / f"{name}.html")
    assert browser_page.evaluate("window.vnkgNetwork.body.data.nodes.length") == len(view)
    assert browser_page.evaluate("window.vnkgNetwork.body.data.edges.length") == \
        view.number_of_edges()
    assert browser_page.evaluate("Object.keys(window.vnkgNetwork.getPositions()).length") == \
        len(view)
    # physics settled, then stopped
    assert browser_page.evaluate("window.vnkgNetwork.physics.physicsEnabled") is False
    assert browser_page.errors() == []
    assert [u for u in browser_page.requests() if not u.startswith(("file:", "data:"))] == []
    shot = browser_page.screenshot(artifacts / f"view-{name}.png")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 5000


def test_injected_markup_stays_inert_on_hover_and_click(
        browser_page: Page, tmp_path: Path, artifacts: Path,
        sample_nx: Callable[[], nx.MultiDiGraph]) -> None:
    view = person_view(sample_nx(), "person/hostile", hops=1)
    _open(browser_page, view, tmp_path / "hostile.html")
    x, y = browser_page.evaluate(NODE_XY.format(node="person/hostile"))
    browser_page.move_mouse(x - 30, y - 30)
    browser_page.move_mouse(x, y)
    browser_page.evaluate("new Promise(r => setTimeout(r, 400))")
    tip = browser_page.evaluate("document.getElementById('vnkg-tip').textContent")
    assert browser_page.evaluate("document.getElementById('vnkg-tip').hidden") is False
    assert '<img src=x onerror="window.pwned=1">' in tip  # shown as text
    assert "window.pwned=2" in tip  # the evidence sentence, as text
    browser_page.click(x, y)
    details = browser_page.evaluate("document.getElementById('vnkg-details').textContent")
    assert "</script>" in details
    browser_page.screenshot(artifacts / "view-hostile-tooltip.png")
    assert browser_page.evaluate("typeof window.pwned") == "undefined"
    assert browser_page.evaluate("document.querySelectorAll('img').length") == 0
    assert browser_page.errors() == []


def test_search_and_label_filter_keep_the_graph(browser_page: Page, tmp_path: Path,
                                                sample_nx: Callable[[], nx.MultiDiGraph]) -> None:
    view = overview(sample_nx())
    _open(browser_page, view, tmp_path / "overview.html")
    found = browser_page.evaluate("window.vnkgFind('thuy hoa')")
    assert found == ["loc/huyen-thuy-hoa"]
    assert browser_page.evaluate("window.vnkgNetwork.getSelectedNodes()") == found
    assert len(browser_page.evaluate("window.vnkgFind('LÒ THỊ THỦY')")) == 1
    browser_page.evaluate("""(() => {
      const box = [...document.querySelectorAll('#vnkg-legend input')]
        .find(b => b.value === 'Locality');
      box.click();
    })()""")
    hidden = browser_page.evaluate(
        "window.vnkgNodes.get({filter: n => n.hidden === true}).length")
    assert hidden == sum(1 for _, d in view.nodes(data=True) if d["label"] == "Locality")
    assert browser_page.evaluate("window.vnkgNetwork.body.data.nodes.length") == len(view)
    assert browser_page.errors() == []


def test_png_export_through_chromium(chromium: str, tmp_path: Path, artifacts: Path,
                                     sample_nx: Callable[[], nx.MultiDiGraph]) -> None:
    out = write_view(decree_view(sample_nx(), "21/2019/NĐ-CP"), artifacts / "export-decree.png")
    assert out.read_bytes()[:4] == b"\x89PNG" and out.stat().st_size > 5000


def test_empty_view_is_ready(browser_page: Page, tmp_path: Path) -> None:
    _open(browser_page, nx.MultiDiGraph(), tmp_path / "empty.html")
    assert browser_page.evaluate("window.vnkgNetwork.body.data.nodes.length") == 0
    assert browser_page.errors() == []
