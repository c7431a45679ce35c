"""A view's graph read from the store: only the nodes and relations it draws.

Reading the whole graph to draw a handful of nodes cost seconds (the decree view read the
290k triples of the reference gazetteer to draw a few localities). Here a view walks the
store a node at a time through `Store.select` with bound parameters (the queries are data,
in viz/queries/): first the relations around the nodes it visits (ids and classes only),
then, for the nodes and relations it keeps, what each article's graph states of them. Those
statements become one small fragment per article (graph.rdf.from_quads), merged by the
graph model (graph.model.Graph, the value rule included) and projected by graph.nx, so the
view functions get exactly the nodes and attributes a whole-graph read gives them.

A read leaves out the reference gazetteer's graph, except for the decree view
(`reference`), which follows the gazetteer's PART_OF links to draw a place's province and
the districts of a province that no article names (as `read_graph` with `reference` did,
there one link away from what the articles name, here as far as the links go).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.term import Node as Term

from vnkg.extraction.keys import name_key
from vnkg.graph.model import Graph
from vnkg.graph.nx import to_networkx
from vnkg.graph.rdf import from_quads, graph_iri
from vnkg.graph.vocab import (
    CLASSES,
    LABEL_OF_CLASS,
    PROPERTY_OF_PREDICATE,
    RELATION_OF_PREDICATE,
    VNKG,
    node_id_of,
    node_iri,
)
from vnkg.loaders.rdf import DIGEST_IRI, REFERENCE
from vnkg.queries import read_query
from vnkg.viz.match import require_nodes

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
Key = tuple[str, str, str]  # (source, relation type, target)


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
    def skip(self) -> str:
        """The graph IRI a read of nodes leaves out ("" for none)."""
        return "" if self.reference else str(graph_iri(REFERENCE))

    def edge_skip(self, rel: str) -> str:
        """The graph a read of a relation leaves out: of the gazetteer's, only PART_OF."""
        return "" if self.reference and rel == "PART_OF" else str(graph_iri(REFERENCE))

    def expand(self, node: str) -> None:
        """Read the relations touching `node` (once): those the articles state and, with
        `reference`, the gazetteer's PART_OF links too."""
        if node in self.expanded:
            return
        self.expanded.add(node)
        self._read(node, str(graph_iri(REFERENCE)), None)
        if self.reference:
            self._read(node, "", "PART_OF")

    def _read(self, node: str, skip: str, only: str | None) -> None:
        for row in select_view(self.store, "incident", node=node, skip=skip):
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

    def graph(self, nodes: Iterable[str]) -> nx.MultiDiGraph:
        """The networkx graph of `nodes` and every relation among them, each attribute
        read from the articles' graphs."""
        keep = set(nodes)
        for node in sorted(keep):  # every relation among them, the walk's frontier's too
            self.expand(node)
        triples: dict[str, set[tuple[Term, Term, Term]]] = defaultdict(set)
        for node in sorted(keep):
            for row in select_view(self.store, "node", node=node, skip=self.skip):
                if row["predicate"] != DIGEST_IRI and \
                        URIRef(row["predicate"]) not in RELATION_OF_PREDICATE:
                    _add(triples, row, node_iri(node))
        for (s, rel, t), predicate in sorted(self.edges.items()):
            if s in keep and t in keep:
                for row in select_view(self.store, "edge", source=s, link=URIRef(predicate),
                                   target=t, relation=rel, skip=self.edge_skip(rel)):
                    _add(triples, row, URIRef(row["subject"]))
        graph = Graph()
        for g, found in sorted(triples.items()):
            graph.add_fragment(from_quads(node_id_of(g).removeprefix("article/"),
                                          sorted(found)))
        return to_networkx(graph)


def find(store: Any, label: str, query: str, keys: tuple[str, ...] = ("name",),
         key: Callable[[str], str] = name_key) -> list[str]:
    """The nodes of `label` a view's argument names, as `viz.match.require_nodes` finds
    them among the `candidates`; an id is looked up alone (reading every meeting of a
    100k-article store to find one took minutes)."""
    if select_view(store, "is-a", node=query, **{"class": CLASSES[label]}):
        return [query]
    return require_nodes(candidates(store, label, keys), query, [label], keys, key)


def candidates(store: Any, label: str, keys: tuple[str, ...]) -> nx.MultiDiGraph:
    """The nodes of `label` with the properties in `keys`, as viz.match matches a view's
    argument against them (a graph of those nodes alone)."""
    g = nx.MultiDiGraph()
    for row in select_view(store, "candidates", **{"class": CLASSES[label]}):
        name = PROPERTY_OF_PREDICATE.get(URIRef(row["predicate"]))
        if name in keys:
            g.add_node(row["node"], label=label)
            old = g.nodes[row["node"]].get(name)
            value = str(row["value"])
            g.nodes[row["node"]][name] = value if old is None else min(old, value)
    return g


def select_view(store: Any, name: str, **params: Any) -> list[dict[str, Any]]:
    """The rows of view query `name` (viz/queries/NAME.rq) on `store`, `params` bound."""
    query = read_query(name, store.language, package=__name__.rsplit(".", 1)[0] + ".queries")
    rows: list[dict[str, Any]] = store.select(query.text, params)
    return rows


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
