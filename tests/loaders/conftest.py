"""Fixtures for the store tests."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import GraphDatabase

from tests.ci import unavailable
from tests.paths import EXAMPLES, ROOT
from vnkg.extraction.keys import name_key
from vnkg.graph.model import Edge, Evidence, Fragment, Node
from vnkg.loaders.export import export_graph
from vnkg.loaders.neo4j_server import can_start_local, start_local_neo4j, stop_local_neo4j
from vnkg.loaders.neo4j_store import Neo4jStore
from vnkg.loaders.oxigraph_store import OxigraphStore


@pytest.fixture(scope="session")
def union_gap() -> str:
    """SPARQL counting the statements in the default graph (the union) that no named graph
    holds, and the reverse: 0 when the union is whole."""
    return """SELECT (COUNT(*) AS ?n) WHERE {
  { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }
  UNION { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } } }"""


@pytest.fixture(scope="session")
def hostile_fragment() -> Fragment:
    """An invented article whose ids hold `;`, `"` and `\\`, whose title spans two lines, and
    whose person, named with quotes and a newline, chairs a meeting in Bắc Kạn."""
    article = 'bài;"một"\\hai'
    person = 'person/lò "văn";a\\b'
    name = 'Lò "Văn" A\\ ; B'
    frag = Fragment(article, "2024-06-03")
    frag.add_node(Node(f"article/{article}", "Article", {
        "name": "Hội nghị\nhai dòng", "title": "Hội nghị\nhai dòng; \"trích\" \\ cuối",
        "published": "2024-06-03"}))
    frag.add_node(Node(person, "Person", {"name": name, "key": name_key(name)}))
    frag.add_node(Node("meeting/hostile;1", "Meeting", {"name": "Hội nghị\r\n\"đặc biệt\"",
                                                         "date": "2024-06-03"}))
    frag.add_node(Node("locality/2024-066", "Locality", {"name": "Bắc Kạn", "type": "tỉnh",
                                                         "code": "066"}))
    frag.add_edge(Edge("CHAIRED", person, "meeting/hostile;1", {},
                       [Evidence(article, 0, 30, f'{name} chủ trì\n"hội nghị"')]))
    frag.add_edge(Edge("HELD_IN", "meeting/hostile;1", "locality/2024-066"))
    return frag


@pytest.fixture(scope="session")
def export_store(tmp_path_factory: pytest.TempPathFactory, hostile_fragment: Fragment) -> Path:
    """An embedded store of the sample articles, the reference gazetteer and the hostile
    article (read-only for the tests using it)."""
    import vnkg

    path = tmp_path_factory.mktemp("export") / "store"
    report = vnkg.build([EXAMPLES], store=path)
    assert report.ok, report.problems
    with OxigraphStore(path) as store:
        assert store.write_fragments([hostile_fragment]).written == [hostile_fragment.article]
    return path


@pytest.fixture(scope="session")
def csv_neo4j(export_store: Path, tmp_path_factory: pytest.TempPathFactory
              ) -> Iterator[tuple[Neo4jStore, float]]:
    """A Neo4j server of its own, once per session, on a database imported from the CSV
    export of `export_store` by tools/neo4j/import.sh (the real neo4j-admin); with the
    seconds the export and the import took. Its Bolt port is NEO4J_IMPORT_TEST_PORT, else
    one the system finds free."""
    reason = can_start_local()
    if reason:
        unavailable(f"no Neo4j to import into (required when CI=true): {reason}")
    state = tmp_path_factory.mktemp("neo4j-import")
    start = time.monotonic()
    with OxigraphStore(export_store) as store:
        export_graph(store, "csv", state / "csv")
    script = ROOT / "tools" / "neo4j" / "import.sh"
    done = subprocess.run(["bash", str(script), str(state / "csv")],
                          env=dict(os.environ, NEO4J_HOME=str(state / "home")),
                          capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stderr[-3000:] or done.stdout[-3000:]
    seconds = time.monotonic() - start
    port = int(os.environ.get("NEO4J_IMPORT_TEST_PORT") or _free_port())
    try:
        server = start_local_neo4j(ROOT, port, state_dir=state)
    except (RuntimeError, OSError) as err:
        unavailable(f"the Neo4j of the imported database did not start: {err}")
    driver = GraphDatabase.driver(server.uri, auth=server.auth)
    yield Neo4jStore.from_driver(driver), seconds
    driver.close()
    stop_local_neo4j(server)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
