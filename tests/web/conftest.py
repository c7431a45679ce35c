"""Fixtures for the explorer's tests: a store built from the sample articles plus one hostile
article (invented: its official's name is markup), and a real `vnkg serve` process on
127.0.0.1 started once for the session.

The hostile article is built as any other, then its statements are replaced by a fragment
written here, so the graph holds a person, a unit and a meeting whose names are markup,
with evidence pointing into the article's text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.paths import EXAMPLES
from tests.web.helpers import (
    BIG_ARTICLES,
    HOSTILE_ID,
    HOSTILE_NAME,
    HOSTILE_TEXT,
    MAP_HELD,
    MEETING,
    PAYLOAD,
    PERSON,
    UNIT,
    serving,
)
from vnkg.extraction.keys import name_key
from vnkg.graph.model import Edge, Evidence, Fragment, Node


def _map_article(district: str, month: str, day: str, chair: str) -> str:
    return (f" date {month}\nHuyện {district} sơ kết thực hiện Nghị định 02 của Chính phủ\n\n"
            f"Ngày {day}, Ban Chỉ đạo huyện {district} tổ chức Hội nghị sơ kết 5 năm thực hiện "
            "Nghị định số 02/2019/NĐ-CP ngày 02/01/2019 của Chính phủ về phòng thủ dân sự. "
            f"Đồng chí {chair}, Chủ tịch UBND huyện {district} chủ trì hội nghị.\n")


def _hostile_fragment(path: Path) -> Fragment:
    """The hostile article's statements: a person, a unit and a meeting named with markup,
    with evidence offsets into its text as vnkg reads it."""
    from vnkg.extraction.read import read_documents

    text = next(iter(read_documents([path]))).text
    frag = Fragment(HOSTILE_ID, "2024-07-01")
    frag.add_node(Node(f"article/{HOSTILE_ID}", "Article", {
        "name": HOSTILE_ID, "doc_id": HOSTILE_ID, "path": str(path), "published": "2024-07-01",
        "title": "Hội nghị <script>window.pwned=3</script>"}))
    frag.add_node(Node(PERSON, "Person", {"name": HOSTILE_NAME, "key": name_key(HOSTILE_NAME)}))
    frag.add_node(Node(UNIT, "Unit", {"name": "<b>Ban Tham mưu</b>",
                                      "key": name_key("<b>Ban Tham mưu</b>")}))
    frag.add_node(Node(MEETING, "Meeting", {
        "name": f"Hội nghị {PAYLOAD}", "title": f"Hội nghị {PAYLOAD}", "date": "2024-07-01",
        "key": name_key(f"Hội nghị {PAYLOAD}")}))
    start = text.index("đồng chí")
    end = text.index("Ba Bể.") + len("Ba Bể")
    frag.add_edge(Edge("CHAIRED", PERSON, MEETING, {"confidence": 0.9},
                       [Evidence(HOSTILE_ID, start, end, text[start:end])]))
    start = text.index("Đại diện")
    end = text.index(" dự.")
    frag.add_edge(Edge("ORGANIZED_BY", MEETING, UNIT, {},
                       [Evidence(HOSTILE_ID, start, end, text[start:end])]))
    return frag


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory,
              reference_copy: Callable[[Path], Path]) -> Path:
    """A store of the sample articles and the hostile one (read-only for the tests)."""
    import vnkg
    from vnkg.loaders.store import open_store

    root = tmp_path_factory.mktemp("web")
    hostile = root / "articles" / f"{HOSTILE_ID}.txt"
    hostile.parent.mkdir()
    hostile.write_text(HOSTILE_TEXT, encoding="utf-8")
    for i, (district, held) in enumerate(MAP_HELD.items()):
        (hostile.parent / f"map-{i}.txt").write_text(_map_article(district, *held), "utf-8")
    store = reference_copy(root / "vnkg-data")
    report = vnkg.build([EXAMPLES, hostile.parent], store=store)
    assert report.ok, report.problems
    with open_store(store) as opened:
        opened.write_fragments([_hostile_fragment(hostile)])
    return store


@pytest.fixture(scope="session")
def server(web_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `vnkg serve` on 127.0.0.1 over `web_store`; its base URL
    (http://127.0.0.1:PORT). Stopped at the end of the session."""
    with serving(web_store, tmp_path_factory.mktemp("serve") / "serve.log") as url:
        yield url


def synthetic_fragments(articles: int, meetings: int = 4, people: int = 15,
                        places: int = 20) -> Iterator[Fragment]:
    """Invented articles' statements, written straight to a store (no extraction): each
    article holds `meetings` meetings in one of `places` invented districts (of five invented
    provinces) and `people` invented attendees: articles x (1 + meetings + people) + places
    nodes."""
    for a in range(articles):
        doc = f"synth-{a:05d}"
        day = f"20{20 + a % 6}-{1 + a % 12:02d}-{1 + a % 28:02d}"
        frag = Fragment(doc, day)
        frag.add_node(Node(f"article/{doc}", "Article",
                           {"name": doc, "doc_id": doc, "published": day}))
        ev = [Evidence(doc, 0, 5, "Ngày ")]
        for m in range(meetings):
            place = (a * meetings + m) % places
            lid = f"locality/test-{place:03d}"
            frag.add_node(Node(lid, "Locality", {"name": f"Huyện Thử {place}", "type": "huyện",
                                                 "province": f"Tỉnh Thử {place % 5}"}))
            frag.add_node(Node(f"meeting/{doc}-{m}", "Meeting",
                               {"name": f"Hội nghị {doc} số {m}", "date": day}))
            frag.add_edge(Edge("HELD_IN", f"meeting/{doc}-{m}", lid, {}, ev))
        for p in range(people):
            pid = f"person/nguoi-thu-{a:05d}-{p:02d}"
            frag.add_node(Node(pid, "Person", {"name": f"Người Thử {a}-{p}"}))
            frag.add_edge(Edge("ATTENDED", pid, f"meeting/{doc}-{p % meetings}", {}, ev))
        yield frag


@pytest.fixture(scope="session")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of 20,020 synthetic nodes (BIG_ARTICLES articles of synthetic_fragments),
    read-only for the tests (open it with a `wait`: big_site's server may hold it)."""
    from vnkg.loaders.store import open_store

    path = tmp_path_factory.mktemp("big") / "vnkg-data"
    with open_store(path) as store:
        report = store.write_fragments(synthetic_fragments(BIG_ARTICLES))
        assert not report.failed
    return path


@pytest.fixture(scope="session")
def big_site(big_store: Path) -> Iterator[str]:
    """A real `vnkg serve` over `big_store`, just started; its base URL as the browser
    reaches it (localhost)."""
    with serving(big_store, big_store.parent / "serve.log") as url:
        yield url.replace("127.0.0.1", "localhost")


@pytest.fixture(scope="session")
def site(server: str) -> str:
    """The server's base URL as the browser reaches it: the test browser resolves no host
    name but localhost (viz.chromium), which is this same loopback server."""
    return server.replace("127.0.0.1", "localhost")


@pytest.fixture(scope="session")
def shots(artifacts: Path) -> Path:
    """test-artifacts/screenshots/ (git-ignored): a screenshot of each page lands here."""
    out = artifacts / "screenshots"
    out.mkdir(exist_ok=True)
    return out
