"""The explorer in a real headless Chromium against the real server: search as you type,
person → meeting → article and back, the query form, the graph; no console error, no
request leaving the server, hostile names inert; a screenshot of each page."""

from __future__ import annotations

import json
from pathlib import Path

from tests.web.helpers import (
    HOSTILE_ID,
    HOSTILE_NAME,
    MAP_DECREE,
    MAP_HELD,
    MEETING,
    PERSON,
    READY,
    UNIT,
    assert_clean,
    follow,
    h1,
    texts,
    typed,
    wait_for,
)
from vnkg.viz.chromium import Page


def test_search_person_meeting_article_and_back(browser_page: Page, site: str,
                                                shots: Path) -> None:
    page = browser_page
    page.open(site + "/", READY)
    offered = typed(page, "trieu duc phong")
    assert offered[0] == "Triệu Đức Phong"
    # the person's anchor tells him from a namesake
    assert page.evaluate("document.querySelector('#hits li .hint').textContent") == "tỉnh Bắc Kạn"
    page.screenshot(shots / "web-search.png")
    person = follow(page, "#hits a")
    assert person.startswith("/person/") and h1(page) == "Triệu Đức Phong"
    assert page.evaluate("document.querySelectorAll('#career tbody tr').length") >= 1
    assert page.evaluate("document.querySelectorAll('#facts tbody tr').length") >= 1
    # each timeline bar is labelled with its row's post or rank, in the table's order
    labels = page.evaluate("[...document.querySelectorAll('svg.timeline g title')]"
                           ".map(t => t.textContent.slice(0, t.textContent.lastIndexOf(' (')))")
    rows = page.evaluate("[...document.querySelectorAll('#career tbody tr')]"
                         ".map(r => r.cells[0].textContent || r.cells[2].textContent)")
    assert labels == rows and "Đại tá" in labels
    shown = page.evaluate("[...document.querySelectorAll('svg.timeline text.label')]"
                          ".map(t => t.textContent)")
    pairs = zip(shown, labels, strict=True)
    assert all(label.startswith(text.rstrip("…")) for text, label in pairs)
    page.screenshot(shots / "web-person.png")
    meeting = follow(page, "#meetings a.node")
    assert meeting.startswith("/meeting/")
    names = page.evaluate("[...document.querySelectorAll('#participants a.node')]"
                          ".map(a => a.textContent)")
    assert "Triệu Đức Phong" in names
    # each participant with the rank and post the article gives him at this meeting
    posts = page.evaluate("[...document.querySelectorAll('#participants li')]"
                          ".filter(li => li.textContent.includes('Triệu Đức Phong'))"
                          ".map(li => li.querySelector('.post').textContent)")
    assert posts and all("Chỉ huy trưởng" in p for p in posts)
    page.screenshot(shots / "web-meeting.png")
    article = follow(page, "#sources a")
    assert article.startswith("/article/")
    assert page.evaluate("document.querySelectorAll('#text mark.ev').length") > 0
    assert "Triệu Đức Phong" in page.evaluate(
        "[...document.querySelectorAll('#text a.node')].map(a => a.textContent)")
    page.screenshot(shots / "web-article.png")
    for back_to in (meeting, person):
        page.evaluate("window.vnkgReady = false; history.back()")
        wait_for(page, f"location.pathname === {json.dumps(back_to)} && {READY}")
    assert h1(page) == "Triệu Đức Phong"
    assert_clean(page, site)


def test_a_fact_links_to_its_evidence_in_the_article(browser_page: Page, site: str) -> None:
    page = browser_page
    page.open(f"{site}/{PERSON}", READY)
    href = page.evaluate("document.querySelector('#facts a.evlink').getAttribute('href')")
    anchor = href.split("#", 1)[1]
    follow(page, "#facts a.evlink")
    marked = page.evaluate(f"document.getElementById({json.dumps(anchor)})"
                           ".nextElementSibling.textContent")
    assert marked.startswith("đồng chí")
    assert_clean(page, site)


