"""The whole graph out of the store: Turtle, N-Quads, JSON-LD, CSV for `neo4j-admin database
import`, and a Cypher script that recreates it; and, from any store (RDF or Neo4j), the
officials-data interchange formats: Popolo JSON (loaders.popolo) and FollowTheMoney
(loaders.ftm).

Turtle and JSON-LD hold the union of the articles (the default graph); N-Quads keeps each
article's named graph. The three are streamed from the store by the engine's serializer in
constant memory (loaders.rdf_dump). CSV and Cypher are written from the rows the Bolt loader writes
(loaders.neo4j_export), so they load into Neo4j as the Bolt loader would; those rows are read
an article at a time and merged through sorted runs on disk (loaders.neo4j_stream), so
memory does not grow with the store either.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vnkg.loaders.neo4j_export import write_cypher_script, write_neo4j_csv
from vnkg.loaders.neo4j_stream import sorted_rows
from vnkg.loaders.rdf import RdfBase
from vnkg.loaders.rdf_dump import FORMATS as STREAMED
from vnkg.loaders.rdf_dump import jsonld_context, write_rdf

__all__ = ["GRAPH_FORMATS", "INTERCHANGE_FORMATS", "export_graph", "export_interchange",
           "jsonld_context"]

GRAPH_FORMATS = ("turtle", "nquads", "jsonld", "csv", "cypher")
INTERCHANGE_FORMATS = ("popolo", "ftm")


def export_interchange(store: Any, fmt: str, output: str | Path) -> list[Path]:
    """Write the graph of `store` (any store: RDF or Neo4j) as `fmt`, popolo (one JSON
    document) or ftm (FollowTheMoney entities, JSON Lines), to `output`; the files written.

    >>> export_interchange(None, "yaml", "x")
    Traceback (most recent call last):
    ...
    ValueError: unknown interchange format 'yaml'; choose one of popolo, ftm
    """
    if fmt == "popolo":
        from vnkg.loaders.popolo import export_popolo

        return export_popolo(store, output)
    if fmt == "ftm":
        from vnkg.loaders.ftm import export_ftm

        return export_ftm(store, output)
    raise ValueError(f"unknown interchange format {fmt!r}; choose one of "
                     f"{', '.join(INTERCHANGE_FORMATS)}")


def export_graph(store: RdfBase, fmt: str, output: str | Path, reference: bool = True,
                 jobs: int = 1) -> list[Path]:
    """Write the whole graph in `fmt` to `output` (a folder for csv); the files written.
    Without `reference`, the gazetteer's reference localities are left out, in every format
    (CSV and Cypher otherwise hold them whole, as the Bolt loader writes them). CSV, Cypher
    and the embedded store's N-Quads read a large store on up to `jobs` processes
    (loaders.shares), the same bytes as with one.

    >>> from vnkg.loaders.oxigraph_store import OxigraphStore
    >>> export_graph(OxigraphStore(None), "yaml", "x")
    Traceback (most recent call last):
    ...
    ValueError: unknown export format 'yaml'; choose one of turtle, nquads, jsonld, csv, cypher
    """
    out = Path(output)
    if fmt in STREAMED:
        with out.open("wb") as f:
            write_rdf(store, fmt, f, reference, jobs)
        return [out]
    if fmt == "csv":
        with sorted_rows(store, reference, jobs) as rows:
            return write_neo4j_csv(rows, out)
    if fmt == "cypher":
        with sorted_rows(store, reference, jobs) as rows, out.open("w", encoding="utf-8") as f:
            write_cypher_script(rows, f)
        return [out]
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(GRAPH_FORMATS)}")
