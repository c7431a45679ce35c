"""The text an RDF store is written with: N-Quads of new named graphs, and the SPARQL
updates that add, replace or drop a named graph with the union kept in step.

Apart from loaders.rdf, the named-graph logic, because it is text made from lines: it
needs no store, only where the store keeps the union (`UnionUpdates`, which RdfBase makes
from what its engine says), and the embedded store writes with it by its own paths too
(a large graph replaced by a drop and a load). The lines come serialised and escaped by
graph.rdf; no term is formatted in here by hand.
"""

from __future__ import annotations

from dataclasses import dataclass


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

    def replace(self, g: str, lines: list[str]) -> str:
        """The update replacing named graph `g` by `lines`, and the union with it."""
        return f"{self.drop(g)} ; {self.insert(g, lines)}"

    def insert(self, g: str, lines: list[str]) -> str:
        """The update adding `lines` to named graph `g`, and to the union kept."""
        body = " .\n".join(lines)
        union = ""
        if self.kept:
            union = f"{body} . " if self.graph is None else f"GRAPH {self.graph} {{ {body} }} "
        return f"INSERT DATA {{ {union}GRAPH {g} {{ {body} }} }}"

    def drop(self, g: str) -> str:
        """The update removing named graph `g`, and from the union what only it held."""
        return drop_graph(g, self.graph) if self.kept else f"DROP SILENT GRAPH {g}"


def drop_graph(g: str, union: str | None = None) -> str:
    """The update removing named graph `g` and, from the union (the default graph, or the
    named graph `union`), the triples only it held.

    >>> drop_graph("<urn:g>", "<urn:u>").startswith("DELETE { GRAPH <urn:u> { ?s ?p ?o } }")
    True
    """
    target = "?s ?p ?o" if union is None else f"GRAPH {union} {{ ?s ?p ?o }}"
    other = f"?h != {g}" if union is None else f"?h != {g} && ?h != {union}"
    return (f"DELETE {{ {target} }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} FILTER NOT EXISTS "
            f"{{ GRAPH ?h {{ ?s ?p ?o }} FILTER({other}) }} }} ; DROP SILENT GRAPH {g}")


def nquads(lines: list[str], g: str, union: list[str] | None = None) -> str:
    """N-Quads putting each N-Triples line in named graph `g`, and `union` (by default the
    same lines) in the union (default graph).

    >>> nquads(["<urn:s> <urn:p> <urn:o>"], "<urn:g>", [])
    '<urn:s> <urn:p> <urn:o> <urn:g> .\\n'
    """
    return _ended(lines, f" {g} .\n") + _ended(lines if union is None else union, " .\n")


def _ended(lines: list[str], end: str) -> str:
    return end.join(lines) + end if lines else ""