def test_the_query_form_gives_the_named_query_rows(browser_page: Page, site: str,
                                                   web_store: Path, shots: Path) -> None:
    import vnkg

    page = browser_page
    page.open(site + "/ask/decree-trace", READY)
    page.evaluate("document.querySelector('#ask input[name=decree]').value = '21/2019/nd-cp'")
    page.evaluate("window.vnkgReady = false; document.getElementById('ask').submit()")
    wait_for(page, f"location.search.includes('decree') && {READY}")
    shown = page.evaluate("[...document.querySelectorAll('table.sortable tbody tr')]"
                          ".map(tr => [...tr.cells].map(td => td.textContent.trim()))")
    rows = vnkg.query("decree-trace", params={"decree": "21/2019/nd-cp"}, store=web_store,
                      wait=30)
    assert rows and shown == [["" if v is None else str(v) for v in r.values()] for r in rows]
    page.evaluate("document.querySelector('table.sortable th').click()")
    sorted_ids = page.evaluate("[...document.querySelectorAll('table.sortable tbody tr')]"
                               ".map(tr => tr.cells[0].textContent.trim())")
    assert sorted_ids == sorted(sorted_ids)
    assert "SELECT" in page.evaluate("document.querySelector('.texts pre').textContent")
    page.screenshot(shots / "web-ask.png")
    assert_clean(page, site)


def test_decree_locality_and_graph_pages(browser_page: Page, site: str, shots: Path) -> None:
    page = browser_page
    page.open(site + "/?q=21%2F2019%2Fnd-cp", READY)
    follow(page, ".results a.decree")
    assert page.evaluate("document.querySelectorAll('#implementation tr.gap').length") > 0
    assert page.evaluate("document.querySelectorAll('#implementation tbody tr').length") > \
        page.evaluate("document.querySelectorAll('#implementation tr.gap').length")
    page.screenshot(shots / "web-decree.png")
    follow(page, "#implementation a.locality")
    assert page.evaluate("document.querySelectorAll('#meetings li a.node').length") >= 1
    page.screenshot(shots / "web-locality.png")
    page.open(site + "/graph", READY)
    frame = page.evaluate("document.querySelector('iframe.view').src")
    page.open(frame, "window.vnkgNetwork && "
                     "window.vnkgNetwork.physics.physicsEnabled === false", timeout=120)
    assert page.evaluate("window.vnkgNetwork.body.data.nodes.length") > 10
    page.open(site + "/graph", READY)
    wait_for(page, "document.querySelector('iframe.view').contentWindow.vnkgNetwork"
                   ".physics.physicsEnabled === false", timeout=120)
    page.screenshot(shots / "web-graph.png")
    assert_clean(page, site)


def test_hostile_names_stay_inert(browser_page: Page, site: str, shots: Path) -> None:
    page = browser_page
    page.open(site + "/", READY)
    assert HOSTILE_NAME in typed(page, "img src")
    for path in (PERSON, MEETING, UNIT, f"article/{HOSTILE_ID}"):
        page.open(f"{site}/{path}", READY)
        assert page.evaluate("document.querySelectorAll('main img, main script, main b')"
                             ".length") == 0, path
        assert page.evaluate("typeof window.pwned") == "undefined", path
    page.open(f"{site}/{PERSON}", READY)
    assert h1(page) == HOSTILE_NAME
    page.open(f"{site}/article/{HOSTILE_ID}", READY)
    text = page.evaluate("document.getElementById('text').textContent")
    assert HOSTILE_NAME in text and "</script><script>window.pwned=1</script>" in text
    page.screenshot(shots / "web-hostile-article.png")
    assert_clean(page, site)


def test_decree_map_draws_districts_with_and_without_meetings(browser_page: Page, site: str,
                                                              shots: Path) -> None:
    from vnkg.extraction.gazetteer import children

    page = browser_page
    page.open(site + "/?q=" + MAP_DECREE.replace("/", "%2F"), READY)
    follow(page, ".results a.decree")
    districts = [p.name for p in children("04")]  # Cao Bằng's, all with a point of their own
    figure = "#implementation figure[data-province='Cao Bằng'] "
    held = texts(page, figure + "a.held text")
    gaps = texts(page, figure + "a.gap text")
    assert sorted(held) == sorted(MAP_HELD)
    assert sorted(gaps) == sorted(set(districts) - set(MAP_HELD))
    tips = texts(page, figure + "circle title")
    assert len(tips) == len(districts) and any("1 meeting on this decree" in t for t in tips)
    legend = texts(page, figure + "figcaption")[0]
    assert f"({len(MAP_HELD)})" in legend and f"({len(districts) - len(MAP_HELD)})" in legend
    page.screenshot(shots / "web-decree-map.png")
    assert_clean(page, site)
