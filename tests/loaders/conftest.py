"""Fixtures for the store tests."""

from __future__ import annotations

import shutil
import socket
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.ci import unavailable
from tests.paths import ROOT


@pytest.fixture(scope="session")
def union_gap() -> str:
    """SPARQL counting the statements in the default graph (the union) that no named graph
    holds, and the reverse: 0 when the union is whole."""
    return """SELECT (COUNT(*) AS ?n) WHERE {
  { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }
  UNION { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } } }"""


@pytest.fixture(scope="session")
def riot() -> Callable[[Path], subprocess.CompletedProcess[str]]:
    """Runs Apache Jena's `riot --validate --strict` on a file (the jars fetched by
    tools/jena/fetch.sh). Missing Java or Jena: skip, or fail when CI=true."""
    classpath = ROOT / "tools" / "jena" / "target" / "classpath.txt"
    if shutil.which("java") is None:
        unavailable("Java is not installed (Apache Jena's riot needs Java 17)")
    if not classpath.is_file() or not classpath.read_text().strip():
        unavailable("Apache Jena is not fetched: run tools/jena/fetch.sh (Maven, Java 17)")
    jars = classpath.read_text().strip()

    def run(path: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["java", "-cp", jars, "riotcmd.riot", "--validate", "--strict",
                               str(path)], capture_output=True, text=True, timeout=600)

    return run


@pytest.fixture()
def silent_server() -> Iterator[str]:
    """A loopback port that accepts connections and never answers: a server that hangs."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/sparql"
