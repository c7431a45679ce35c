"""Loading fragments into the stores, batch by batch: the RDF store, Neo4j, or both in step
with the same ids (backend `both` is two stores). What every build starts from (the
ontology, the reference gazetteer) goes first, once per version."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from vnkg.extraction.read import Problem
from vnkg.graph.model import Fragment
from vnkg.graph.rdf import Rendered
from vnkg.loaders.store import LoadReport, Store
from vnkg.loaders.store import open_store as open_target

Progress = Callable[[int], None]
BACKENDS = ("rdf", "neo4j", "both")
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

    def add(self, done: LoadReport, store: Store, first: bool) -> None:
        """Count one store's load of a batch; articles are counted from the first store."""
        if first:
            self.written += len(done.written)
            self.unchanged += len(done.unchanged)
        self.triples += done.triples
        self.neo4j_created += done.created
        self.neo4j_updated += done.updated
        for failed in done.failed:
            self.problems.append(Problem(store.name, None, f"batch {failed.index} "
                                         f"({', '.join(failed.articles[:3])}…) rolled back: "
                                         f"{failed.error}; run the build again"))


@dataclass(frozen=True)
class Target:
    """Where a build or load goes."""

    store: str | Path | None
    endpoint: str | None
    reference: bool
    backend: str
    neo4j: str | None
    wait: float = 0.0

    def targets(self) -> list[str | Path | None]:
        """The stores `backend` names: the RDF store (`endpoint`, else the folder `store`),
        Neo4j (`neo4j`, else $NEO4J_URI), or both, in that order."""
        if self.backend not in BACKENDS:
            raise ValueError(f"`backend` takes one of {', '.join(BACKENDS)}")
        rdf = [self.endpoint or self.store] if self.backend != "neo4j" else []
        return rdf + ([neo4j_uri(self.neo4j)] if self.backend != "rdf" else [])


def neo4j_uri(uri: str | None) -> str:
    """`uri`, else $NEO4J_URI; neither is an error saying how to give one."""
    uri = uri or os.environ.get("NEO4J_URI")
    if not uri:
        raise ValueError("no Neo4j to talk to: give `neo4j` (a Bolt URI) or set NEO4J_URI "
                         "(start a local one with `make neo4j`)")
    return uri


def load_fragments(fragments: Iterable[Fragment | Rendered], report: BuildReport,
                   progress: Progress | None, target: Target) -> BuildReport:
    """Write fragments batch by batch to the target's stores; fills and returns `report`.
    Rendered fragments (graph.rdf.render) only go to the RDF store."""
    with ExitStack() as stack:
        stores: list[Store] = [stack.enter_context(open_target(t, wait=target.wait))
                               for t in target.targets()]
        for store in stores:
            store.write_base(target.reference)
        it = iter(fragments)
        while batch := list(islice(it, BATCH)):
            report.documents += len(batch)
            for i, store in enumerate(stores):
                report.add(store.write_fragments(batch), store, first=i == 0)
            if progress:
                progress(report.documents)
    return report

