"""Fixtures for the explorer's tests: a store built from the sample articles plus one hostile
article (invented: its official's name is markup), and a real `vnkg serve` process on
127.0.0.1 started once for the session.

The hostile article is built as any other, then its statements are replaced by a fragment
written here, so the graph holds a person, a unit and a meeting whose names are markup,
with evidence pointing into the article's text.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.paths import EXAMPLES, ROOT
from vnkg.extraction.keys import name_key
from vnkg.graph.model import Edge, Evidence, Fragment, Node

PAYLOAD = "<img src=x onerror=alert(1)>"
HOSTILE_NAME = f"Trần Văn {PAYLOAD}"
HOSTILE_TEXT = (
    "Hội nghị thử nghiệm an toàn\n"
    " date 2024-07-01\n\n"
    f"Ngày 1/7, đồng chí {HOSTILE_NAME} chủ trì hội nghị tại huyện Ba Bể. "
    "Đại diện </script><script>window.pwned=1</script> và \"<b>Ban Tham mưu</b>\" dự.\n")
HOSTILE_ID = "hostile-0001"
PERSON = "person/tran-van-img-src-x-onerror-alert-1-0000000001"
MEETING = "meeting/2024-07-01-hostile"
UNIT = "unit/ban-tham-muu-hostile"


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
    store = reference_copy(root / "vnkg-data")
    report = vnkg.build([EXAMPLES, hostile.parent], store=store)
    assert report.ok, report.problems
    with open_store(store) as opened:
        opened.write_fragments([_hostile_fragment(hostile)])
    return store


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(url: str, proc: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"vnkg serve exited with status {proc.returncode}")
        try:
            with opener.open(url + "/ask", timeout=5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"vnkg serve did not answer at {url} in {timeout:.0f}s")


@pytest.fixture(scope="session")
def server(web_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `vnkg serve` on 127.0.0.1 over `web_store`; its base URL
    (http://127.0.0.1:PORT). Stopped at the end of the session."""
    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "vnkg.cli", "serve", "--store", str(web_store),
             "--port", str(port)], stdout=out, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


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
