"""The Python API: one function per command of the command line, thin over the rooms.

A command's positional arguments are the function's positional parameters, and its options
are the function's keyword-only parameters of the same names (`--sparql-endpoint` is
`sparql_endpoint`); the table in vnkg.commands lists them, and the tests hold both sides to it.

    import vnkg
    report = vnkg.build(["examples/articles"], store="vnkg-data")
    vnkg.query("chairs", params={"person": "bui khac thieu"}, store="vnkg-data")
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, overload

from vnkg import extraction  # its engine loads on first use
from vnkg.extraction.evaluate import Report
from vnkg.extraction.read import MAX_BYTES, Problem, read_documents
from vnkg.graph.overrides import read_overrides
from vnkg.graph.rdf import render
from vnkg.graph.records import Record, is_records, read_records, record_fragments
from vnkg.graph.shards import PARTITION, ShardReport, extract_shards
from vnkg.graph.workers import Extractor, check_jobs, default_jobs
from vnkg.loaders.batches import BuildReport, Progress, Target, load_fragments
from vnkg.loaders.rdf import open_rdf_store
from vnkg.loaders.store import DEFAULT_STORE
from vnkg.loaders.store import open_store as open_target
from vnkg.web import WHOLE_GRAPH

VIEWS = ("overview", "person", "meeting", "decree", "co-attendance")
DEFAULT_OVERRIDES = Path("vnkg-overrides.json")


@overload
def extract(paths: Iterable[str | Path], *, problems: list[Problem] | None = ...,
            max_bytes: int = ..., cluster: str | None = ..., shards: None = ...,
            partition: int = ...) -> Iterator[Record]: ...
@overload
def extract(paths: Iterable[str | Path], *, problems: list[Problem] | None = ...,
            max_bytes: int = ..., cluster: str | None = ..., shards: str | Path,
            partition: int = ...) -> ShardReport: ...
def extract(paths: Iterable[str | Path], *, problems: list[Problem] | None = None,
            max_bytes: int = MAX_BYTES, cluster: str | None = None,
            shards: str | Path | None = None, partition: int = PARTITION
            ) -> Iterator[Record] | ShardReport:
    """Records for the articles under `paths`, one per document, streamed.

    Each relation's evidence span also carries its `text`, so records loaded later without
    the articles still show the evidence sentence.

    With `shards` (a folder), the records go there instead, `partition` articles per
    gzipped JSON Lines shard named from its articles, extracted on the Dask cluster
    `cluster` (`tcp://HOST:8786`, or `local:N` worker processes) or else in this process;
    shards already there are not redone. Returns a ShardReport:

        vnkg.extract(["articles"], cluster="local:2", shards="shards").written
    """
    if shards is None:
        if cluster is not None:
            raise ValueError("a cluster writes its records as shards: give `shards`, a "
                             "folder")
        return (extraction.extract_record(doc)
                for doc in read_documents(paths, problems, max_bytes))
    docs = read_documents(paths, problems, max_bytes)
    if cluster is None:
        return extract_shards(docs, shards, partition)
    from vnkg.graph.cluster import extract_on_cluster

    return extract_on_cluster(docs, cluster, shards, partition)


def build(paths: Iterable[str | Path], *, store: str | Path | None = DEFAULT_STORE,
          progress: Progress | None = None, sparql_endpoint: str | None = None,
          reference: bool = True, overrides: str | Path | None = DEFAULT_OVERRIDES,
          backend: str = "rdf", neo4j: str | None = None, wait: float = 0.0,
          max_bytes: int = MAX_BYTES, jobs: int | None = None) -> BuildReport:
    """Read, extract, resolve and load articles into the RDF store, Neo4j, or both
    (`backend`: rdf, neo4j, both; `neo4j`: its URI, else $NEO4J_URI). Files over
    `max_bytes` are reported and skipped; `wait` is how long to wait for a busy store.

    With `reference`, the gazetteer's localities (both maps, PART_OF and BECAME) are loaded
    once as reference data; `overrides` (when the file exists) pins or splits nodes.
    Building the same inputs twice leaves the store unchanged.

    `jobs` > 1 extracts on that many worker processes while this one reads and writes; the
    store ends up exactly as with `jobs=1` (one process, nothing started: the cheapest for
    a handful of articles or a machine shared with other work). None, the default, is the
    cores this process may use (graph.workers.default_jobs).
    """
    jobs = default_jobs() if jobs is None else check_jobs(jobs)
    report = BuildReport()
    fixes = read_overrides(overrides)
    target = Target(store, sparql_endpoint, reference, backend, neo4j, wait)
    # the workers start before the store opens, so they never hold it
    # Neo4j takes the fragments themselves; the RDF store's statements name the gazetteer's
    # localities only when it holds the gazetteer
    finish = partial(render, gazetteer=reference) if backend == "rdf" else None
    with Extractor(jobs, fixes, finish=finish) as extractor:
        docs = read_documents(paths, report.problems, max_bytes)
        return load_fragments(extractor.fragments(docs), report, progress, target)


def load(records: str | Path, *, store: str | Path | None = DEFAULT_STORE,
         progress: Progress | None = None, sparql_endpoint: str | None = None,
         reference: bool = True, overrides: str | Path | None = DEFAULT_OVERRIDES,
         backend: str = "rdf", neo4j: str | None = None, wait: float = 0.0) -> BuildReport:
    """Load records (from `vnkg extract` or another extractor) into the RDF store, Neo4j,
    or both: a JSON Lines file (gzipped or not) or a folder of them, such as the shards of
    a sharded extraction (`extract(..., shards=...)`). New articles go into the embedded
    store through Oxigraph's bulk loader."""
    report = BuildReport()
    fixes = read_overrides(overrides)
    fragments = record_fragments(records, report.problems, fixes)
    target = Target(store, sparql_endpoint, reference, backend, neo4j, wait)
    return load_fragments(fragments, report, progress, target)


