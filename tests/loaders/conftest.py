"""Fixtures for the store tests."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.ci import unavailable
from tests.paths import ROOT
from vnkg.extraction.keys import name_key
from vnkg.graph.model import Edge, Fragment, Node

POPOLO = "http://www.popoloproject.com/schemas/"


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


@pytest.fixture(scope="session")
def tenure_fragments() -> Callable[[str], list[Fragment]]:
    """Makes two invented articles about one district: `tenure_fragments(name)` gives them
    with `name` as the vice-chair's name (a hostile one, to see it come back as data).

    Article t1 (2023-03-20) says Hoàng Văn Thạch was appointed chair of the district's
    people's committee from March 2023 (a stated start at month precision, no day), that
    he chaired a meeting and the vice-chair attended; article t2 (2024-05-02) sees him in
    the post again and the vice-chair speak at another meeting."""
    return _tenure_fragments


def _tenure_fragments(name: str) -> list[Fragment]:
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
        stated = {"start": "2023-03"} if article == "t1" else {}
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


@pytest.fixture(scope="module")
def interchange_store(tmp_path_factory: pytest.TempPathFactory,
                      sample_fragments: list[Fragment], hostile: str,
                      tenure_fragments: Callable[[str], list[Fragment]]) -> Iterator[Any]:
    """An embedded store of the sample articles, the gazetteer and the two invented tenure
    articles, whose vice-chair has the hostile name (read-only for the tests using it)."""
    from vnkg.loaders.oxigraph_store import OxigraphStore

    store = OxigraphStore(tmp_path_factory.mktemp("interchange") / "s")
    store.write_base(reference=True)
    store.write_fragments([*sample_fragments, *tenure_fragments(hostile)])
    yield store
    store.close()
