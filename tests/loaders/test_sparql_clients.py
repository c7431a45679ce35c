"""The SPARQL protocol as every server takes it: form-encoded POSTs asking for JSON results,
a server whose default graph is the union of the named graphs, and a clear refusal of a
server that does not answer. Against `oxigraph serve`, both ways."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from tests.paths import EXAMPLES
from vnkg.api import build, export
from vnkg.loaders.old_stores import OLD_EVIDENCE
from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.loaders.rdf_dump import union_only_query
from vnkg.loaders.rdf_summaries import SUMMARY_TERMS
from vnkg.loaders.rdf_updates import UNION_ONLY
from vnkg.loaders.sparql_protocol import SparqlServerError
from vnkg.loaders.sparql_store import ORDER_HINT, SparqlStore
from vnkg.queries.run import run_named

CATALOGUE = ("chairs", "person-meetings", "decree-trace", "decree-gaps", "career",
             "unit-people", "co-attendance", "locality-timeline", "decrees-cited", "sources")


class _Recorder(BaseHTTPRequestHandler):
    seen: list[tuple[str, str, dict[str, list[str]]]] = []

    def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
        body = self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8")
        self.seen.append((self.headers["Content-Type"], self.headers["Accept"], parse_qs(body)))
        # no to every ASK, as an empty store answers the open's probe for old evidence
        answer = json.dumps({"head": {}, "boolean": False}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args: object) -> None:
        """Quiet."""


@pytest.fixture()
def recorder() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()


def test_queries_and_updates_are_form_posts_asking_for_json(recorder: str) -> None:
    _Recorder.seen.clear()
    store = SparqlStore(recorder, union_default=False)
    store.update("DROP SILENT GRAPH <urn:x>")
    (ctype, accept, form), (uctype, _, uform) = _Recorder.seen
    assert ctype.startswith("application/x-www-form-urlencoded")
    assert accept == "application/sparql-results+json"
    assert form == {"query": [f"ASK {{ GRAPH ?g {{ ?e <{OLD_EVIDENCE}> ?start }} }}"]}
    assert uctype.startswith("application/x-www-form-urlencoded")
    assert uform == {"update": ["DROP SILENT GRAPH <urn:x>"]}


def test_a_query_asking_for_its_written_joins_gets_the_hint_where_taken(recorder: str) -> None:
    _Recorder.seen.clear()
    store = SparqlStore(recorder, union_default=False)
    store.select("# joins: as written\nSELECT * WHERE { ?s ?p ?o }")
    store.select("SELECT * WHERE { ?s ?p ?o }")
    queries = [form["query"][0] for _, _, form in _Recorder.seen if "query" in form]
    assert store.order_hint  # the recorder takes anything, as Virtuoso takes the hint
    assert queries[-2].startswith(ORDER_HINT + "# joins: as written\n")
    assert queries[-1] == "SELECT * WHERE { ?s ?p ?o }"


def test_a_server_that_does_not_answer_is_refused(silent_server: str) -> None:
    began = time.monotonic()
    with pytest.raises(SparqlServerError, match="did not answer within 1 s"):
        SparqlStore(silent_server, timeout=1)
    assert time.monotonic() - began < 10


def test_export_over_an_endpoint_equals_the_embedded_store(
        sparql_server: str, articles_store: Path, tmp_path: Path) -> None:
    remote = SparqlStore(sparql_server)
    remote.update("DROP SILENT ALL")
    build([EXAMPLES], sparql_endpoint=sparql_server, reference=False, overrides=None)
    export("nquads", output=tmp_path / "remote.nq", sparql_endpoint=sparql_server)
    export("nquads", output=tmp_path / "local.nq", store=articles_store)
    there = (tmp_path / "remote.nq").read_text("utf-8").splitlines()
    here = (tmp_path / "local.nq").read_text("utf-8").splitlines()
    assert len(here) > 3000 and sorted(there) == sorted(here)  # no blank nodes: lines compare
    assert remote._keeps_union()  # oxigraph serve: vnkg keeps the union itself
    with OxigraphStore(articles_store) as local:  # read from pyoxigraph's terms, not rdflib's
        read = list(local.read_fragments(reference=False))
    assert len(read) > 10 and repr(list(remote.read_fragments(reference=False))) == repr(read)


def test_a_union_default_graph_server_gives_the_same_rows(
        union_sparql_server: str, articles_store: Path) -> None:
    remote = SparqlStore(union_sparql_server)
    remote.update("DROP SILENT ALL")
    # detected: the default graph is the union; and with a graph named as the default, this
    # server (as the protocol says) hides the other named graphs, so vnkg keeps no union
    # graph of its own here and reads with DISTINCT (Virtuoso keeps them: test_store_queries)
    assert remote._keeps_union() is False and remote.union_default
    build([EXAMPLES], sparql_endpoint=union_sparql_server, reference=False, overrides=None)
    with OxigraphStore(articles_store) as local:
        for name in CATALOGUE:
            assert run_named(remote, name, {}) == run_named(local, name, {}), name
        # with no union of its own, what the union alone holds (graph.rdf) is in the graphs
        assert remote.count() > local.count() and local.select(union_only_query())
        # and the holding summaries in a graph of their own
        rest = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                f"FILTER(?p NOT IN ({UNION_ONLY}, {SUMMARY_TERMS})) }}")
        assert remote.select(rest) == local.select(rest)
        assert remote.articles() == local.articles()
        assert remote.read_graph().nodes == local.read_graph().nodes
