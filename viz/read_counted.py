"""The relations a view counts rather than reads graph by graph: those between two nodes
that many articles state (a post in a unit stated by 1,685 articles), and from such a node
to one that few state but too few such nodes start relations into to read it from its side.

A view draws of a relation its articles (their number past what it lists: viz.sources),
its first and last dates, and what its statements qualify it with. Read graph by graph,
the relations of a person view at 100k articles were 15,700 rows (0.55-0.73 s to read,
then each made a triple in Python); counted (relation-counts, relation-graphs), they are
46 rows (0.15 s), and only their statements are read graph by graph (statement-rows),
each found at its IRI, the hash of its relation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from rdflib import URIRef

from vnkg.graph.rdf import graph_iri, statement_iri
from vnkg.graph.vocab import ID, RELATION_OF_PREDICATE, node_id_of, node_iri, predicate_for
from vnkg.loaders.rdf import REFERENCE
from vnkg.viz import sources as listed
from vnkg.viz.read_rows import Row, Triples, add_row
from vnkg.viz.view_queries import select_each, select_pairs

GAZETTEER = graph_iri(REFERENCE)  # made once: a view compares a graph with it on every row
_GAZETTEER_TEXT = str(GAZETTEER)
PART_OF = predicate_for("PART_OF", "Locality")  # the gazetteer's links a decree view reads
NO_DATE = "\U0010ffff"  # relation-counts' first date of a relation no dated graph states
Key = tuple[str, str, str]  # (source, relation type, target)


@dataclass
class Counted:
    """A relation as relation-counts gives it: its link (predicate), the number of graphs
    stating it, their first and last dates, and their articles when a view lists them."""

    link: str
    graphs: int
    first: str | None
    last: str | None
    sources: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, row: Row) -> Counted:
        first = row["first"] if row["first"] != NO_DATE else None
        return cls(row["link"], int(row["graphs"]), first or None, row["last"] or None)

    def draw(self, drawn: nx.MultiDiGraph, key: Key) -> None:
        """The relation `key` in `drawn` with its articles (their number past what a view
        lists: viz.sources) and dates: the edge graph.nx made of its statements, or a new
        one, as graph.nx makes an edge no statement qualifies."""
        source, rel, target = key
        many = self.graphs > listed.SHOWN
        attrs: dict[str, Any] = {"sources": [] if many else sorted(self.sources),
                                 "first_seen": self.first, "last_seen": self.last}
        if many:
            attrs["source_count"] = self.graphs
        if drawn.has_edge(source, target, key=rel):
            drawn.edges[source, target, rel].update(attrs)
        else:
            drawn.add_edge(source, target, key=rel, type=rel, evidence=[], **attrs)


def read_counted(store: Any, pairs: set[tuple[str, str]], triples: Triples,
                 reference: bool = False) -> dict[Key, Counted]:
    """The relations between each of `pairs` (source, target), as a view draws them:
    their number of articles, first and last dates, and their articles when a view lists
    them (relation-counts, relation-graphs), rather than a row an article; and their
    statements' rows (`_read_statements`). The gazetteer's graph counts for the PART_OF
    links of a view that follows them (`reference`) only."""
    rule = {"skip": GAZETTEER, "through": PART_OF if reference else None}
    counted: dict[Key, Counted] = {}
    for row in select_pairs(store, "relation-counts", pairs, **rule):
        key = _key(row, pairs)
        if key:
            counted[key] = Counted.of(row)
    few = {(s, t) for (s, _, t), seen in counted.items() if seen.graphs <= listed.SHOWN}
    for row in select_pairs(store, "relation-graphs", few, **rule):
        key = _key(row, few)
        if key in counted and counted[key].graphs <= listed.SHOWN:
            counted[key].sources.append(article(row["graph"]))
    _read_statements(store, counted, triples, reference)
    return counted


def _read_statements(store: Any, counted: dict[Key, Counted], triples: Triples,
                     reference: bool) -> None:
    """The properties and evidence of the statements of the relations `counted`, each in
    its graph with the relation, for graph.rdf_read to read them as it reads an article's
    (statement-rows: found at their IRIs, the hash of each relation)."""
    statements = {statement_iri(key).removeprefix(ID): key for key in counted}
    for row in select_each(store, "statement-rows", "st", statements):
        key = statements[row["statement"].removeprefix(ID)]
        if not skipped(row["graph"], key[1], reference):
            add_row(triples, row, row["subject"])
            relation = {"graph": row["graph"], "predicate": counted[key].link,
                        "value": str(node_iri(key[2])), "iri": True}
            add_row(triples, relation, str(node_iri(key[0])))


def _key(row: Row, pairs: set[tuple[str, str]]) -> Key | None:
    """The relation a row of relation-counts or relation-graphs is of, if of a pair
    asked for and a relation of the model."""
    rel = RELATION_OF_PREDICATE.get(URIRef(row["link"]))
    return (row["a"], rel, row["b"]) if rel and (row["a"], row["b"]) in pairs else None


def skipped(graph: str | None, rel: str, reference: bool) -> bool:
    """Whether a view leaves out a row of relation `rel` from `graph` (an IRI as text): the
    gazetteer's, but for its PART_OF links in a view that follows them (`reference`).
    Compared as text: an rdflib IRI never equals a plain string.

    >>> skipped(str(GAZETTEER), "PART_OF", True), skipped(str(GAZETTEER), "BECAME", True)
    (False, True)
    """
    return graph == _GAZETTEER_TEXT and not (reference and rel == "PART_OF")


def article(graph: str) -> str:
    """The article a graph's IRI (as text) is of."""
    return node_id_of(graph).removeprefix("article/")
