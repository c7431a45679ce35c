"""Hostile text (quotes, backslashes, braces, SPARQL and Cypher fragments, HTML and JS) in
invented articles goes through extraction, the RDF store, every named query and the HTML
view without changing any query's meaning, and shows in the page only escaped."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import vnkg
from vnkg import queries
from vnkg.extraction import extract_record
from vnkg.extraction.document import Document
from vnkg.graph.model import Graph
from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.queries.run import run_named
from vnkg.viz.chromium import Page

SPARQL = '" } ; DROP ALL ; #'
SPARQL2 = "'} } ; CLEAR DEFAULT ; INSERT DATA { <a:x> <a:y> \"z\" } #"
CYPHER = "'}) MATCH (n) DETACH DELETE n //"
HTML = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
MISC = 'back\\slash {brace} `tick` ${dollar} // comment \\" \\u0022'
PAYLOADS = [SPARQL, SPARQL2, CYPHER, HTML, MISC]
HOSTILE_ID = f"h9{SPARQL}{HTML}"
NAME = f"Nguyễn {SPARQL} {HTML}"


def articles(folder: Path) -> Path:
    """Invented articles with the payloads inside otherwise ordinary sentences."""
    folder.mkdir()
    (folder / "h1.txt").write_text(
        f"Sáng 14/3, UBND huyện Đồng Lâm tổ chức hội nghị tổng kết {HTML} công tác quốc phòng "
        f"{SPARQL} năm 2025. Đồng chí Nguyễn Văn Tâm {CYPHER}, Chủ tịch UBND huyện chủ trì "
        f"hội nghị. Dự hội nghị có Đại tá Lê Văn Bình {MISC}, Chỉ huy trưởng Bộ CHQS tỉnh "
        f"{SPARQL2}.", encoding="utf-8")
    (folder / "h2.html").write_text(
        f"<html><head><title>{_esc(HTML + SPARQL)}</title></head><body><article><p>Chiều "
        f"20/4, Ban CHQS huyện Mường Khoa tổ chức diễn tập {_esc(CYPHER)}. Thượng tá Hà Văn "
        f"Lực, Chỉ huy trưởng Ban CHQS huyện chủ trì {_esc(HTML)}.</p></article></body></html>",
        encoding="utf-8")
    rows = [{"id": HOSTILE_ID, "title": HTML + CYPHER, "url": "javascript:alert(1)//" + SPARQL,
             "published": "2025-05-02",
             "text": f"Ngày 2/5, UBND tỉnh Lạng Hà tổ chức hội nghị sơ kết {MISC} thực hiện "
                     f"Nghị định số 21/2019/NĐ-CP. Đồng chí Đinh Thị Hạnh, Phó Chủ tịch UBND "
                     f"tỉnh chủ trì hội nghị {SPARQL2} {CYPHER}."}]
    (folder / "h3.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False)
                                               for r in rows), encoding="utf-8")
    return folder


def _esc(text: str) -> str:
    import html

    return html.escape(text)


def hostile_record() -> dict[str, Any]:
    """A record as another extractor (an LLM, an annotator) might hand in: the payloads in
    the person's name, his post, the unit's name and the meeting's title."""
    text = ("Sáng 14/3, UBND huyện Đồng Lâm tổ chức hội nghị tổng kết. Đồng chí Nguyễn Văn "
            "Tâm, Chủ tịch UBND huyện Đồng Lâm chủ trì hội nghị.")
    record = extract_record(Document(id="r1", text=text))
    person = record["persons"][0]
    person["name"] = NAME
    for post in person["positions"]:
        post["title"] = post["surface"] = CYPHER + MISC
    record["units"][0]["name"] = SPARQL2
    record["meetings"][0]["title"] = HTML + MISC
    return record


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    store = root / "store"
    report = vnkg.build([articles(root / "in")], store=store, reference=False)
    assert report.ok, report.problems
    assert report.written == 3
    records = root / "records.jsonl"
    records.write_text(json.dumps(hostile_record(), ensure_ascii=False) + "\n", "utf-8")
    loaded = vnkg.load(records, store=store, reference=False)
    assert loaded.ok and loaded.written == 1
    return store


def strings(graph: Graph) -> str:
    """Every text the graph holds (ids, properties, evidence sentences), one per line."""
    parts: list[str] = []
    for node in graph.nodes.values():
        parts += [node.id, *(str(v) for v in node.props.values())]
    for edge in graph.edges.values():
        parts += [str(v) for v in edge.props.values()] + [e.text for e in edge.evidence]
    return "\n".join(parts)


def test_payloads_reach_the_store_unchanged(hostile_store: Path) -> None:
    with OxigraphStore(hostile_store) as rdf:
        assert HOSTILE_ID in rdf.articles()
        graph = rdf.read_graph()
        rows = run_named(rdf, "sources", {"id": f"article/{HOSTILE_ID}"})
    assert rows and rows[0]["title"] == HTML + CYPHER
    assert rows[0]["url"] == "javascript:alert(1)//" + SPARQL
    held = strings(graph)
    for payload in (*PAYLOADS, NAME):
        assert payload in held, payload


@pytest.mark.parametrize("name", queries.names())
def test_every_named_query_keeps_its_meaning(hostile_store: Path, name: str) -> None:
    with OxigraphStore(hostile_store) as rdf:
        before = rdf.count()
        plain = run_named(rdf, name, {})
        for payload in PAYLOADS:
            params = dict.fromkeys(queries.read_query(name).params, payload)
            params.pop("min", None)
            for key in ("from", "to"):
                if key in params:
                    params[key] = "2025" + payload
            rows = run_named(rdf, name, params)
            assert len(rows) <= len(plain)
            assert rdf.count() == before
        assert run_named(rdf, name, {}) == plain


def test_hostile_names_find_their_own_rows(hostile_store: Path) -> None:
    with OxigraphStore(hostile_store) as rdf:
        chaired = run_named(rdf, "chairs", {"person": NAME})
        assert [r["person_name"] for r in chaired] == [NAME]
        assert chaired[0]["title"] == HTML + MISC
        assert run_named(rdf, "person-meetings", {"person": NAME})
        rows = run_named(rdf, "sources", {"id": f"article/{HOSTILE_ID}"})
        assert [r["article"] for r in rows] == [f"article/{HOSTILE_ID}"]
        assert run_named(rdf, "sources", {"id": f"article/{HOSTILE_ID}x"}) == []


def test_the_view_shows_payloads_only_escaped(hostile_store: Path, tmp_path: Path) -> None:
    page = vnkg.view("overview", output=tmp_path / "o.html", store=hostile_store).read_text("utf-8")
    for raw in ("<script>window.pwned", "<img src=x", 'onerror="window', "</script><img"):
        assert raw not in page
    assert "window.pwned=1" in page  # the text is there, escaped


def test_the_view_stays_inert_in_a_browser(hostile_store: Path, tmp_path: Path,
                                           browser_page: Page) -> None:
    path = vnkg.view("overview", output=tmp_path / "o.html", store=hostile_store)
    browser_page.open(path.resolve().as_uri(), timeout=60)
    assert browser_page.evaluate("typeof window.pwned") == "undefined"
    assert browser_page.evaluate("document.querySelectorAll('img').length") == 0
    assert browser_page.errors() == []
