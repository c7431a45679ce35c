"""The text an RDF store is written with: N-Quads of new named graphs, and the SPARQL
updates that add, replace or drop a named graph with the union kept in step.

Apart from loaders.rdf, the named-graph logic, because it is text made from lines: it
needs no store, only where the store keeps the union (`UnionUpdates`, which RdfBase makes
from what its engine says), and the embedded store writes with it by its own paths too
(a large graph replaced by a drop and a load). The lines come serialised and escaped by
graph.rdf; no term is formatted in here by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from rdflib.namespace import RDF

from vnkg.extraction.keys import name_key
from vnkg.graph.literals import nt_literal
from vnkg.graph.vocab import FOLDS, VNKG, node_iri, property_predicate


@dataclass(frozen=True)
class UnionUpdates:
    """The updates of named graphs for a store keeping the union (`kept`) in the default
    graph (`graph` None) or in named graph `graph` (an IRI in angle brackets); not `kept`:
    a server whose default graph is already the union gets the named graphs only.

    >>> UnionUpdates(kept=False).insert("<urn:g>", ["<urn:s> <urn:p> <urn:o>"])
    'INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> <urn:o> } }'
    """

    kept: bool = True
    graph: str | None = None

    def replace(self, g: str, lines: list[str], union_only: list[str] | None = None,
                graph_only: list[str] | None = None) -> str:
        """The update replacing named graph `g` by `lines`, and the union with it (and
        `union_only`, `graph_only`: see `insert`)."""
        return f"{self.drop(g)} ; {self.insert(g, lines, union_only, graph_only)}"

    def insert(self, g: str, lines: list[str], union_only: list[str] | None = None,
               graph_only: list[str] | None = None) -> str:
        """The update adding `lines` to named graph `g`, and to the union kept; and
        `union_only` (graph.rdf.Rendered) to the union alone, or to `g` when the server's
        default graph is the union of its named graphs; `graph_only` to `g` alone.

        >>> UnionUpdates().insert("<urn:g>", ["<urn:s> <urn:p> <urn:o>"], ["<urn:s> a <urn:C>"])
        ... # doctest: +NORMALIZE_WHITESPACE
        'INSERT DATA { <urn:s> <urn:p> <urn:o> .\\n<urn:s> a <urn:C> .
                       GRAPH <urn:g> { <urn:s> <urn:p> <urn:o> } }'
        """
        own = graph_only or []
        if not self.kept:
            every = " .\n".join([*lines, *(union_only or []), *own])
            return f"INSERT DATA {{ GRAPH {g} {{ {every} }} }}"
        every = " .\n".join([*lines, *(union_only or [])])
        union = f"{every} . " if self.graph is None else f"GRAPH {self.graph} {{ {every} }} "
        body = " .\n".join([*lines, *own])
        return f"INSERT DATA {{ {union}GRAPH {g} {{ {body} }} }}"

    def drop(self, g: str) -> str:
        """The update removing named graph `g`, and from the union what only it held."""
        return drop_graph(g, self.graph) if self.kept else f"DROP SILENT GRAPH {g}"


def drop_graph(g: str, union: str | None = None) -> str:
    """The update removing named graph `g` and, from the union (the default graph, or the
    named graph `union`), the triples only it held, and what the union holds alone about a
    subject of `g` no other graph has.

    >>> drop_graph("<urn:g>", "<urn:u>").startswith("DELETE { GRAPH <urn:u> { ?s ?p ?o } }")
    True
    """
    target = "?s ?p ?o" if union is None else f"GRAPH {union} {{ ?s ?p ?o }}"
    other = f"?h != {g}" if union is None else f"?h != {g} && ?h != {union}"
    # what the union holds alone goes by its subject (the second DELETE), even from a graph
    # written when the graphs held it too: another graph may name the node without it. Its
    # predicates are a FILTER, not VALUES: with VALUES, Oxigraph read every union triple of
    # them first (3 s a drop at 100,000 articles, 4-180 ms so; the same quads left)
    return (f"DELETE {{ {target} }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
            f"FILTER(?p NOT IN ({UNION_ONLY})) FILTER NOT EXISTS "
            f"{{ GRAPH ?h {{ ?s ?p ?o }} FILTER({other}) }} }} ; "
            f"DELETE {{ {target} }} WHERE {{ {{ SELECT DISTINCT ?s WHERE {{ GRAPH {g} "
            f"{{ ?s ?q ?v }} }} }} {target} FILTER(?p IN ({UNION_ONLY})) FILTER NOT EXISTS "
            f"{{ GRAPH ?h {{ ?s ?q2 ?v2 }} FILTER({other}) }} }} ; DROP SILENT GRAPH {g}")


def orphan() -> str:
    """The FILTER a union triple (?s ?p ?o) no named graph states passes when it should go:
    not what the union holds alone (graph.rdf.Rendered's `union_only`) about a subject some
    named graph still has (a crash's recovery deletes what it passes)."""
    return f"FILTER(?p NOT IN ({UNION_ONLY}) || NOT EXISTS {{ GRAPH ?h2 {{ ?s ?q ?v }} }})"


# what the union alone holds (graph.rdf.Rendered's `union_only`): a node's type, id and key
# (the fold of its name: `refold` keeps it true), a statement's subject and object (and its
# relation type, in a store written before: its drops still clean them); kept while some
# named graph has that subject
UNION_ONLY_TERMS = " ".join(f"<{p}>" for p in (RDF.type, VNKG.id, VNKG.key, VNKG.subject,
                                                VNKG.relation, VNKG.object))
UNION_ONLY = UNION_ONLY_TERMS.replace(" ", ", ")  # as an IN list
# what the named graphs alone hold (graph.rdf.Rendered's `graph_only`): the evidence, a
# statement's links to its spans and each span's words, one article's own
GRAPH_ONLY_PREDICATES = (VNKG.evidence, VNKG.text)  # the links, then the spans' words
GRAPH_ONLY_TERMS = " ".join(f"<{p}>" for p in GRAPH_ONLY_PREDICATES)
GRAPH_ONLY = GRAPH_ONLY_TERMS.replace(" ", ", ")  # as an IN list
_NAME, _KEY = f"<{property_predicate('name')}>", f"<{VNKG.key}>"


def refold_query(graphs: list[str], union: str | None = None) -> str:
    """The SELECT of what `refold` needs before named graphs `graphs` (IRIs in angle
    brackets) are dropped or replaced: each node of theirs whose key the union alone holds
    (graph/schema.toml's `folds`), with each of the union's names of it that a graph other
    than those (and `union`, the named graph holding the union) gives and leaves the key
    to the union (states none), as ?n; the node as ?iri. The union holds each name once, so
    this looks up a few names a node rather than every graph naming it (a rank 100,000
    articles name).

    >>> "VALUES ?g { <urn:g> }" in refold_query(["<urn:g>"])
    True
    """
    others = ", ".join([*graphs, *([union] if union else [])])
    folded = " || ".join(f'STRSTARTS(STR(?s), "{node_iri(label.lower() + "/")}")'
                         for label, folds in sorted(FOLDS.items()) if folds.get("key") == "name")
    # the node's IRI as text (?iri): an engine's rows may give its IRIs as node ids
    return (f"SELECT DISTINCT ?iri ?n WHERE {{ {{ SELECT DISTINCT ?s WHERE {{ VALUES ?g {{ "
            f"{' '.join(graphs)} }} GRAPH ?g {{ ?s {_NAME} ?old }} FILTER({folded}) }} }} "
            f"OPTIONAL {{ ?s {_NAME} ?n FILTER EXISTS {{ GRAPH ?h {{ ?s {_NAME} ?n "
            f"FILTER NOT EXISTS {{ ?s {_KEY} ?stated }} }} FILTER(?h NOT IN ({others})) }} }} "
            f"BIND(STR(?s) AS ?iri) }}")


def refold(rows: Iterable[Mapping[str, Any]], union: str | None = None) -> str:
    """The update giving each node of `rows` (`refold_query`'s: its IRI, ?iri, and a name
    another graph gives it, ?n, or none) the keys of those names alone, in the union (the
    default graph, or the named graph `union`), and those a graph states (a store written
    before, or a key that is no fold of the name); "" for no node. It goes after the drops
    and before the new graphs' inserts, which add their own keys.

    >>> rows = [{"iri": "urn:p", "n": "Đại tá"}, {"iri": "urn:q", "n": None}]
    >>> print(refold(rows))  # doctest: +NORMALIZE_WHITESPACE
    DELETE { ?s <https://vnkg.dev/ns#key> ?k } WHERE { VALUES ?s { <urn:p> <urn:q> }
             ?s <https://vnkg.dev/ns#key> ?k
             FILTER NOT EXISTS { GRAPH ?h { ?s <https://vnkg.dev/ns#key> ?k } } } ;
    INSERT DATA { <urn:p> <https://vnkg.dev/ns#key> "dai ta" . }
    """
    keys: dict[str, set[str]] = {}
    for row in rows:
        node, name = str(row["iri"]), row.get("n")
        keys.setdefault(node, set()).update([] if name is None else [name_key(str(name))])
    if not keys:
        return ""
    target = f"?s {_KEY} ?k" if union is None else f"GRAPH {union} {{ ?s {_KEY} ?k }}"
    nodes = " ".join(f"<{node}>" for node in keys)
    other = "" if union is None else f" FILTER(?h != {union})"
    out = (f"DELETE {{ {target} }} WHERE {{ VALUES ?s {{ {nodes} }}\n         {target}\n"
           f"         FILTER NOT EXISTS {{ GRAPH ?h {{ ?s {_KEY} ?k }}{other} }} }}")
    data = " ".join(f"<{node}> {_KEY} {nt_literal(k)} ." for node in keys
                    for k in sorted(keys[node]))
    if data:
        out += f" ;\nINSERT DATA {{ {data if union is None else f'GRAPH {union} {{ {data} }}'} }}"
    return out


def nquads(lines: list[str], g: str, union: list[str] | None = None) -> str:
    """N-Quads putting each N-Triples line in named graph `g`, and `union` (by default the
    same lines) in the union (default graph).

    >>> nquads(["<urn:s> <urn:p> <urn:o>"], "<urn:g>", [])
    '<urn:s> <urn:p> <urn:o> <urn:g> .\\n'
    """
    return _ended(lines, f" {g} .\n") + _ended(lines if union is None else union, " .\n")


def _ended(lines: list[str], end: str) -> str:
    return end.join(lines) + end if lines else ""