def evaluate(inputs: Iterable[str | Path], *, gold: str | Path,
             problems: list[Problem] | None = None, answers: bool = False) -> Report:
    """Score records (.jsonl from `vnkg extract`) or articles against gold annotations, as
    spec/score.py does; with `answers`, also what the named queries answer from a temporary
    store of those texts (chairs, decree-trace: Report.answers)."""
    from vnkg.extraction.evaluate import evaluate as score_fields
    from vnkg.extraction.evaluate import load_gold
    from vnkg.queries.answers import gold_answers, score_answers, store_answers

    records = list(_inputs(inputs, problems))
    report = score_fields(records, gold)
    if answers:
        scores = score_answers(gold_answers(load_gold(gold)), store_answers(records))
        report.answers = {k: s.as_dict() for k, s in scores.items()}
    return report


def _inputs(inputs: Iterable[str | Path], problems: list[Problem] | None) -> Iterator[Record]:
    """Records from record files (JSON Lines whose first line has a schema), else extracted
    from articles."""
    for path in inputs:
        if str(path).endswith(".jsonl") and is_records(path):
            yield from read_records(path, problems)
        else:
            yield from extract([path], problems=problems)


def _existing(store: str | Path | None, endpoint: str | None, wait: float) -> Any:
    """Open a store that must already exist (for reading)."""
    _require(store, endpoint)
    return open_rdf_store(store, endpoint, wait)


def _require(store: str | Path | None, endpoint: str | None) -> None:
    """A store folder read from must be there: one that is not is an error naming it, not a
    new empty store that answers nothing."""
    if endpoint is None and store is not None and not Path(store).exists():
        raise FileNotFoundError(f"no store at {store}: build or load one into that folder "
                                "first, or name the folder of an existing store")


def query(name: str, *, params: dict[str, Any] | None = None,
          store: str | Path | None = DEFAULT_STORE, sparql_endpoint: str | None = None,
          backend: str = "rdf", neo4j: str | None = None, wait: float = 0.0
          ) -> list[dict[str, Any]]:
    """Run a named query (`queries/NAME.rq`, or `NAME.cypher` with backend neo4j) on one
    store; a list of rows keyed by column. `wait` is how long to wait for a store another
    process holds."""
    from vnkg.queries.run import run_named

    with _one_store(store, sparql_endpoint, backend, neo4j, wait, "a query runs") as opened:
        return run_named(opened, name, params)


