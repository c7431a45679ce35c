"""Every export over an endpoint (`vnkg export FORMAT --sparql-endpoint URL`) writes what the
embedded store writes, on each SPARQL server: `oxigraph serve` (vnkg keeps the union),
Apache Jena Fuseki (likewise) and Virtuoso (its default graph is the union, and it holds
system graphs of its own). Each server gets the sample articles once, without the gazetteer,
as the embedded `articles_store` has them."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import networkx as nx
import pytest
from rdflib import Dataset
from rdflib import Graph as RdfGraph

from tests.paths import EXAMPLES
from vnkg.api import build, export
from vnkg.loaders import neo4j_stream
from vnkg.loaders.sparql_store import SparqlStore

SERVERS = ["sparql_server", "fuseki_server", "virtuoso_server"]
# cypher and html are compared byte for byte: their rows, nodes and properties come in key
# order, not in the order of the store's answers
FORMATS = ["turtle", "nquads", "jsonld", "csv", "cypher", "popolo", "ftm", "html", "json",
           "graphml", "gexf"]
SUFFIX = {"turtle": "ttl", "nquads": "nq", "csv": "csv", "cypher": "cypher",
          "popolo": "json", "ftm": "jsonl", "jsonld": "jsonld"}


@pytest.fixture(scope="module", params=SERVERS)
def endpoint(request: pytest.FixtureRequest) -> Iterator[str]:
    """A server holding the sample articles (no gazetteer); emptied again afterwards."""
    url = str(request.getfixturevalue(request.param))
    with SparqlStore(url) as remote:
        remote.clear()
        report = build([EXAMPLES], sparql_endpoint=url, reference=False, overrides=None)
        assert report.ok, report.problems
        yield url
        remote.clear()


def _content(fmt: str, path: Path) -> object:
    """What an export says, compared by content: RDF as a set of statements, CSV as rows by
    header, graph files as their nodes and edges with attributes, JSON Lines as sorted
    lines, JSON as data with its lists sorted, the rest as bytes."""
    if fmt in ("turtle", "jsonld"):
        return set(RdfGraph().parse(path, format="json-ld" if fmt == "jsonld" else fmt))
    if fmt == "nquads":
        dataset = Dataset()
        dataset.parse(path, format="nquads")
        return set(dataset.quads())
    if fmt == "csv":
        return {p.name: sorted(_canonical(row) for row in csv.DictReader(p.open(
            encoding="utf-8", newline=""))) for p in path.iterdir()}
    if fmt in ("graphml", "gexf"):
        graph = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
        return (sorted(_canonical(n) for n in graph.nodes(data=True)),
                sorted(_canonical(e) for e in graph.edges(data=True)))
    if fmt == "ftm":
        return sorted(path.read_text("utf-8").splitlines())
    if fmt == "json":
        data = json.loads(path.read_text("utf-8"))
        return {k: sorted(map(_canonical, v)) if isinstance(v, list) else v
                for k, v in data.items()}
    if fmt == "popolo":
        return json.loads(path.read_text("utf-8"))
    return path.read_bytes()


def _canonical(item: object) -> str:
    return json.dumps(item, sort_keys=True, ensure_ascii=False, default=str)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_over_the_endpoint_equals_the_embedded_store(
        fmt: str, endpoint: str, articles_store: Path, tmp_path: Path) -> None:
    name = SUFFIX.get(fmt, fmt)
    there = tmp_path / f"remote.{name}"
    here = tmp_path / f"local.{name}"
    if fmt == "csv":
        there, here = tmp_path / "remote", tmp_path / "local"
    export(fmt, output=there, sparql_endpoint=endpoint)
    export(fmt, output=here, store=articles_store)
    expected = _content(fmt, here)
    assert expected, f"{fmt}: the embedded store's export is empty"
    same = _content(fmt, there) == expected  # not in the assert: pytest would diff the bytes
    assert same, f"{fmt} over {endpoint} differs"


def test_the_csv_export_read_from_the_server_on_two_processes_is_the_same(
        endpoint: str, articles_store: Path, tmp_path: Path,
        processes_run: Callable[[ModuleType], list[int]]) -> None:
    shared = processes_run(neo4j_stream)
    export("csv", output=tmp_path / "remote", sparql_endpoint=endpoint, jobs=2)
    assert shared == [2]  # the server was read by two spawned processes
    export("csv", output=tmp_path / "local", store=articles_store, jobs=1)
    same = _content("csv", tmp_path / "remote") == _content("csv", tmp_path / "local")
    assert same, f"csv over {endpoint} on two processes differs"
