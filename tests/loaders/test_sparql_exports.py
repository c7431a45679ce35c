"""Every export over an endpoint (`vnkg export FORMAT --sparql-endpoint URL`) writes what the
embedded store writes, on each SPARQL server: `oxigraph serve` (vnkg keeps the union),
Apache Jena Fuseki (likewise) and Virtuoso (its default graph is the union, and it holds
system graphs of its own). Each server gets the sample articles once, without the gazetteer,
as the embedded `articles_store` has them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib import Graph as RdfGraph

from tests.paths import EXAMPLES
from vnkg.api import build, export
from vnkg.loaders.sparql_store import SparqlStore

SERVERS = ["sparql_server", "fuseki_server", "virtuoso_server"]
FORMATS = ["turtle", "nquads", "jsonld", "csv", "cypher", "popolo", "ftm",
           "html", "json", "graphml", "gexf"]
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
    """What an export says, compared by content: RDF as a set of statements, line-based
    files as their sorted lines, JSON as data, the rest as bytes."""
    if fmt in ("turtle", "jsonld"):
        return set(RdfGraph().parse(path, format="json-ld" if fmt == "jsonld" else fmt))
    if fmt == "nquads":
        dataset = Dataset()
        dataset.parse(path, format="nquads")
        return set(dataset.quads())
    if fmt == "csv":
        return {p.name: sorted(p.read_text("utf-8").splitlines()) for p in path.iterdir()}
    if fmt in ("cypher", "ftm"):
        return sorted(path.read_text("utf-8").splitlines())
    if fmt in ("popolo", "json"):
        return json.loads(path.read_text("utf-8"))
    return path.read_bytes()


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
    assert _content(fmt, there) == expected, f"{fmt} over {endpoint} differs"