def why_empty(name: str, *, params: dict[str, Any] | None = None,
              store: str | Path | None = DEFAULT_STORE, sparql_endpoint: str | None = None,
              wait: float = 0.0) -> list[str]:
    """Why named query `name` gave no rows: each name among `params` that names nothing,
    with the nearest names the store holds; else that the names exist but no rows join them.
    """
    from vnkg.explain import why_empty as explain

    with _existing(store, sparql_endpoint, wait) as rdf:
        return explain(rdf, name, params or {})


def check(*, store: str | Path | None = DEFAULT_STORE, sparql_endpoint: str | None = None,
          backend: str = "rdf", neo4j: str | None = None, wait: float = 0.0) -> list[Any]:
    """Consistency checks that point at likely extraction or merge errors (a rank going
    down, chief posts of two provinces on one date, meetings in two provinces on one day, a
    tenure ending before it starts, two chairs of unrelated units, an impossible stated
    date): a list of `vnkg.checks.report.Finding`, each with its evidence. The RDF store is
    checked with SHACL shapes (pySHACL), Neo4j with the same checks in Cypher.

        findings = vnkg.check(store="vnkg-data")
        [f.as_dict()["message"] for f in findings]
    """
    from vnkg.checks.report import findings

    with _one_store(store, sparql_endpoint, backend, neo4j, wait,
                    "the checks run") as opened:
        return findings(opened)


def cypher(text: str, *, neo4j: str | None = None, write: bool = False
           ) -> list[dict[str, Any]]:
    """Run Cypher on Neo4j (`neo4j`, else $NEO4J_URI; the login from $NEO4J_USER and
    $NEO4J_PASSWORD only), in a read-only transaction unless `write`."""
    from vnkg.loaders.neo4j_store import run_cypher

    return run_cypher(neo4j, text, write=write)


def sparql(text: str, *, store: str | Path | None = DEFAULT_STORE, write: bool = False,
           sparql_endpoint: str | None = None, wait: float = 0.0) -> list[dict[str, Any]]:
    """Run a SPARQL query; updates only with `write=True`."""
    with _existing(store, sparql_endpoint, wait) as rdf:
        if _is_update(text):
            if not write:
                raise PermissionError("this is a SPARQL update; the store is read-only unless "
                                      "`write` is given")
            rdf.update(text)
            return []
        return rdf.select(text)


def _is_update(text: str) -> bool:
    import re

    body = re.sub(r"(?m)^\s*(#.*|PREFIX\s+\S+\s+<[^>]*>|BASE\s+<[^>]*>)\s*$", "", text)
    return re.match(r"\s*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
                    body, re.I) is not None


def stats(*, store: str | Path | None = DEFAULT_STORE, sparql_endpoint: str | None = None,
          merges: bool = False, wait: float = 0.0) -> dict[str, Any]:
    """Counts by label and relation type, and the most central officials; with `merges`,
    also the merge log: people joined across articles and why, and same names kept apart."""
    from dataclasses import asdict

    from vnkg.graph.analytics import graph_stats
    from vnkg.graph.merges import merge_log

    with _existing(store, sparql_endpoint, wait) as rdf:
        graph = rdf.read_graph()
    result = graph_stats(graph)
    if merges:
        joined, apart = merge_log(graph)
        result["merges"] = [asdict(m) for m in joined]
        result["kept_apart"] = [asdict(k) for k in apart]
    return result


def view(name: str, *, output: str | Path, store: str | Path | None = DEFAULT_STORE,
         fmt: str | None = None, node: str | None = None, number: str | None = None,
         hops: int = 2, min_shared: int = 1, labels: list[str] | None = None,
         province: str | None = None, date_from: str | None = None,
         date_to: str | None = None, sparql_endpoint: str | None = None, wait: float = 0.0
         ) -> Path:
    """Draw a view of the graph (overview, person, meeting, decree, co-attendance) to
    `output` as HTML, GraphML, GEXF, node-link JSON or PNG (`fmt`, else from its suffix)."""
    from vnkg.viz.stored import stored_view

    if name not in VIEWS:
        raise ValueError(f"no view named {name!r}; the views: {', '.join(VIEWS)}")
    if name in ("person", "meeting"):
        _required(node, "node", f"a {name}'s name or id" if name == "person"
                  else "a meeting's id or title")
    if name == "decree":
        _required(number, "number", "a decree's number or id")
    with _existing(store, sparql_endpoint, wait) as rdf:  # each view reads what it draws
        sub = stored_view(rdf, name, node=node, number=number, hops=hops,
                          min_shared=min_shared, labels=labels, province=province,
                          date_from=date_from, date_to=date_to)
    from vnkg.viz.export import write_view

    return write_view(sub, Path(output), fmt)


