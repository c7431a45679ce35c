"""What the two RDF stores share: an article per named graph, and their union kept.

Each article's statements live in its own named graph. The default graph holds their
union, each triple once, kept up to date with every write, and what every article says
alike of a node or relation, there alone (graph.rdf.Rendered's `union_only`, kept while a
named graph has its subject: loaders.rdf_updates; a node's key, the fold of its name, is
refolded on a replace or delete from the names the graphs still give): queries read node
properties and relations there without the repetition a union view gives (a node named in
1,000 articles would otherwise join 1,000 times), and read provenance in `GRAPH ?g`. The
evidence, one article's own, is its graph's alone (graph.rdf.Rendered's `graph_only`): every
reader finds it there, and `union_triples` adds it to what the union holds. Writing an article
replaces its named graph and updates the union in one transaction, so a re-run changes
nothing, a changed article replaces only its own statements, and a failed batch leaves
the store as it was. A SPARQL server whose default graph is already the union of its named
graphs (Virtuoso) gets the named graphs only (`_keeps_union`).

The engines (loaders.oxigraph_store, embedded; loaders.sparql_store, a SPARQL 1.1 server)
give the few primitives this needs: whether a graph holds anything, its digest stamp, an
update, a select, the triples of one graph, and (embedded only) a bulk write of new graphs.
The text of the updates is made in loaders.rdf_updates.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from importlib import resources
from pathlib import Path
from typing import Any

from rdflib import Graph as RdfGraph
from rdflib import URIRef
from rdflib.term import Node as Term

from vnkg.graph.literals import nt_literal
from vnkg.graph.model import Fragment, Graph
from vnkg.graph.rdf import Rendered, graph_iri, render, to_ntriples
from vnkg.graph.rdf_read import Triple, from_plain, plain_triples
from vnkg.graph.vocab import VNKG
from vnkg.loaders.rdf_summaries import (
    HOLDS,
    KnownSummaries,
    any_query,
    batch_seen,
    fill_query,
    seen_rows,
    summary_update,
    write_summaries,
)
from vnkg.loaders.rdf_updates import UnionUpdates, nquads, refold, refold_query
from vnkg.loaders.store import (
    DEFAULT_STORE,
    REFERENCE,
    Closing,
    LoadReport,
    Row,
    StoreBusyError,
    each_fragment,
    no_reader,
    open_store,
)

__all__ = ["DEFAULT_STORE", "ONTOLOGY", "REFERENCE", "RdfBase", "StoreBusyError"]

ONTOLOGY = URIRef(str(VNKG)[:-1])  # the ontology's own named graph: https://vnkg.dev/ns
DIGEST_IRI = str(VNKG.digest)


class RdfBase(Closing):
    """The named-graph logic over an engine's primitives (the methods raising here)."""

    language = "sparql"
    name = "rdf"
    _summarised = False  # whether this store object made sure the holdings have summaries

    # --- the engine's primitives -------------------------------------------------------
    def _holds(self, g: str) -> bool:
        """Whether named graph `g` (an IRI) may hold anything (True when unsure)."""
        raise NotImplementedError

    def _stamp(self, g: str) -> str | None:
        """The digest stamped on named graph `g` (an IRI)."""
        raise NotImplementedError

    def _add_new(self, nquads: str, graphs: list[str], stamps: list[str], after: str = ""
                 ) -> None:
        """Write the N-Quads of graphs the store holds nothing of, then their stamps with
        the update `after` (the holding summaries), in one transaction."""
        raise NotImplementedError

    def _replace_stamped(self, name: str, stamped: list[str]) -> None:
        """Replace a graph holding reference data (large) by `stamped` lines."""
        self.update(self._updates().replace(name, stamped))

    def _keeps_union(self) -> bool:
        """Whether vnkg keeps the union in the default graph itself (False: the server's
        default graph is the union of the named graphs, and only those are written)."""
        return True

    def _union_graph(self) -> str | None:
        """The named graph (an IRI in angle brackets) where vnkg keeps the union, or None:
        in the default graph (a server whose default graph is the union of all its graphs
        gets a graph of its own for it, read as the protocol's default graph)."""
        return None

    def _summaries(self) -> str | None:
        """Where the holding summaries are kept (loaders.rdf_summaries): with the union, in
        the default graph (None) or a named graph (an IRI in angle brackets)."""
        return self._union_graph()

    def _known_summaries(self) -> KnownSummaries | None:
        """The holding summaries this store object knows without reading them, if it is
        the store's sole writer (it commits them with each bulk write and clears them before
        any other update)."""
        return None

    def _updates(self) -> UnionUpdates:
        """The updates of named graphs as this store keeps the union."""
        return UnionUpdates(self._keeps_union(), self._union_graph())

    def _triples(self, g: str) -> Iterator[tuple[Term, Term, Term]]:
        """The triples of named graph `g` (an IRI), as rdflib terms."""
        raise NotImplementedError

    def _graph_names(self) -> Iterable[str]:
        """The IRIs of the named graphs."""
        raise NotImplementedError

    def quads(self) -> Iterator[tuple[Term, Term, Term, Term]]:
        """Every quad of the named graphs, as rdflib terms (the union left out)."""
        raise NotImplementedError

    def union_triples(self) -> Iterator[tuple[Term, Term, Term]]:
        """The triples of the union, as rdflib terms: the default graph, and the evidence the
        named graphs alone hold (graph.rdf.Rendered's `graph_only`)."""
        raise NotImplementedError

    def _fresh(self, lines: list[str]) -> list[str]:
        """Of `lines` (written to a new graph), those the union may lack."""
        return lines

    def _written(self) -> None:
        """Called after a write by update (the embedded store flushes)."""

    def update(self, text: str) -> None:
        """Run a SPARQL update in the engine (one transaction)."""
        raise NotImplementedError

    def select(self, text: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        raise NotImplementedError

    # --- the store interface -----------------------------------------------------------
    def write_fragments(self, fragments: Iterable[Fragment | Rendered]) -> LoadReport:
        """Replace each fragment's named graph by its new statements, all in one transaction.

        A fragment whose digest equals the one the store holds is left alone (and reported
        unchanged), so a re-run reads one triple per article and writes nothing. Articles the
        store holds nothing of go in through the engine's bulk path (embedded: crash-safe,
        see loaders.oxigraph_bulk); articles already stored are replaced by one SPARQL
        update. Fragments may come already rendered (`graph.rdf.render`); those that do not
        are rendered for what the store holds (its gazetteer's localities only named).
        """
        self._ensure_summaries()
        report = LoadReport()
        fresh: list[str] = []
        fresh_graphs: list[str] = []
        stamps: list[str] = []
        replaced: dict[str, tuple[list[str], list[str], list[str]]] = {}  # by graph: the last
        fresh_lines: list[list[str]] = []
        seen: set[str] = set()
        gazetteer: bool | None = None  # whether the store holds the gazetteer, once asked
        for item in fragments:
            if not isinstance(item, Rendered) and gazetteer is None:
                gazetteer = self.digest(REFERENCE) is not None
            done = item if isinstance(item, Rendered) else render(item, bool(gazetteer))
            iri = str(graph_iri(done.article))
            g = f"<{iri}>"
            # whether the graph holds anything is 10x cheaper to ask than for its digest
            held = self._holds(iri)
            stored = self._stamp(iri) if held else None
            if stored == done.digest and done.article not in seen:
                report.unchanged.append(done.article)
                continue
            stamp = f"{g} <{DIGEST_IRI}> {nt_literal(done.digest)}"
            if not held and done.article not in seen:
                fresh.append(nquads(done.lines + done.graph_only, g,
                                    self._fresh(done.lines + done.union_only)))
                fresh_graphs.append(g)
                fresh_lines.append(done.lines)
                stamps.append(f"GRAPH {g} {{ {stamp} }} {stamp} .")
            else:
                replaced[g] = ([*done.lines, stamp], done.union_only, done.graph_only)
                if stored is not None:
                    report.replaced.append(done.article)
            seen.add(done.article)
            report.written.append(done.article)
            report.triples += len(done.lines) + len(done.graph_only) + 1
        if fresh:
            summaries = summary_update(self.select, batch_seen(fresh_lines), [],
                                       self._summaries(), self._known_summaries())
            self._add_new("".join(fresh), fresh_graphs, stamps, summaries)
        if replaced:
            self._replace(replaced)
        return report

    def _replace(self, graphs: dict[str, tuple[list[str], list[str], list[str]]]) -> None:
        """Replace named graphs (by IRI in angle brackets: their lines, union-only and
        graph-only lines) in one update: the drops, the union's keys refolded, the inserts,
        the holding summaries they change."""
        updates = self._updates()
        refolded = self._refold(list(graphs))
        seen = summary_update(self.select, batch_seen(parts[0] for parts in graphs.values()),
                              list(graphs), self._summaries())
        # terms are serialised and escaped by graph.rdf; no text is formatted in by hand
        self.update(" ;\n".join([*(updates.drop(g) for g in graphs), *filter(None, [refolded]),
                                  *(updates.insert(g, *parts) for g, parts in graphs.items()),
                                  *filter(None, [seen])]))
        self._written()

    def _refold(self, graphs: list[str]) -> str:
        """The update that, after named graphs `graphs` (IRIs in angle brackets) are dropped,
        leaves the union of their nodes only the keys of the names other graphs give them
        (loaders.rdf_updates' `refold`); "" when none needs it."""
        if not self._keeps_union() or not graphs:
            return ""
        union = self._union_graph()
        return refold(self.select(refold_query(graphs, union)), union)

    def write_base(self, reference: bool) -> None:
        """The ontology and, with `reference`, the gazetteer, each once per version."""
        from vnkg.graph.reference import reference_fragment, reference_version

        self.write_ontology()
        if reference:
            self.write_reference(reference_fragment, reference_version())

    def digest(self, article: str) -> str | None:
        """The digest stamped on an article's named graph when it was written."""
        return self._stamp(str(graph_iri(article)))

    def write_reference(self, fragment: Callable[[], Fragment], version: str) -> bool:
        """Write reference data (made by `fragment()`) unless `version` of it is stored."""
        return self._write_stamped(str(graph_iri(REFERENCE)), version,
                                   lambda: to_ntriples(fragment()))

    def write_ontology(self) -> bool:
        """Load the ontology (graph/ontology.ttl) into its own named graph, once per version."""
        text = (resources.files("vnkg.graph") / "ontology.ttl").read_text("utf-8")
        version = hashlib.sha256(text.encode()).hexdigest()[:16]

        def lines() -> list[str]:
            nt = RdfGraph().parse(data=text, format="turtle").serialize(format="nt")
            return [line.rstrip(" .") for line in nt.splitlines() if line.strip()]

        return self._write_stamped(str(ONTOLOGY), version, lines)

    def _write_stamped(self, g: str, version: str, lines: Callable[[], list[str]]) -> bool:
        """Replace named graph `g` by `lines()` (N-Triples, without the final " .") stamped
        with `version`, unless that version is stored already."""
        if self._stamp(g) == version:
            return False
        name = f"<{g}>"
        stamp = f"{name} <{DIGEST_IRI}> {nt_literal(version)}"
        stamped = [*lines(), stamp]
        if not self._holds(g):  # a new store: 5x faster than a load
            self._add_new(nquads(stamped[:-1], name), [name],
                          [f"GRAPH {name} {{ {stamp} }} {stamp} ."])
        else:
            self._replace_stamped(name, stamped)
        return True

    def delete_article(self, article: str) -> None:
        """Remove one article's statements (its named graph)."""
        self._ensure_summaries()
        g = graph_iri(article).n3()
        seen = summary_update(self.select, {}, [g], self._summaries())
        self.update(" ;\n".join(filter(None, [self._updates().drop(g), self._refold([g]),
                                               seen])))

    def _ensure_summaries(self) -> None:
        """Once a store object: give a store written before holding summaries
        (loaders.rdf_summaries) its summaries, in one update; nothing when it has them or
        holds no holding. Before a write, whose summaries fold into the stored ones."""
        if self._summarised:
            return
        self._summarised = True
        target = self._summaries()
        holds = self.select(f"SELECT ?s WHERE {{ ?s {HOLDS} ?o }} LIMIT 1")
        if not holds or self.select(any_query(target)):
            return
        values = seen_rows(self.select(fill_query()))
        self.update(write_summaries(values, [], target))
        self._written()

    def articles(self) -> list[str]:
        """Ids of the articles in the store (one named graph each)."""
        from urllib.parse import unquote

        prefix = str(graph_iri(""))
        return sorted(unquote(n[len(prefix):]) for n in self._graph_names()
                      if n.startswith(prefix))

    def reader(self) -> AbstractContextManager[Callable[[], RdfBase] | None]:
        """While open, what opens this store for reading in another process, or None (an
        engine that cannot is read in the caller's process)."""
        return no_reader()

    def _plain_triples(self, g: str) -> Iterator[Triple]:
        """The triples of named graph `g` (an IRI) in graph.rdf_read's plain form (an
        engine may make it from its own terms: the embedded store does)."""
        return plain_triples(self._triples(g))

    def read_fragment(self, article: str) -> Fragment:
        """One article's statements, as the Fragment that was written."""
        triples = self._plain_triples(str(graph_iri(article)))
        return from_plain(article, (t for t in triples if t[1] != DIGEST_IRI))

    def read_fragments(self, reference: bool) -> Iterator[Fragment]:
        """Every article's fragment, by article id (the gazetteer's with `reference`).

        One graph at a time: on the embedded store that is the cheapest read there is
        (Oxigraph's scan of every quad holds the named graphs together, but decodes the
        union first: 4.7 s of CPU at 2,000 articles against 2.9-3.4 s a graph at a time;
        SPARQL's `GRAPH ?g` took 3.3-3.7 s)."""
        return each_fragment(self, reference)

    def read_graph(self, reference: bool = False) -> Graph:
        """The whole graph: the union of every article's fragment.

        The reference gazetteer (article id `reference`) is left out, but with `reference`
        its PART_OF links touching a locality the articles mention come along, one hop, so
        a province mentioned brings its districts and a district its province.
        """
        graph = Graph()
        for fragment in self.read_fragments(reference=False):
            graph.add_fragment(fragment)
        if reference and REFERENCE in self.articles():
            graph.add_fragment(linked(self.read_fragment(REFERENCE), graph))
        return graph

    def count(self) -> int:
        """Number of quads in the named graphs."""
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"])


def linked(ref: Fragment, graph: Graph) -> Fragment:
    """The PART_OF links of `ref` touching a locality `graph` holds, and their ends."""
    mentioned = {n for n, node in graph.nodes.items() if node.label == "Locality"}
    part = Fragment(ref.article, ref.published)
    for edge in ref.edges.values():
        if edge.type == "PART_OF" and (edge.source in mentioned or edge.target in mentioned):
            part.add_edge(edge)
            for end in (edge.source, edge.target):
                if end in ref.nodes:
                    part.add_node(ref.nodes[end])
    return part


def open_rdf_store(store: str | Path | None, endpoint: str | None = None, wait: float = 0.0
                   ) -> RdfBase:
    """The RDF store: the SPARQL server at `endpoint` if given, else the embedded store at
    `store` (a folder; None: in memory), waiting `wait` seconds for one another process
    holds."""
    opened = open_store(endpoint or store, wait=wait)
    if not isinstance(opened, RdfBase):
        opened.close()
        raise ValueError(f"{endpoint or store} is not an RDF store; give a folder or an "
                         "http(s):// SPARQL endpoint")
    return opened
