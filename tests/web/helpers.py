"""What the explorer's tests share besides fixtures: the invented hostile and map data's
names and ids, a real `vnkg serve` started for a block (`serving`), and the browser steps
(wait, follow a link, type, check that a page stayed clean)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from tests.paths import ROOT
from tests.processes import free_port, stop
from vnkg.viz.chromium import Page

PAYLOAD = "<img src=x onerror=alert(1)>"
HOSTILE_NAME = f"Trần Văn {PAYLOAD}"
HOSTILE_TEXT = (
    "Hội nghị thử nghiệm an toàn\n"
    " date 2024-07-01\n\n"
    f"Ngày 1/7, đồng chí {HOSTILE_NAME} chủ trì hội nghị tại huyện Ba Bể. "
    "Đại diện </script><script>window.pwned=1</script> và \"<b>Ban Tham mưu</b>\" dự.\n")
HOSTILE_ID = "hostile-0001"
# invented articles (invented officials): meetings on a decree the samples do not name, in two
# of Cao Bằng's ten districts, for the decree page's map
MAP_DECREE = "02/2019/nd-cp"
MAP_HELD = {"Hà Quảng": ("2024-06", "12/6", "Lê Văn Khải"),
            "Bảo Lạc": ("2024-07", "3/7", "Phùng Thị Lụa")}
PERSON = "person/tran-van-img-src-x-onerror-alert-1-0000000001"
MEETING = "meeting/2024-07-01-hostile"
UNIT = "unit/ban-tham-muu-hostile"
BIG_ARTICLES = 1000  # 20,020 nodes


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


@contextmanager
def serving(target: str | Path, log: Path, option: str = "--store", *more: str,
            **env_vars: str) -> Iterator[str]:
    """A real `vnkg serve` on 127.0.0.1 over `target` (a store folder; with `option`
    --sparql-endpoint or --neo4j, an endpoint or a Bolt URI; `more`: further options;
    `env_vars`: its environment's additions, e.g. the Neo4j login) while the block runs; its
    base URL. Its cache folder (XDG_CACHE_HOME, unless `env_vars` name one) is `log` with
    the suffix .cache, never the user's."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT),
           "XDG_CACHE_HOME": str(log.with_suffix(".cache")), **env_vars}
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "vnkg.cli", "serve", option, str(target),
             "--port", str(port), *more], stdout=out, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, proc)
        yield url
    finally:
        stop(proc, timeout=15)


READY = "window.vnkgReady === true"


def wait_for(page: Page, expression: str, timeout: float = 30.0) -> object:
    """The value of `expression` in the page once it is truthy."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = page.evaluate(f"(() => {{ try {{ return {expression}; }} "
                              "catch (e) { return null; } })()")
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"never true: {expression}")


def follow(page: Page, selector: str) -> str:
    """Click the first link matching `selector` and wait for the next page; its path."""
    before = page.evaluate("location.href")
    page.evaluate("window.vnkgReady = false; "
                  f"document.querySelector({json.dumps(selector)}).click()")
    wait_for(page, f"location.href !== {json.dumps(before)} && {READY}")
    return str(page.evaluate("location.pathname"))


def typed(page: Page, text: str) -> list[str]:
    """Type `text` in the search box as a user would (one input event per key); the names
    offered."""
    page.evaluate("window.vnkgHits = undefined; document.getElementById('q').focus()")
    for ch in text:
        page.call("Input.insertText", text=ch)
    wait_for(page, "window.vnkgHits !== undefined && !document.getElementById('hits').hidden")
    return list(page.evaluate(
        "[...document.querySelectorAll('#hits a')].map(a => a.textContent)"))


def assert_clean(page: Page, site: str) -> None:
    """No console error, no exception, and every request went to this server."""
    assert page.errors() == []
    origin = urlsplit(site)
    for url in page.requests():
        parts = urlsplit(url)
        assert (parts.scheme, parts.hostname, parts.port) == \
            (origin.scheme, origin.hostname, origin.port), url


def texts(page: Page, selector: str) -> list[str]:
    """The text of every element matching `selector`."""
    return list(page.evaluate(f"[...document.querySelectorAll({json.dumps(selector)})]"
                              ".map(e => e.textContent)"))


def h1(page: Page) -> str:
    return str(page.evaluate("document.querySelector('h1').textContent"))
