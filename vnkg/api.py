"""The Python API: one function per command of the command line, thin over the rooms.

>>> import vnkg
>>> report = vnkg.build(["examples/articles"], store="vnkg-data")  # doctest: +SKIP
>>> vnkg.query("chairs", {"person": "Hoàng Văn Thạch"}, store="vnkg-data")  # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from extract.read import MAX_BYTES, Problem, read_documents
from graph.overrides import apply_overrides, read_overrides
from graph.rdf import render
from graph.resolve import to_fragment
from loaders.store import DEFAULT_STORE
from vnkg.parallel import Extractor, check_jobs, record_for  # vnkg.api.record_for too
from vnkg.pipeline import BuildReport, Progress, Target, load_fragments, open_store, run_query

Record = dict[str, Any]
DEFAULT_OVERRIDES = Path("vnkg-overrides.json")


def extract(paths: Iterable[str | Path], problems: list[Problem] | None = None,
            max_bytes: int = MAX_BYTES) -> Iterator[Record]:
    """Records for the articles under `paths`, one per document, streamed.

    Each relation's evidence span also carries its `text`, so records loaded later without
    the articles still show the evidence sentence.
    """
    for doc in read_documents(paths, problems, max_bytes):
        yield record_for(doc)


def write_records(records: Iterable[Record], out: IO[str]) -> int:
    """Write records as JSON Lines; returns how many."""
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def read_records(path: str | Path, problems: list[Problem] | None = None) -> Iterator[Record]:
    """Read records from a JSON Lines file; a broken line is reported and skipped."""
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                record["doc"]["id"]  # noqa: B018 - a record without a doc id is unusable
            except (json.JSONDecodeError, KeyError, TypeError) as err:
                problem = Problem(str(path), number, f"not a record ({err}); fix or remove it")
                if problems is None:
                    raise ValueError(str(problem)) from err
                problems.append(problem)
                continue
            yield record


def build(paths: Iterable[str | Path], store: str | Path | None = DEFAULT_STORE,
          progress: Progress | None = None, *, endpoint: str | None = None,
          reference: bool = True, overrides: str | Path | None = DEFAULT_OVERRIDES,
          backend: str = "rdf", neo4j: str | None = None, wait: float = 0.0,
          max_bytes: int = MAX_BYTES, jobs: int = 1) -> BuildReport:
    """Read, extract, resolve and load articles into the RDF store, Neo4j, or both
    (`backend`: rdf, neo4j, both; `neo4j`: its URI, else $NEO4J_URI). Files over
    `max_bytes` are reported and skipped; `wait` is how long to wait for a busy store.

    With `reference`, the gazetteer's localities (both maps, PART_OF and BECAME) are loaded
    once as reference data; `overrides` (when the file exists) pins or splits nodes.
    Building the same inputs twice leaves the store unchanged.

    `jobs` > 1 extracts on that many worker processes while this one reads and writes; the
    store ends up exactly as with `jobs=1`, the default (one process, nothing started
    behind the caller's back, the cheapest for small inputs and shared machines).
    """
    check_jobs(jobs)
    report = BuildReport()
    fixes = read_overrides(overrides)
    target = Target(store, endpoint, reference, backend, neo4j, wait)
    # the workers start before the store opens, so they never hold it
    finish = render if backend == "rdf" else None  # Neo4j takes the fragments themselves
    with Extractor(jobs, fixes, finish=finish) as extractor:
        docs = read_documents(paths, report.problems, max_bytes)
        return load_fragments(extractor.fragments(docs), report, progress, target)


def load(records_path: str | Path, store: str | Path | None = DEFAULT_STORE,
         progress: Progress | None = None, *, endpoint: str | None = None,
         reference: bool = True, overrides: str | Path | None = DEFAULT_OVERRIDES,
         backend: str = "rdf", neo4j: str | None = None, wait: float = 0.0) -> BuildReport:
    """Load records (from `vnkg extract` or another extractor) into the RDF store, Neo4j,
    or both."""
    report = BuildReport()
    fixes = read_overrides(overrides)
    fragments = (apply_overrides(to_fragment(r), fixes)
                 for r in read_records(records_path, report.problems))
    target = Target(store, endpoint, reference, backend, neo4j, wait)
    return load_fragments(fragments, report, progress, target)


def query(name: str, params: dict[str, Any] | None = None,
          store: str | Path | None = DEFAULT_STORE, *, endpoint: str | None = None,
          backend: str = "rdf", neo4j: str | None = None) -> list[dict[str, Any]]:
    """Run a named query (`queries/NAME.rq`, or `NAME.cypher` with backend neo4j); a list of
    rows keyed by column."""
    return run_query(name, params, Target(store, endpoint, False, backend, neo4j))


def cypher(text: str, neo4j: str | None = None, write: bool = False) -> list[dict[str, Any]]:
    """Run Cypher on Neo4j, in a read-only transaction unless `write`."""
    from vnkg.neo4j_backend import connect, run_cypher

    with connect(neo4j) as driver:
        return run_cypher(driver, text, write)


def sparql(text: str, store: str | Path | None = DEFAULT_STORE, write: bool = False, *,
           endpoint: str | None = None) -> list[dict[str, Any]]:
    """Run a SPARQL query; updates only with `write=True`."""
    with open_store(store, endpoint) as rdf:
        if _is_update(text):
            if not write:
                raise PermissionError("this is a SPARQL update; the store is read-only unless "
                                      "you pass --write")
            rdf.update(text)
            return []
        return rdf.select(text)


def _is_update(text: str) -> bool:
    import re

    body = re.sub(r"(?m)^\s*(#.*|PREFIX\s+\S+\s+<[^>]*>|BASE\s+<[^>]*>)\s*$", "", text)
    return re.match(r"\s*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
                    body, re.I) is not None


def stats(store: str | Path | None = DEFAULT_STORE, *, endpoint: str | None = None,
          merges: bool = False) -> dict[str, Any]:
    """Counts by label and relation type, and the most central officials; with `merges`,
    also the merge log: people joined across articles and why, and same names kept apart."""
    from dataclasses import asdict

    from graph.analytics import graph_stats
    from graph.merges import merge_log

    with open_store(store, endpoint) as rdf:
        graph = rdf.read_graph()
    result = graph_stats(graph)
    if merges:
        joined, apart = merge_log(graph)
        result["merges"] = [asdict(m) for m in joined]
        result["kept_apart"] = [asdict(k) for k in apart]
    return result


def view(name: str, output: str | Path, store: str | Path | None = DEFAULT_STORE,
         fmt: str = "html", node: str | None = None, number: str | None = None,
         hops: int = 2, min_shared: int = 1, labels: list[str] | None = None,
         province: str | None = None, date_from: str | None = None,
         date_to: str | None = None, endpoint: str | None = None) -> Path:
    """Draw a view of the graph (overview, person, meeting, decree, co-attendance) to
    `output` as HTML, GraphML, GEXF, node-link JSON or PNG."""
    from graph.nx import to_networkx
    from viz import views

    with open_store(store, endpoint) as rdf:
        g = to_networkx(rdf.read_graph(reference=name == "decree"))
    if name == "overview":
        sub = views.overview(g, labels, province, date_from, date_to)
    elif name == "person":
        sub = views.person_view(g, _required(node, "--name or --id"), hops)
    elif name == "meeting":
        sub = views.meeting_view(g, _required(node, "--id"))
    elif name == "decree":
        sub = views.decree_view(g, _required(number, "--number"))
    elif name == "co-attendance":
        sub = views.co_attendance_view(g, min_shared)
    else:
        raise ValueError(f"no view named {name!r}")
    from viz.export import write_view

    return write_view(sub, Path(output), fmt)


def _required(value: str | None, flag: str) -> str:
    if not value:
        raise ValueError(f"this view needs {flag}")
    return value


def export(fmt: str, output: str | Path, store: str | Path | None = DEFAULT_STORE, *,
           endpoint: str | None = None) -> list[Path]:
    """Export the whole graph: turtle, nquads, jsonld, csv (neo4j-admin import), cypher;
    or the overview view as html, graphml, gexf, json, png."""
    from loaders.export import GRAPH_FORMATS, export_graph

    if fmt in GRAPH_FORMATS:
        with open_store(store, endpoint) as rdf:
            return export_graph(rdf, fmt, output)
    return [view("overview", output, store, fmt=fmt, endpoint=endpoint)]
