"""Drive a real headless Chromium over the DevTools protocol: open a page, wait for it, run
JS in it, move the mouse, take a PNG screenshot. Used by the PNG export and by the tests.

A small synchronous client over one websocket (package `websocket-client`); no browser is
ever downloaded: Chromium is the system one (`apt-get install chromium`, see
tools/install-chromium.sh), or the path in env VNKG_CHROMIUM.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
         "--remote-debugging-port=0", "--remote-allow-origins=*",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost")
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "/usr/bin/chromium")


class BrowserError(RuntimeError):
    """Chromium is missing, did not start, or a page did not get ready in time."""


def find_chromium() -> str | None:
    """Path of a Chromium binary (env VNKG_CHROMIUM first), or None.

    >>> find_chromium() is None or Path(find_chromium()).exists()
    True
    """
    env = os.environ.get("VNKG_CHROMIUM")
    if env:
        return env if Path(env).exists() else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass
class Page:
    """One browser tab over a DevTools websocket; events are kept in `events`."""

    ws: Any  # a websocket.WebSocket (imported when a page is opened: HTML export needs none)
    events: list[dict[str, Any]] = field(default_factory=list)
    next_id: int = 0

    def call(self, method: str, timeout: float = 60.0, **params: Any) -> dict[str, Any]:
        """Send one DevTools command and return its result (events seen meanwhile are kept)."""
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.ws.settimeout(max(deadline - time.monotonic(), 0.01))
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error']}")
                return dict(message.get("result", {}))
            if "method" in message:
                self.events.append(message)
        raise BrowserError(f"{method}: no answer in {timeout:.0f}s")

    def evaluate(self, expression: str, timeout: float = 60.0) -> Any:
        """The JSON value of a JS expression in the page (promises are awaited)."""
        result = self.call("Runtime.evaluate", timeout=timeout, expression=expression,
                           returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise BrowserError(f"JS error: {result['exceptionDetails']}")
        return result.get("result", {}).get("value")

    def open(self, url: str, ready: str = "window.vnkgReady === true",
             timeout: float = 120.0) -> float:
        """Load `url`, wait until the JS `ready` expression is true; return seconds taken."""
        start = time.monotonic()
        self.call("Page.navigate", url=url)
        while time.monotonic() - start < timeout:
            if self.evaluate(f"Boolean({ready})") is True:
                return time.monotonic() - start
            time.sleep(0.05)
        raise BrowserError(f"{url} not ready ({ready}) after {timeout:.0f}s")

    def move_mouse(self, x: float, y: float) -> None:
        """Move the mouse pointer to viewport coordinates (fires hover events)."""
        self.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)

    def click(self, x: float, y: float) -> None:
        """A left click at viewport coordinates."""
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left",
                      clickCount=1)

    def screenshot(self, path: str | Path) -> Path:
        """Write a PNG of the viewport to `path`."""
        out = Path(path)
        out.parent.mkdir(parents=True, exist_ok=True)
        data = self.call("Page.captureScreenshot", format="png")["data"]
        out.write_bytes(base64.b64decode(data))
        return out

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and failed loads seen so far."""
        self.call("Runtime.evaluate", expression="0")  # drain pending events
        found = []
        for ev in self.events:
            method, params = ev["method"], ev.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(str(params.get("exceptionDetails", {})))
            elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
                found.append(" ".join(str(a.get("value", a.get("description")))
                                      for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                found.append(str(params["entry"].get("text")))
        return found

    def close(self) -> None:
        """Close the tab and its websocket."""
        with contextlib.suppress(Exception):  # the tab or browser may already be gone
            self.call("Page.close", timeout=10)
        self.ws.close()

    def requests(self) -> list[str]:
        """URLs of every network request the page made (Network domain events)."""
        return [ev["params"]["request"]["url"] for ev in self.events
                if ev["method"] == "Network.requestWillBeSent"]


class Browser:
    """A headless Chromium process with a fresh profile; use as a context manager.

    >>> # with Browser() as b: page = b.page(); page.open("file:///tmp/v.html")
    """

    def __init__(self, binary: str | None = None, width: int = 1400, height: int = 900) -> None:
        path = binary or find_chromium()
        if not path:
            raise BrowserError("Chromium not found: run tools/install-chromium.sh "
                               "(apt-get install chromium) or set VNKG_CHROMIUM")
        self.binary, self.size = path, (width, height)
        self.profile = tempfile.mkdtemp(prefix="vnkg-chromium-")
        self.log = Path(self.profile) / "chromium.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self.port = 0

    def __enter__(self) -> Browser:
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(
                [self.binary, *FLAGS, f"--user-data-dir={self.profile}",
                 f"--window-size={self.size[0]},{self.size[1]}", "about:blank"],
                stdout=subprocess.DEVNULL, stderr=log)
        try:
            self.port = _devtools_port(self.proc, Path(self.profile), timeout=30.0)
        except BrowserError:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the browser process (this one only) and remove its profile."""
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
            self.proc = None
        shutil.rmtree(self.profile, ignore_errors=True)

    def page(self) -> Page:
        """A new tab with Runtime, Log, Network and Page events on, at the browser's size."""
        import websocket  # websocket-client; only the browser needs it

        target = _http_json(f"http://127.0.0.1:{self.port}/json/new?about:blank", "PUT")
        ws = websocket.create_connection(target["webSocketDebuggerUrl"], timeout=60,
                                         suppress_origin=True)
        page = Page(ws)
        for domain in ("Runtime", "Log", "Network", "Page"):
            page.call(f"{domain}.enable")
        page.call("Emulation.setDeviceMetricsOverride", width=self.size[0],
                  height=self.size[1], deviceScaleFactor=1, mobile=False)
        return page


def _devtools_port(proc: subprocess.Popen[bytes], profile: Path, timeout: float) -> int:
    """The port Chromium chose: it writes it to DevToolsActivePort in the profile."""
    marker = profile / "DevToolsActivePort"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        lines = marker.read_text().splitlines() if marker.exists() else []
        if lines and lines[0].strip().isdigit():
            return int(lines[0])
        time.sleep(0.05)
    log = (profile / "chromium.log").read_text(errors="replace")[-800:]
    raise BrowserError(f"Chromium did not start (exit {proc.poll()}): {log.strip()}")


def _http_json(url: str, method: str) -> dict[str, Any]:
    request = urllib.request.Request(url, method=method)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback only
    with opener.open(request, timeout=30) as response:
        return dict(json.loads(response.read().decode("utf-8")))
