"""The whole graph out of the store: Turtle, N-Quads, JSON-LD, CSV for `neo4j-admin database
import`, and a Cypher script that recreates it; and, from any store (RDF or Neo4j), the
officials-data interchange formats: Popolo JSON (loaders.popolo) and FollowTheMoney
(loaders.ftm).

Turtle and JSON-LD hold the union of the articles (the default graph); N-Quads keeps each
article's named graph. CSV and Cypher are written from the rows the Bolt loader writes
(loaders.neo4j_export), so they load into Neo4j as the Bolt loader would.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rdflib import Dataset
from rdflib import Graph as RdfGraph

from vnkg.graph.rdf import graph_iri
from vnkg.graph.schema import SCHEMA
from vnkg.loaders.neo4j_export import store_rows, write_cypher_script, write_neo4j_csv
from vnkg.loaders.oxigraph_terms import PREFIXES_BOUND
from vnkg.loaders.rdf import REFERENCE, RdfBase

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


def export_graph(store: RdfBase, fmt: str, output: str | Path, reference: bool = True
                 ) -> list[Path]:
    """Write the whole graph in `fmt` to `output` (a folder for csv); the files written.
    Without `reference`, the gazetteer's reference localities are left out, in every format
    (CSV and Cypher otherwise hold them whole, as the Bolt loader writes them).

    >>> from vnkg.loaders.oxigraph_store import OxigraphStore
    >>> export_graph(OxigraphStore(None), "yaml", "x")
    Traceback (most recent call last):
    ...
    ValueError: unknown export format 'yaml'; choose one of turtle, nquads, jsonld, csv, cypher
    """
    out = Path(output)
    if fmt in ("turtle", "jsonld"):
        union = RdfGraph()
        for prefix, ns in PREFIXES_BOUND.items():
            union.bind(prefix, ns)
        if reference:
            for triple in store.union_triples():
                union.add(triple)
        else:  # the union of the named graphs but the reference one
            for s_, p_, o_, _ in _quads(store, reference):
                union.add((s_, p_, o_))
        if fmt == "jsonld":  # compacted: prefixed names, not every IRI written in full
            union.serialize(out, format="json-ld", encoding="utf-8", context=jsonld_context(),
                            auto_compact=True)
        else:
            union.serialize(out, format="turtle", encoding="utf-8")
        return [out]
    if fmt == "nquads":
        dataset = Dataset()
        # the default graph is the union of the named graphs; the file keeps them apart
        quads: Any = _quads(store, reference)
        dataset.addN(quads)
        dataset.serialize(out, format="nquads", encoding="utf-8")
        return [out]
    if fmt == "csv":
        return write_neo4j_csv(store_rows(store, reference), out)
    if fmt == "cypher":
        with out.open("w", encoding="utf-8") as f:
            write_cypher_script(store_rows(store, reference), f)
        return [out]
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(GRAPH_FORMATS)}")


def jsonld_context() -> dict[str, str]:
    """The JSON-LD `@context` of the export: the project's prefixes (graph/schema.toml).

    >>> jsonld_context()["org"]
    'http://www.w3.org/ns/org#'
    """
    return dict(SCHEMA.prefixes)


def _quads(store: RdfBase, reference: bool) -> Any:
    """The quads of the named graphs (the union left out), with the reference gazetteer's
    graph or without it."""
    if reference:
        return store.quads()
    skip = graph_iri(REFERENCE)
    return (q for q in store.quads() if q[3] != skip)
