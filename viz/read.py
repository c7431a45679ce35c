"""A view's graph read from the store: only the nodes and relations it draws.

Reading the whole graph to draw a handful of nodes cost seconds (the decree view read the
290k triples of the reference gazetteer to draw a few localities). Here a view walks the
store a node at a time through `Store.select` with bound parameters (the queries are data,
in viz/queries/, run by viz.view_queries): first the relations around the nodes it visits
(ids and classes only), then, for the nodes it keeps, each value once (from the stored
union, merged by the graph model's value rule as the articles' statements would be) and
their sources, and the relations among them as each article's graph states them, read from
the node that starts them. A node that more articles state than a view lists (viz.sources:
a district, a decree) gives their number, and its relations are read one at a time towards
the nodes kept: at 100k articles a meeting view read 870k statements of eleven nodes before
(194 s), 4k now. The result is projected by graph.nx, so the view functions get the nodes
and attributes a whole-graph read gives them.

A read leaves out the reference gazetteer's graph, except for the decree view
(`reference`), which follows the gazetteer's PART_OF links to draw a place's province and
the districts of a province that no article names (as `read_graph` with `reference` did,
there one link away from what the articles name, here as far as the links go).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from rdflib import RDF, Literal, URIRef
from rdflib.term import Node as Term

from vnkg.graph.model import Graph
from vnkg.graph.nx import to_networkx
from vnkg.graph.rdf import graph_iri, statement_iri
from vnkg.graph.rdf_read import from_quads
from vnkg.graph.vocab import (
    LABEL_OF_CLASS,
    RELATION_OF_PREDICATE,
    VNKG,
    node_id_of,
    node_iri,
)
from vnkg.loaders.rdf import DIGEST_IRI, REFERENCE
from vnkg.viz import sources as listed
from vnkg.viz.view_queries import select_view

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_NO_GRAPH = URIRef("https://vnkg.dev/view-no-graph")  # skipped by a read that skips none
# an id is no value (and a value's graph of a class and an id alone would read as a
# locality only named: graph.rdf_read)
_NOT_VALUES = frozenset((DIGEST_IRI, str(VNKG.id)))
_GAZETTEER = graph_iri(REFERENCE)  # made once: a view compares a graph with it on every row
_VALUE = "view-value/"  # the graphs holding one value of a node each (not articles)
Key = tuple[str, str, str]  # (source, relation type, target)
# a node stated by many articles has all its relations read at once when the relations and
# articles it has are at most this many times the relations a view keeps of it
HUB_READ_ALL = 2
# a kept node that few articles state has its relations in read from its side (all of them,
# those of the people in a meeting that the view leaves out too) when this many nodes that
# many articles state start one
INTO_FROM = 2


@dataclass
class Walk:
    """The skeleton a view walks: relations (source, type, target) with their predicate,
    each node's label, and the nodes whose relations were read (`expanded`)."""

    store: Any
    reference: bool = False
    labels: dict[str, str] = field(default_factory=dict)
    edges: dict[Key, str] = field(default_factory=dict)
    expanded: set[str] = field(default_factory=set)
    out: dict[str, set[Key]] = field(default_factory=lambda: defaultdict(set))
    into: dict[str, set[Key]] = field(default_factory=lambda: defaultdict(set))

    @property
    def skip(self) -> URIRef | None:
        """The graph a read of nodes leaves out (None for none)."""
        return None if self.reference else _GAZETTEER

    def edge_skip(self, rel: str) -> URIRef | None:
        """The graph a read of a relation leaves out: of the gazetteer's, only PART_OF."""
        return None if self.reference and rel == "PART_OF" else _GAZETTEER

    def _skipped(self, graph: str | None, rel: str) -> bool:
        """Whether a row from `graph` (an IRI as text) is of the graph `edge_skip` leaves out
        (compared as text: an rdflib IRI never equals a plain string)."""
        skip = self.edge_skip(rel)
        return skip is not None and graph == str(skip)

    def expand(self, node: str) -> None:
        """Read the relations touching `node` (once): those the articles state and, with
        `reference`, the gazetteer's PART_OF links too."""
        if node in self.expanded:
            return
        self.expanded.add(node)
        self._read(node, _GAZETTEER, None)
        if self.reference:
            self._read(node, None, "PART_OF")

    def _read(self, node: str, skip: URIRef | None, only: str | None) -> None:
        for row in select_view(self.store, "incident", node=node_iri(node), skip=skip):
            rel = RELATION_OF_PREDICATE.get(URIRef(row["predicate"]))
            if only and rel != only:
                continue
            labels = [LABEL_OF_CLASS.get(URIRef(row[c])) for c in ("source_class",
                                                                  "target_class")]
            if rel is None or None in labels:
                continue
            self.labels[row["source"]], self.labels[row["target"]] = labels  # type: ignore
            key = (row["source"], rel, row["target"])
            self.edges[key] = row["predicate"]
            self.out[key[0]].add(key)
            self.into[key[2]].add(key)

    def outs(self, node: str, types: Iterable[str]) -> set[str]:
        """Targets of `node`'s relations of `types` (read first)."""
        self.expand(node)
        wanted = set(types)
        return {t for _, rel, t in self.out[node] if rel in wanted}

    def ins(self, node: str, types: Iterable[str]) -> set[str]:
        """Sources of the relations of `types` into `node` (read first)."""
        self.expand(node)
        wanted = set(types)
        return {s for s, rel, _ in self.into[node] if rel in wanted}

    def neighbours(self, node: str) -> set[str]:
        """Every node one relation away."""
        self.expand(node)
        return {k[2] for k in self.out[node]} | {k[0] for k in self.into[node]}

    def ancestors(self, node: str) -> set[str]:
        """Every node reached from `node` by PART_OF, read as far as it goes."""
        seen: set[str] = set()
        todo = [node]
        while todo:
            for parent in self.outs(todo.pop(), ("PART_OF",)):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return seen

    def graph(self, nodes: Iterable[str], relations: bool = True) -> nx.MultiDiGraph:
        """The networkx graph of `nodes` and every relation among them (none unless
        `relations`), each attribute read from the articles' graphs."""
        keep = set(nodes)
        triples: dict[str, set[tuple[Term, Term, Term]]] = defaultdict(set)
        sources = {node: self._read_node(node, triples) for node in sorted(keep)}
        hubs = {node: n for node, n in sources.items() if isinstance(n, int)}
        pending: dict[str, set[str]] = defaultdict(set)  # target: the hubs to read it from
        for node in sorted(keep) if relations else ():  # each relation starts at a kept node
            if node in hubs:
                for target in self._read_hub_edges(node, hubs[node], keep, set(hubs), triples):
                    pending[target].add(node)
            else:
                self._read_edges(node, keep, triples)
        for target, starts in sorted(pending.items()):
            if len(starts) >= INTO_FROM:
                for row in select_view(self.store, "edges-into", target=target):
                    if row["source"] in starts:
                        self._add_edge_row(row, triples)
            else:
                for source in sorted(starts):
                    self._read_edge(source, target, triples)
        graph = Graph()
        for g, found in sorted(triples.items()):
            graph.add_fragment(from_quads(node_id_of(g).removeprefix("article/"),
                                          sorted(found)))
        for node, articles in sources.items():
            if node in graph.nodes and isinstance(articles, set):
                graph.sources[node] = articles
        drawn = to_networkx(graph)
        for node, articles in sources.items():
            if node in drawn and isinstance(articles, int):
                drawn.nodes[node].update(sources=[], source_count=articles)
        return drawn

    def _read_edges(self, source: str, keep: set[str],
                    triples: dict[str, set[tuple[Term, Term, Term]]]) -> None:
        """The relations `source` starts towards the nodes kept, as each graph states them
        (the gazetteer's graph only for PART_OF, with `reference`)."""
        for row in select_view(self.store, "edges-from", source=source):
            if row["target"] in keep:
                self._add_edge_row(row, triples)

    def _read_hub_edges(self, source: str, graphs: int, keep: set[str], hubs: set[str],
                        triples: dict[str, set[tuple[Term, Term, Term]]]) -> set[str]:
        """As `_read_edges`, for a node that `graphs` articles state, so many that reading
        every relation it starts in every one of them could cost seconds (a district that
        28,000 articles place): unless the view keeps most of them anyway (a person in 112
        meetings, 100 drawn; HUB_READ_ALL), where one reading of all is cheapest, the
        relations towards each kept node of the `hubs` one at a time; the kept nodes that
        few articles state are returned, to be read from their side when INTO_FROM hubs or
        more start relations into them (the meetings of a person in 845 meetings and of
        the busy people with him: 100 queries, not 470), else one relation at a time."""
        rows = [row for row in select_view(self.store, "outgoing", source=source)
                if URIRef(row["link"]) in RELATION_OF_PREDICATE]
        targets = {row["target"] for row in rows if row["target"] in keep}
        if max(graphs, len(rows)) <= HUB_READ_ALL * len(targets):
            self._read_edges(source, keep, triples)
            return set()
        for target in sorted(targets & hubs):
            self._read_edge(source, target, triples)
        return targets - hubs

    def _read_edge(self, source: str, target: str,
                   triples: dict[str, set[tuple[Term, Term, Term]]]) -> None:
        """The relations from `source` to `target`, as each graph states them."""
        for row in select_view(self.store, "edge", source=node_iri(source),
                               target=node_iri(target), skip=self.skip):
            self._add_edge_row(row, triples)

    def _add_edge_row(self, row: dict[str, Any],
                      triples: dict[str, set[tuple[Term, Term, Term]]]) -> None:
        """One row of a relation's reading, if it is of a relation of the model, of the
        statement of that relation, and of a graph the view reads that relation from. The
        relation's own row leaves its terms to its ends and link (the query does not read
        them again as text)."""
        rel = RELATION_OF_PREDICATE.get(URIRef(row["link"]))
        if rel is None or self._skipped(row["graph"], rel) or not _of_relation(row, rel):
            return
        if row["subject"] is None:
            target = str(node_iri(row["target"]))
            _add(triples, {**row, "predicate": row["link"], "value": target, "iri": True},
                 node_iri(row["source"]))
        else:
            _add(triples, row, URIRef(row["subject"]))

    def _read_node(self, node: str, triples: dict[str, set[tuple[Term, Term, Term]]]
                   ) -> set[str] | int:
        """Each value of `node` in a graph of its own (with the node's class), which the
        value rule merges as it merges the articles' statements; the node's sources (their
        number past what a view lists)."""
        skip = self.skip
        if skip is not None and self.labels.get(node, "Locality") == "Locality" and select_view(
                self.store, "named-only", node=node_iri(node), skip=skip):
            skip = None  # an article names it and the gazetteer describes it for that one
        rows = self._values(node, skip or _NO_GRAPH)
        kinds = [row for row in rows if row["predicate"] == str(RDF.type)]
        for i, row in enumerate(rows):
            one = str(graph_iri(f"{_VALUE}{node}/{i}"))
            for each in (row, *kinds):
                _add(triples, {**each, "graph": one}, node_iri(node))
        return self._sources(node)

    def _values(self, node: str, skip: URIRef) -> list[dict[str, Any]]:
        return [row for row in select_view(self.store, "node-values", node=node_iri(node),
                                           skip=skip)
                if row["predicate"] not in _NOT_VALUES
                and URIRef(row["predicate"]) not in RELATION_OF_PREDICATE]

    def _sources(self, node: str) -> set[str] | int:
        """The articles stating `node`, or their number when a view would not list them
        (viz.sources): counted first, listed only then, as a busy node's 51 graphs cost
        more as text than its count (the 188 people of a co-attendance view at 100k
        articles, all stated by more, read in half the time)."""
        rows = select_view(self.store, "node-count", node=node_iri(node), skip=self.skip)
        count = int(rows[0]["graphs"]) if rows else 0
        if count > listed.SHOWN:
            return count
        graphs = select_view(self.store, "node-graphs", node=node_iri(node), skip=self.skip)
        return {node_id_of(row["graph"]).removeprefix("article/") for row in graphs}


def _of_relation(row: dict[str, Any], rel: str) -> bool:
    """Whether a row of a relation's reading is of relation `rel`: the relation's own row,
    or a row of its statement, whose IRI is a hash of its ends and type (the store states
    no statement's type: two relations between the same nodes give each statement with
    both links)."""
    statement = row.get("statement")
    return not statement or statement == statement_iri((row["source"], rel, row["target"]))


def _add(triples: dict[str, set[tuple[Term, Term, Term]]], row: dict[str, Any],
         subject: Term) -> None:
    """One term-as-text row as an rdflib triple in its graph, and the graph's date."""
    graph = row["graph"]
    if row.get("dated"):
        triples[graph].add((URIRef(graph), VNKG.dated, Literal(row["dated"])))
    triples[graph].add((subject, URIRef(row["predicate"]), _term(row)))


def _term(row: dict[str, Any]) -> Term:
    value = str(row["value"])
    if row["iri"] in (True, "true", 1):
        return URIRef(value)
    if row.get("lang"):
        return Literal(value, lang=row["lang"])
    datatype = row.get("datatype")
    return Literal(value, datatype=URIRef(datatype)) if datatype and datatype != _XSD_STRING \
        else Literal(value)
