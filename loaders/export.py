"""The whole graph out of the store: Turtle, N-Quads, JSON-LD, CSV for `neo4j-admin database
import`, and a Cypher script that recreates it; and, from any store (RDF or Neo4j), the
officials-data interchange formats: Popolo JSON (loaders.popolo) and FollowTheMoney
(loaders.ftm).

Turtle and JSON-LD hold the union of the articles (the default graph); N-Quads keeps each
article's named graph. CSV and Cypher are written from the graph model, so they load into
Neo4j with the same labels, types and ids as the Bolt loader.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, TextIO

from rdflib import Dataset
from rdflib import Graph as RdfGraph

from vnkg.graph.model import LABELS, UNIQUE, Graph
from vnkg.graph.rdf import graph_iri
from vnkg.graph.schema import SCHEMA
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
    Without `reference`, the gazetteer's reference localities are left out (CSV and Cypher,
    written from the articles' graph, never hold them).

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
        return write_neo4j_csv(store.read_graph(), out)
    if fmt == "cypher":
        with out.open("w", encoding="utf-8") as f:
            write_cypher_script(store.read_graph(), f)
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


def write_neo4j_csv(graph: Graph, folder: Path) -> list[Path]:
    """One nodes file per label and one relationships file per type, with the header
    conventions of `neo4j-admin database import` (`id:ID`, `:LABEL`, `:START_ID`, `:END_ID`,
    `:TYPE`; lists as `:string[]` split on `;`)."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for label in LABELS:
        nodes = [n for n in graph.nodes.values() if n.label == label]
        if nodes:
            rows = [{"id:ID": n.id, **n.props, "sources": graph.sources_of(n), ":LABEL": label}
                    for n in nodes]
            written.append(_write_csv(folder / f"nodes_{label}.csv", rows))
    for rel in sorted({e.type for e in graph.edges.values()}):
        rows = []
        for e in (e for e in graph.edges.values() if e.type == rel):
            first, last = graph.seen(e)
            rows.append({":START_ID": e.source, ":END_ID": e.target, ":TYPE": rel, **e.props,
                         "sources": graph.sources_of(e), "first_seen": first, "last_seen": last})
        written.append(_write_csv(folder / f"relationships_{rel}.csv", rows))
    return written


def _write_csv(path: Path, rows: list[dict[str, Any]]) -> Path:
    columns: dict[str, str] = {}
    for row in rows:
        for key, value in row.items():
            columns.setdefault(key, _csv_header(key, value))
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(columns.values())
        for row in rows:
            writer.writerow([_csv_value(row.get(k)) for k in columns])
    return path


def _csv_header(key: str, value: Any) -> str:
    if ":" in key:
        return key
    if isinstance(value, list):
        return f"{key}:string[]"
    if isinstance(value, bool):
        return f"{key}:boolean"
    if isinstance(value, int):
        return f"{key}:long"
    if isinstance(value, float):
        return f"{key}:double"
    return key


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(v).replace(";", ",") for v in value)
    return str(value).lower() if isinstance(value, bool) else str(value)


def write_cypher_script(graph: Graph, out: TextIO) -> None:
    """A Cypher script that recreates the graph with MERGE on ids; every value is written as
    a Cypher literal with quotes and backslashes escaped, so no text can change a statement."""
    out.write("// vnkg graph, written by `vnkg export cypher`\n")
    for label, key in UNIQUE.items():
        out.write(f"CREATE CONSTRAINT {label.lower()}_{key} IF NOT EXISTS "
                  f"FOR (n:{label}) REQUIRE n.{key} IS UNIQUE;\n")
    for node in graph.nodes.values():
        props = {**node.props, "sources": graph.sources_of(node)}
        out.write(f"MERGE (n:{node.label} {{id: {cypher_literal(node.id)}}}) "
                  f"SET n += {_map(props)};\n")
    for edge in graph.edges.values():
        first, last = graph.seen(edge)
        props = {**edge.props, "sources": graph.sources_of(edge), "first_seen": first,
                 "last_seen": last, "evidence": [json.dumps(vars(e), ensure_ascii=False)
                                                 for e in edge.evidence]}
        out.write(f"MATCH (a {{id: {cypher_literal(edge.source)}}}), "
                  f"(b {{id: {cypher_literal(edge.target)}}}) "
                  f"MERGE (a)-[r:{edge.type}]->(b) SET r += {_map(props)};\n")


def _map(props: dict[str, Any]) -> str:
    items = (f"`{k}`: {cypher_literal(v)}" for k, v in props.items()
             if v is not None and k.replace("_", "").isalnum())
    return "{" + ", ".join(items) + "}"


def cypher_literal(value: Any) -> str:
    """A Cypher literal for a property value.

    >>> print(cypher_literal("O'Neil \\\\ } ; MATCH (n) DETACH DELETE n //"))
    'O\\'Neil \\\\ } ; MATCH (n) DETACH DELETE n //'
    >>> cypher_literal(["a", 3])
    "['a', 3]"
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    text = str(value)
    for a, b in (("\\", "\\\\"), ("'", "\\'"), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")):
        text = text.replace(a, b)
    return f"'{text}'"