@contextmanager
def _one_store(store: str | Path | None, sparql_endpoint: str | None, backend: str,
               neo4j: str | None, wait: float, what: str) -> Iterator[Any]:
    """The one store a query, an export or the checks read (`what` names which in the
    message when the backend names two)."""
    if backend != "neo4j":
        _require(store, sparql_endpoint)
    stores = Target(store, sparql_endpoint, False, backend, neo4j, wait).targets()
    if len(stores) != 1:
        raise ValueError(f"{what} on one store: `backend` rdf or neo4j")
    with open_target(stores[0], wait=wait) as opened:
        yield opened


def _required(value: str | None, param: str, what: str) -> str:
    """`value`, which a view needs: else a ValueError naming the parameter (`param`, in
    backquotes, which the command line translates to its option)."""
    if not value:
        raise ValueError(f"this view needs `{param}`: {what}")
    return value


def export(fmt: str, *, output: str | Path, store: str | Path | None = DEFAULT_STORE,
           sparql_endpoint: str | None = None, reference: bool = True, wait: float = 0.0,
           backend: str = "rdf", neo4j: str | None = None, jobs: int | None = None
           ) -> list[Path]:
    """Export the whole graph: turtle, nquads, jsonld, csv (neo4j-admin import), cypher;
    popolo (Popolo JSON) or ftm (FollowTheMoney JSON Lines), which read the RDF store or
    Neo4j (`backend`); or the overview view as html, graphml, gexf, json, png. Without
    `reference` the gazetteer's reference localities are left out of every whole-graph
    format (popolo, ftm and the view never hold them). csv and cypher hold what the Neo4j
    loader would write. csv, cypher and the embedded store's nquads read a large store
    on `jobs` processes (None: the cores this process may use), the same bytes as on one.

    Example: `vnkg.export("popolo", output="officials.json")`."""
    from vnkg.loaders.export import GRAPH_FORMATS, INTERCHANGE_FORMATS, export_interchange

    jobs = default_jobs() if jobs is None else check_jobs(jobs)

    if fmt in INTERCHANGE_FORMATS:
        with _one_store(store, sparql_endpoint, backend, neo4j, wait,
                        "an export reads") as opened:
            return export_interchange(opened, fmt, output)
    if backend != "rdf":
        raise ValueError(f"{fmt} is written from the RDF store; `backend` neo4j exports "
                         f"{', '.join(INTERCHANGE_FORMATS)}")
    from vnkg.loaders.export import export_graph

    if fmt in GRAPH_FORMATS:
        with _existing(store, sparql_endpoint, wait) as rdf:
            return export_graph(rdf, fmt, output, reference, jobs)
    return [view("overview", output=output, store=store, fmt=fmt,
                 sparql_endpoint=sparql_endpoint, wait=wait)]


def serve(*, store: str | Path | None = DEFAULT_STORE, sparql_endpoint: str | None = None,
          neo4j: str | None = None, host: str = "127.0.0.1", port: int = 8765,
          wait: float = 0.0, whole_graph: int = WHOLE_GRAPH) -> None:
    """Serve the explorer, a read-only web app over the store (the embedded one, a SPARQL
    server, or Neo4j at `neo4j`), at http://`host`:`port`/ until interrupted. It listens
    on loopback unless `host` says otherwise; `wait` is how long each page waits for a store
    a build holds before saying the store is being updated; the large graph page draws every
    node of an RDF store of up to `whole_graph` nodes, past it the store's aggregate.

        vnkg.serve(store="vnkg-data")   # then open http://127.0.0.1:8765/
    """
    from vnkg.web.serve import run

    if neo4j and sparql_endpoint:
        raise ValueError("the explorer reads one store: give `neo4j` or `sparql_endpoint`, "
                         "not both")
    target = neo4j or sparql_endpoint
    if target is None:
        _require(store, None)
        if store is None:
            raise ValueError("the explorer needs a store: give `store`, `sparql_endpoint` "
                             "or `neo4j`")
    run(target or str(store), host=host, port=port, wait=wait, whole_graph=whole_graph)
