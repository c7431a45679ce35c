"""Loading the shards of a sharded extraction (`vnkg load SHARDS`) into the embedded store,
through Oxigraph's bulk loader, answers every named query as a normal build of the same
articles does: seeds + dev of the shared corpus. The loaded folder, served by
`oxigraph serve --location` (a SPARQL server's bulk path: loaded offline), answers the same
over the SPARQL protocol; the shards loaded into Neo4j answer every named Cypher query as the
build answers its SPARQL twin."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import vnkg
from tests.conftest_neo4j import Neo4jSession
from vnkg.graph.model import Fragment
from vnkg.graph.shards import shard_files
from vnkg.loaders.neo4j_server import local_auth
from vnkg.loaders.neo4j_store import Neo4jStore
from vnkg.queries import names
from vnkg.queries.run import run_named

Cases = Callable[[str, dict[str, str]], list[dict[str, Any]]]
Stores = tuple[Path, Path, Path]


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Stores:
    """A store built from seeds + dev, one loaded from their shards (8 articles each), and
    one loaded from their records in one file (`vnkg extract -o`)."""
    paths = [shared / "corpus" / "seeds", shared / "corpus" / "dev.jsonl"]
    root = tmp_path_factory.mktemp("shard-load")
    built = vnkg.build(paths, store=root / "built", reference=False, overrides=None)
    shards = vnkg.extract(paths, shards=root / "shards", partition=8)
    assert len(shard_files(shards.folder)) == 7
    loaded = vnkg.load(root / "shards", store=root / "loaded", reference=False,
                       overrides=None)
    assert loaded.ok and built.ok, loaded.problems
    with open(root / "records.jsonl", "w", encoding="utf-8") as out:
        vnkg.write_records(vnkg.extract(paths), out)
    one = vnkg.load(root / "records.jsonl", store=root / "one", reference=False, overrides=None)
    assert loaded.written == built.written == one.written == 55
    return root / "built", root / "loaded", root / "one"


EVERYTHING = "SELECT ?g ?s ?p ?o WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } }"


def test_shards_load_what_one_file_of_the_records_loads(stores: Stores) -> None:
    loaded, one = (vnkg.sparql(EVERYTHING, store=s) for s in stores[1:])
    assert {tuple(r.values()) for r in loaded} == {tuple(r.values()) for r in one}


@pytest.mark.parametrize("name", names("sparql"))
def test_named_queries_answer_the_same(name: str, stores: Stores, query_cases: Cases,
                                       corpus_fragments: list[Fragment],
                                       parameter_values: Callable[[list[Fragment]],
                                                                  dict[str, str]]) -> None:
    for params in query_cases(name, parameter_values(corpus_fragments)):
        params = {k: str(v) for k, v in params.items() if v not in ("", None)}
        built, loaded = (vnkg.query(name, params=params, store=s) for s in stores[:2])
        assert loaded == built, (name, params)


def test_a_sparql_server_serves_the_folder_loaded_offline(
        stores: Stores, tmp_path: Path, serve_folder: Callable[[Path], str],
        query_cases: Cases, corpus_fragments: list[Fragment],
        parameter_values: Callable[[list[Fragment]], dict[str, str]]) -> None:
    shutil.copytree(stores[1], tmp_path / "data")  # the server holds its folder's lock
    endpoint = serve_folder(tmp_path / "data")
    values = parameter_values(corpus_fragments)
    for name in names("sparql"):
        for params in query_cases(name, values)[:2]:
            params = {k: str(v) for k, v in params.items() if v not in ("", None)}
            assert (vnkg.query(name, params=params, sparql_endpoint=endpoint)
                    == vnkg.query(name, params=params, store=stores[1])), (name, params)


def test_shards_load_into_neo4j_as_a_build_answers(
        stores: Stores, neo4j_session: Neo4jSession, monkeypatch: pytest.MonkeyPatch,
        query_cases: Cases, corpus_fragments: list[Fragment],
        parameter_values: Callable[[list[Fragment]], dict[str, str]]) -> None:
    user, password = local_auth()
    monkeypatch.setenv("NEO4J_USER", user)
    monkeypatch.setenv("NEO4J_PASSWORD", password)
    neo4j = Neo4jStore.from_driver(neo4j_session.driver)
    neo4j.clear()
    shards = stores[0].parent / "shards"
    report = vnkg.load(shards, backend="neo4j", neo4j=neo4j_session.uri, reference=False,
                       overrides=None)
    assert report.ok and report.written == 55, report.problems
    values = parameter_values(corpus_fragments)
    for name in names("cypher"):
        for params in query_cases(name, values):
            params = {k: str(v) for k, v in params.items() if v not in ("", None)}
            assert run_named(neo4j, name, params) == vnkg.query(
                name, params=params, store=stores[0]), (name, params)
