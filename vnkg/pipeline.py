"""Loading fragments into the stores, batch by batch: the RDF store, Neo4j, or both in step
with the same ids. The ontology and the reference gazetteer go first, once per version."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from extract.read import Problem
from graph.model import Fragment
from graph.rdf import Rendered
from loaders.rdf import RdfStore

Progress = Callable[[int], None]
BATCH = 1000  # articles per write: each bulk load adds files the store must compact with all
# it holds, so small batches cost more per article as the store grows (a 100k build: 727 s
# in batches of 200 articles, 485 s in batches of 1,000; 10k: the same; RSS 1.1 GB)


@dataclass
class BuildReport:
    """What a build or load did."""

    documents: int = 0
    written: int = 0
    unchanged: int = 0
    triples: int = 0  # statements written to the RDF store (counting the store's quads
    # would scan it: 12 s at 100,000 articles, most of an incremental build)
    neo4j_created: int = 0
    neo4j_updated: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class Target:
    """Where a build or load goes."""

    store: str | Path | None
    endpoint: str | None
    reference: bool
    backend: str
    neo4j: str | None
    wait: float = 0.0


def load_fragments(fragments: Iterable[Fragment | Rendered], report: BuildReport,
                   progress: Progress | None, target: Target) -> BuildReport:
    """Write fragments batch by batch to the target's stores; fills and returns `report`.
    Rendered fragments (graph.rdf.render) only go to the RDF store."""
    from vnkg.neo4j_backend import BACKENDS, connect

    if target.backend not in BACKENDS:
        raise ValueError(f"`backend` takes one of {', '.join(BACKENDS)}")
    with ExitStack() as stack:
        rdf = (stack.enter_context(open_store(target.store, target.endpoint, target.wait))
               if target.backend != "neo4j" else None)
        driver = stack.enter_context(connect(target.neo4j)) if target.backend != "rdf" else None
        _reference(rdf, driver, target.reference)
        it = iter(fragments)
        while batch := list(islice(it, BATCH)):
            _write_batch(batch, rdf, driver, report)
            if progress:
                progress(report.documents)
    return report


def _reference(rdf: RdfStore | None, driver: Any, reference: bool) -> None:
    from graph.reference import reference_fragment, reference_version

    if rdf is not None:
        rdf.write_ontology()
        if reference:
            rdf.write_reference(reference_fragment, reference_version())
    if driver is not None and reference:
        from loaders.neo4j import write_fragments as neo4j_write

        neo4j_write(driver, [reference_fragment()])


def _write_batch(batch: list[Any], rdf: RdfStore | None, driver: Any,
                 report: BuildReport) -> None:
    report.documents += len(batch)
    if rdf is not None:
        done = rdf.write_fragments(batch)
        report.written += len(done.written)
        report.triples += done.triples
        report.unchanged += len(done.unchanged)
    if driver is not None:
        from loaders.neo4j import write_fragments as neo4j_write

        loaded = neo4j_write(driver, batch)
        for failed in loaded.failed:
            report.problems.append(Problem("neo4j", None, f"batch {failed.index} "
                                           f"({', '.join(failed.articles[:3])}…) rolled back: "
                                           f"{failed.error}; run the build again"))
        report.neo4j_created += loaded.nodes_created + loaded.relationships_created
        report.neo4j_updated += loaded.nodes_updated + loaded.relationships_updated
        if rdf is None:
            report.written += len(loaded.articles)
            report.unchanged += len(loaded.unchanged)


def open_store(store: str | Path | None, endpoint: str | None = None, wait: float = 0.0
               ) -> RdfStore:
    """The embedded store at `store` (a folder; None: in memory), or a SPARQL server;
    `wait` seconds for a store another process holds."""
    return RdfStore(store, endpoint=endpoint) if endpoint else RdfStore(store, wait=wait)
