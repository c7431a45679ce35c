"""A view's graph read from the store: only the nodes and relations it draws.

Reading the whole graph to draw a handful of nodes cost seconds (the decree view read the
290k triples of the reference gazetteer to draw a few localities). Here a view walks the
store a step at a time through `Store.select`, the nodes of a step bound as one VALUES
block (the queries are data, in viz/queries/, run by viz.view_queries): first the relations
around the nodes it visits (ids and classes only), then, for the nodes it keeps, each value
once (from the stored union, merged by the graph model's value rule as the articles'
statements would be) and their sources, and the relations among them as each article's
graph states them, read from the node that starts them. A node that more articles state
than a view lists (viz.sources: a district, a decree) gives their number, and its
relations towards the nodes kept are counted rather than read graph by graph
(viz.read_counted): at 100k articles a meeting view read 870k statements of eleven nodes
before (194 s), 4k now. The rows are read back as each graph's triples (viz.read_rows) and
projected by graph.nx, so the view functions get the nodes and attributes a whole-graph
read gives them. A person view at 100k articles asked 956 queries, one a node, each
planned anew, and read 32,800 rows; it asks 17 now, and reads 17,100.

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
from rdflib import RDF, URIRef

from vnkg.graph.model import Graph
from vnkg.graph.nx import to_networkx
from vnkg.graph.rdf import graph_iri
from vnkg.graph.rdf_read import from_plain
from vnkg.graph.vocab import LABEL_OF_CLASS, RELATION_OF_PREDICATE, VNKG, node_iri
from vnkg.loaders.rdf import DIGEST_IRI
from vnkg.viz import sources as listed
from vnkg.viz.read_counted import GAZETTEER as _GAZETTEER
from vnkg.viz.read_counted import Counted, Key, article, read_counted, skipped
from vnkg.viz.read_rows import Row, Triples, add_relation_row, add_row
from vnkg.viz.view_queries import select_each

_NO_GRAPH = URIRef("https://vnkg.dev/view-no-graph")  # skipped by a read that skips none
# an id is no value (and a value's graph of a class and an id alone would read as a
# locality only named: graph.rdf_read)
_NOT_VALUES = frozenset((DIGEST_IRI, str(VNKG.id)))
_RELATIONS = frozenset(str(p) for p in RELATION_OF_PREDICATE)
_RDF_TYPE = str(RDF.type)
_VALUE = "view-value/"  # the graphs holding one value of a node each (not articles)
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

    def expand(self, node: str) -> None:
        """Read the relations touching `node` (once): those the articles state and, with
        `reference`, the gazetteer's PART_OF links too."""
        self.expand_all((node,))

    def expand_all(self, nodes: Iterable[str]) -> None:
        """`expand` each of `nodes`, those not read yet in one query (a step of a walk).

        >>> from vnkg.loaders.oxigraph_store import OxigraphStore
        >>> with OxigraphStore(None) as store:
        ...     walk = Walk(store)
        ...     walk.expand_all(["person/a", "meeting/b"])
        ...     sorted(walk.expanded)
        ['meeting/b', 'person/a']
        """
        todo = set(nodes) - self.expanded
        if not todo:
            return
        self.expanded |= todo
        self._read(todo, _GAZETTEER, None)
        if self.reference:
            self._read(todo, None, "PART_OF")

    def _read(self, nodes: set[str], skip: URIRef | None, only: str | None) -> None:
        for row in select_each(self.store, "incident", "node", nodes, skip=skip):
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
        """Every node reached from `node` by PART_OF, read as far as it goes, a level at a
        time."""
        seen: set[str] = set()
        level = {node}
        while level:
            self.expand_all(level)
            level = {p for n in level for p in self.outs(n, ("PART_OF",))} - seen
            seen |= level
        return seen

    def graph(self, nodes: Iterable[str], relations: bool = True) -> nx.MultiDiGraph:
        """The networkx graph of `nodes` and every relation among them (none unless
        `relations`), each attribute read from the articles' graphs."""
        keep = set(nodes)
        triples: Triples = defaultdict(set)
        sources = self._read_nodes(keep, triples)
        counted: dict[Key, Counted] = {}
        if relations:
            hubs = {node: n for node, n in sources.items() if isinstance(n, int)}
            counted = self._read_relations(keep, hubs, triples)
        graph = Graph()
        for g, found in sorted(triples.items()):
            graph.add_fragment(from_plain(article(g), found))
        for node, articles in sources.items():
            if node in graph.nodes and isinstance(articles, set):
                graph.sources[node] = articles
        drawn = to_networkx(graph)
        for node, articles in sources.items():
            if node in drawn and isinstance(articles, int):
                drawn.nodes[node].update(sources=[], source_count=articles)
        for key, seen in sorted(counted.items()):
            seen.draw(drawn, key)
        return drawn

    def _read_relations(self, keep: set[str], hubs: dict[str, int],
                        triples: Triples) -> dict[Key, Counted]:
        """The relations among the nodes kept, each read from the side that starts it, as
        each graph states them: those of the nodes few articles state at once, and of
        each of the `hubs` (the nodes more state, with their number) as `_hub_targets`
        says; a node that few articles state and INTO_FROM hubs or more start relations
        into has them read from its side (the meetings of a person in 845 meetings and of
        the busy people with him: one query, not 470). The other relations of the hubs
        are counted (viz.read_counted), and returned."""
        outgoing: dict[str, list[Row]] = defaultdict(list)
        for row in select_each(self.store, "outgoing", "a", hubs):
            if URIRef(row["link"]) in RELATION_OF_PREDICATE:
                outgoing[row["source"]].append(row)
        starts = set(keep) - set(hubs)
        pending: dict[str, set[str]] = defaultdict(set)  # target: the hubs to read it from
        pairs: set[tuple[str, str]] = set()
        for hub in sorted(hubs):
            targets = self._hub_targets(hubs[hub], outgoing[hub], keep)
            if targets is None:
                starts.add(hub)
            for target in targets or ():
                if target in hubs:
                    pairs.add((hub, target))
                else:
                    pending[target].add(hub)
        for row in select_each(self.store, "edges-from", "a", starts):
            if row["target"] in keep:
                self._add_relation_row(row, triples)
        into = {t for t, hubs_in in pending.items() if len(hubs_in) >= INTO_FROM}
        for row in select_each(self.store, "edges-into", "b", into):
            if row["source"] in pending[row["target"]]:
                self._add_relation_row(row, triples)
        pairs |= {(hub, t) for t in set(pending) - into for hub in pending[t]}
        return read_counted(self.store, pairs, triples, self.reference)

    @staticmethod
    def _hub_targets(graphs: int, rows: list[Row], keep: set[str]) -> set[str] | None:
        """Of a node that `graphs` articles state, so many that reading every relation it
        starts in every one of them could cost seconds (a district that 28,000 articles
        place), the kept nodes its relations (`rows`, from the union) go to, to be read
        towards each; None when the view keeps most of them anyway (a person in 112
        meetings, 100 drawn; HUB_READ_ALL), where one reading of all is cheapest."""
        targets = {row["target"] for row in rows if row["target"] in keep}
        return None if max(graphs, len(rows)) <= HUB_READ_ALL * len(targets) else targets

    def _add_relation_row(self, row: Row, triples: Triples) -> None:
        """One row of a relation's reading, if it is of a relation of the model and of a
        graph the view reads that relation from."""
        rel = RELATION_OF_PREDICATE.get(URIRef(row["link"]))
        if rel is not None and not skipped(row["graph"], rel, self.reference):
            add_relation_row(triples, row, rel)

    def _read_nodes(self, keep: set[str], triples: Triples) -> dict[str, set[str] | int]:
        """Each value of each node kept in a graph of its own (with the node's class), which
        the value rule merges as it merges the articles' statements; each node's sources
        (their number past what a view lists)."""
        skip, named_only = self.skip, set()
        if skip is not None:  # an article names it and the gazetteer describes it for that one
            places = [n for n in keep if self.labels.get(n, "Locality") == "Locality"]
            named_only = {row["node"] for row in
                          select_each(self.store, "named-only", "node", places, skip=skip)}
        values: dict[str, list[Row]] = defaultdict(list)
        for nodes, leave_out in ((keep - named_only, skip or _NO_GRAPH), (named_only, _NO_GRAPH)):
            for row in select_each(self.store, "node-values", "node", nodes, skip=leave_out):
                if row["predicate"] not in _NOT_VALUES and row["predicate"] not in _RELATIONS:
                    values[row["node"]].append(row)
        for node, rows in values.items():
            kinds = [row for row in rows if row["predicate"] == _RDF_TYPE]
            for i, row in enumerate(rows):
                one = str(graph_iri(f"{_VALUE}{node}/{i}"))
                for each in (row, *kinds):
                    add_row(triples, {**each, "graph": one}, str(node_iri(node)))
        return self._sources(keep)

    def _sources(self, keep: set[str]) -> dict[str, set[str] | int]:
        """The articles stating each node kept, or their number when a view would not list
        them (viz.sources): counted first, listed only then, as a busy node's 51 graphs
        cost more as text than its count (the 188 people of a co-attendance view at 100k
        articles, all stated by more, read in half the time)."""
        counts = {row["node"]: int(row["graphs"]) for row in
                  select_each(self.store, "node-count", "node", keep, skip=self.skip)}
        few = {node for node in keep if counts.get(node, 0) <= listed.SHOWN}
        graphs: dict[str, set[str]] = {node: set() for node in few}
        for row in select_each(self.store, "node-graphs", "node", few, skip=self.skip):
            graphs[row["node"]].add(article(row["graph"]))
        found: dict[str, set[str] | int] = {node: counts[node] for node in keep - few}
        return found | graphs
