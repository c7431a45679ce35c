"""A real SPARQL 1.1 server for the tests: Oxigraph's own server (PyPI `oxigraph`)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.ci import unavailable
from tests.processes import free_port, stop


def _server_binary() -> str | None:
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.exists() else shutil.which("oxigraph")


@pytest.fixture(scope="session")
def sparql_server() -> Iterator[str]:
    """Start `oxigraph serve` (in memory; vnkg keeps the union in its default graph) on a
    free loopback port; yields its query endpoint URL. Missing binary: skip, or fail when
    CI=true."""
    yield from _serve()


@pytest.fixture(scope="session")
def union_sparql_server() -> Iterator[str]:
    """`oxigraph serve --union-default-graph`: a server whose default graph is the union of
    its named graphs, as Virtuoso's is; yields its query endpoint URL."""
    yield from _serve("--union-default-graph")


@pytest.fixture
def serve_folder() -> Iterator[Callable[[Path], str]]:
    """`serve_folder(folder)`: start `oxigraph serve --location folder` on an Oxigraph data
    folder (a store vnkg wrote, offline, through the bulk loader); its query endpoint URL.
    The servers stop after the test."""
    running: list[Iterator[str]] = []

    def serve(folder: Path) -> str:
        running.append(_serve("--location", str(folder)))
        return next(running[-1])

    yield serve
    for server in running:
        server.close()  # type: ignore[attr-defined]


def _serve(*options: str) -> Iterator[str]:
    binary = _server_binary()
    if binary is None:
        unavailable("the oxigraph server is not installed (pip install oxigraph)")
    port = free_port()
    proc = subprocess.Popen([binary, "serve", "--bind", f"127.0.0.1:{port}", *options],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"oxigraph server did not start: {proc.stderr.read()!r}"
                            if proc.stderr else "oxigraph server did not start")
            time.sleep(0.1)
    try:
        yield url + "/query"
    finally:
        stop(proc, timeout=10)
