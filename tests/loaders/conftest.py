"""Fixtures for the store tests."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from neo4j import GraphDatabase

from tests.ci import unavailable
from tests.paths import EXAMPLES, ROOT
from tests.processes import free_port
from vnkg.extraction.keys import name_key
from vnkg.graph.model import Edge, Evidence, Fragment, Node
from vnkg.loaders import shares
from vnkg.loaders.export import export_graph
from vnkg.loaders.neo4j_server import can_start_local, start_local_neo4j, stop_local_neo4j
from vnkg.loaders.neo4j_store import Neo4jStore
from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.loaders.rdf_updates import GRAPH_ONLY, UNION_ONLY
from vnkg.loaders.sparql_store import UNION_GRAPH

POPOLO = "http://www.popoloproject.com/schemas/"


@pytest.fixture()
def processes_run(monkeypatch: pytest.MonkeyPatch) -> Callable[[ModuleType], list[int]]:
    """Shares of a few articles (the samples are few), and `watch(module)`: the list of how
    many processes each reading shared out by `module` ran, filled as they run."""
    monkeypatch.setattr(shares, "SHARE", 4)

    def watch(module: ModuleType) -> list[int]:
        counts: list[int] = []
        real = module.on_processes

        def counted(task: Any, opens: Any, parts: list[Any], *args: Any, **kw: Any) -> Any:
            counts.append(len(parts))
            return real(task, opens, parts, *args, **kw)

        monkeypatch.setattr(module, "on_processes", counted)
        return counts

    return watch


@pytest.fixture(scope="session")
def union_gap() -> str:
    """SPARQL counting the statements in the default graph (the union) that no named graph
    holds (but what the union holds alone of a subject a named graph has: graph.rdf's
    `union_only`), the reverse (but what a named graph holds alone: `graph_only`, the
    evidence), and the nodes a named graph names with no type in the union: 0 when the union
    is whole. The named graphs are vnkg's own (a server's system graphs
    left out), other than the one holding the union on a server whose default graph is the
    union of all graphs (Virtuoso: it is read as the default graph)."""
    union = UNION_GRAPH.n3()
    return f"""SELECT (COUNT(*) AS ?n) WHERE {{
  {{ ?s ?p ?o FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {union}) }}
     FILTER(?p NOT IN ({UNION_ONLY})
            || NOT EXISTS {{ GRAPH ?h {{ ?s ?q ?v }} FILTER(?h != {union}) }}) }}
  UNION {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "https://vnkg.dev/")
                                       && ?g != {union})
          FILTER(?p NOT IN ({GRAPH_ONLY})) FILTER NOT EXISTS {{ ?s ?p ?o }} }}
  UNION {{ GRAPH ?g {{ ?s <https://vnkg.dev/ns#id> ?i }} FILTER(?g != {union})
          FILTER NOT EXISTS {{ ?s a ?c }} }} }}"""


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


@pytest.fixture(scope="session")
def interchange_fragments() -> Callable[[str], list[Fragment]]:
    """Makes two invented articles about one district: `interchange_fragments(name)` gives them
    with `name` as the vice-chair's name (a hostile one, to see it come back as data).

    Article t1 (2023-03-20) says Hoàng Văn Thạch was appointed chair of the district's
    people's committee from March 2023 (a stated start at month precision, no day), that
    he chaired a meeting and the vice-chair attended; article t2 (2024-05-02) sees him in
    the post again and the vice-chair speak at another meeting."""
    return _interchange_fragments


def _interchange_fragments(name: str) -> list[Fragment]:
    people = {"person/hoang-van-thach": "Hoàng Văn Thạch", "person/vice": name}
    posts = {"position/chu-tich": ("Chủ tịch UBND huyện Nà Lừ", "Chủ tịch"),
             "position/pho-chu-tich": ("Phó Chủ tịch UBND huyện Nà Lừ", "Phó Chủ tịch")}
    frags = []
    for article, date, meeting, role in (("t1", "2023-03-20", "meeting/t1", "CHAIRED"),
                                         ("t2", "2024-05-02", "meeting/t2", "SPOKE_AT")):
        frag = Fragment(article, date)
        frag.add_node(Node(f"article/{article}", "Article", {
            "name": f"Bài {article}", "title": f"Huyện Nà Lừ: {article}", "published": date,
            "url": f"https://example.org/bai/{article}"}))
        frag.add_node(Node("locality/na-lu", "Locality", {
            "name": "Nà Lừ", "type": "huyện", "within": ["locality/na-lu"],
            "key": name_key("Nà Lừ")}))
        frag.add_node(Node("unit/ubnd-na-lu", "Unit", {"name": "UBND huyện Nà Lừ",
                                                        "kind": "people_committee",
                                                        "key": name_key("UBND huyện Nà Lừ")}))
        frag.add_edge(Edge("LOCATED_IN", "unit/ubnd-na-lu", "locality/na-lu"))
        for pid, pname in people.items():
            frag.add_node(Node(pid, "Person", {"name": pname, "key": name_key(pname)}))
        for post, (title, post_role) in posts.items():
            frag.add_node(Node(post, "Position", {"name": title, "title": title,
                                                  "role": post_role, "key": name_key(title)}))
            frag.add_edge(Edge("IN_UNIT", post, "unit/ubnd-na-lu"))
        stated = {"start": "2023-03", "start_precision": "month",
                  "start_source": "article/t1"} if article == "t1" else {}
        frag.add_edge(Edge("HOLDS", "person/hoang-van-thach", "position/chu-tich", stated))
        frag.add_edge(Edge("HOLDS", "person/vice", "position/pho-chu-tich"))
        frag.add_node(Node(meeting, "Meeting", {"name": "Hội nghị", "title": f"Hội nghị {article}",
                                                "kind": "hội nghị", "date": date[:7]}))
        frag.add_edge(Edge("HELD_IN", meeting, "locality/na-lu"))
        frag.add_edge(Edge("ORGANIZED_BY", meeting, "unit/ubnd-na-lu"))
        frag.add_edge(Edge("CHAIRED", "person/hoang-van-thach", meeting))
        frag.add_edge(Edge(role if role != "CHAIRED" else "ATTENDED", "person/vice", meeting))
        frags.append(frag)
    return frags


@pytest.fixture(scope="session")
def popolo_validators(shared: Path) -> dict[str, Any]:
    """A draft-03 validator per Popolo collection, the schemas read from ../shared with
    their `$ref` prefix mapped to that folder."""
    from jsonschema import Draft3Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT3

    folder = shared / "spec" / "popolo"
    schemas = {p.name: json.loads(p.read_text("utf-8")) for p in folder.glob("*.json")}
    registry: Registry[Any] = Registry().with_resources(
        (f"{POPOLO}{name}", Resource.from_contents(s, default_specification=DRAFT3))
        for name, s in schemas.items())
    kinds = {"persons": "person", "organizations": "organization", "posts": "post",
             "memberships": "membership", "areas": "area", "events": "event"}
    return {collection: Draft3Validator(schemas[f"{kind}.json"], registry=registry,
                                        format_checker=Draft3Validator.FORMAT_CHECKER)
            for collection, kind in kinds.items()}


@pytest.fixture(scope="session")
def interchange_store(tmp_path_factory: pytest.TempPathFactory,
                      sample_fragments: list[Fragment], hostile: str,
                      interchange_fragments: Callable[[str], list[Fragment]],
                      reference_copy: Callable[[Path], Path]) -> Iterator[Any]:
    """An embedded store of the sample articles, the gazetteer and the two invented tenure
    articles, whose vice-chair has the hostile name (built once for the session: read-only
    for the tests using it)."""
    store = OxigraphStore(reference_copy(tmp_path_factory.mktemp("interchange") / "s"))
    store.write_base(reference=True)
    store.write_fragments([*sample_fragments, *interchange_fragments(hostile)])
    yield store
    store.close()


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
def export_store(tmp_path_factory: pytest.TempPathFactory, hostile_fragment: Fragment,
                 reference_copy: Callable[[Path], Path]) -> Path:
    """An embedded store of the sample articles, the reference gazetteer and the hostile
    article (read-only for the tests using it)."""
    import vnkg

    path = reference_copy(tmp_path_factory.mktemp("export") / "store")
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
    port = int(os.environ.get("NEO4J_IMPORT_TEST_PORT") or free_port())
    try:
        server = start_local_neo4j(ROOT, port, state_dir=state)
    except (RuntimeError, OSError) as err:
        unavailable(f"the Neo4j of the imported database did not start: {err}")
    driver = GraphDatabase.driver(server.uri, auth=server.auth)
    yield Neo4jStore.from_driver(driver), seconds
    driver.close()
    stop_local_neo4j(server)
