"""A view's rows as the triples of the graphs that state them, in graph.rdf_read's plain form.

The view queries (viz/queries/) give each term as text: its value, datatype, language and
whether it is an IRI. The walk (viz.read) gathers the rows graph by graph as plain triples
and graph.rdf_read.from_plain reads each graph back into a fragment, as it reads a whole
article's. A row makes no rdflib term on its way: at 100k articles a person view's 20,000
rows made two rdflib terms each, a fifth of its Python time.

>>> from collections import defaultdict
>>> triples: Triples = defaultdict(set)
>>> add_row(triples, {"graph": "urn:g", "dated": "2024-05-31", "predicate": "urn:p",
...                   "value": "Hòa", "iri": False, "lang": "vi"}, "urn:s")
>>> sorted(triples["urn:g"])[1]
('urn:s', 'urn:p', Lit(text='Hòa', tag='vi', value='Hòa'))
"""

from __future__ import annotations

from typing import Any

from vnkg.graph.rdf import statement_iri
from vnkg.graph.rdf_read import Lit, Plain, Triple, plain_literal
from vnkg.graph.vocab import VNKG, node_iri

Row = dict[str, Any]
Triples = dict[str, set[Triple]]  # a graph's IRI: the triples read of it
_DATED = str(VNKG.dated)


def add_row(triples: Triples, row: Row, subject: str) -> None:
    """One row as a triple of `subject` in its graph, with the graph's date if it gives one."""
    graph = row["graph"]
    found = triples[graph]
    if row.get("dated"):
        found.add((graph, _DATED, Lit(row["dated"], "", row["dated"])))
    found.add((subject, row["predicate"], term(row)))


def add_relation_row(triples: Triples, row: Row, rel: str) -> None:
    """One row of a relation's reading (relation `rel`): the relation's own row leaves its
    terms to its ends and link (the query does not read them again as text); a row of a
    statement of another relation between the same ends is left out."""
    if not of_relation(row, rel):
        return
    if row["subject"] is None:
        target = str(node_iri(row["target"]))
        add_row(triples, {**row, "predicate": row["link"], "value": target, "iri": True},
                str(node_iri(row["source"])))
    else:
        add_row(triples, row, row["subject"])


def of_relation(row: Row, rel: str) -> bool:
    """Whether a row of a relation's reading is of relation `rel`: the relation's own row,
    or a row of its statement, whose IRI is a hash of its ends and type (the store states
    no statement's type: two relations between the same nodes give each statement with
    both links)."""
    statement = row.get("statement")
    return not statement or statement == statement_iri((row["source"], rel, row["target"]))


def term(row: Row) -> Plain:
    """A row's value, datatype, language and IRI flag as the reader's term."""
    value = str(row["value"])
    if row["iri"] in (True, "true", 1):
        return value
    return plain_literal(value, row.get("lang") or "", row.get("datatype") or "")
