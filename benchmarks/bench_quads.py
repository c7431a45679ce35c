"""What a built store's quads are: per article, by kind, in the articles' graphs and in the
stored union, and what each of issue 18's store proposals would take off.

    python benchmarks/bench_quads.py STORE [--json]

Kinds are the first segment of a subject's id (person, statement...; an article's own
triples are `article`; an evidence span, its article's IRI with a `#char=` fragment, is
`evidence`); the gazetteer's and the ontology's graphs are left out. The proposals are
counted, not built: the union read at query time drops every union quad but those the union
alone holds (a node's type and id, a statement's subject and object: graph.rdf), though
Oxigraph's union default graph meets a triple once per graph that states it, so its repeats
are counted too: on average, and for the node the most graphs state; RDF 1.2 triple terms
make a statement's subject and object (in the union) one `rdf:reifies` triple term instead
of two quads (a store written before a statement's relation type went, three); dropping
`vnkg:id` leaves a node's id to its IRI. (Compact evidence, two quads a span instead of
five, is built: the `evidence` kind counts its `vnkg:text`, the `statement` kind its link;
both are in the articles' graphs alone, not in the stored union (graph.rdf.Rendered's
`graph_only`, counted as such). So is naming a gazetteer locality in an article's graph
without describing it again: the `locality` kind counts its two quads, or all of one the
article gives otherwise.)
"""

from __future__ import annotations

import json
import sys
from typing import Any

from vnkg.graph.rdf import SPAN_MARK, graph_iri
from vnkg.graph.vocab import ID, VNKG, property_predicate
from vnkg.loaders.rdf import ONTOLOGY, REFERENCE
from vnkg.loaders.rdf_updates import GRAPH_ONLY_TERMS, UNION_ONLY_TERMS
from vnkg.loaders.store import open_store

_KIND = (f'IF(CONTAINS(STR(?s), "{SPAN_MARK}"), "evidence", '
         f'REPLACE(STR(?s), "^{ID}([^/]+)/.*$", "$1"))')
_FIXED = f"<{graph_iri(REFERENCE)}>, <{ONTOLOGY}>"
SCHEMA_NAME = property_predicate("name", "Person")  # every label's name (schema:name)


def _by_kind(store: Any, where: str) -> dict[str, int]:
    rows = store.select(f"SELECT ?kind (COUNT(*) AS ?n) WHERE {{ {where} BIND({_KIND} AS ?kind) "
                        "} GROUP BY ?kind")
    return {str(r["kind"]): int(r["n"]) for r in rows}


def _count(store: Any, pattern: str, graphs: bool) -> int:
    """Matches of `pattern` in the articles' graphs, or (`graphs` False) in the union."""
    where = (f"GRAPH ?g {{ {pattern} }} FILTER(?g NOT IN ({_FIXED}))" if graphs else pattern)
    return int(store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")[0]["n"])


def _graph_alone(store: Any) -> int:
    """The articles' graphs' quads the union lacks (graph.rdf's `graph_only`: the evidence);
    none in a store written before, whose union holds them too."""
    return int(store.select(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?p {{ {GRAPH_ONLY_TERMS} }} GRAPH ?g "
        f"{{ ?s ?p ?o }} FILTER(?g NOT IN ({_FIXED})) FILTER NOT EXISTS {{ ?s ?p ?o }} }}"
    )[0]["n"])


def _union_alone(store: Any) -> dict[str, int]:
    """What the union alone holds (graph.rdf's `union_only`), counted by predicate."""
    rows = store.select(f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ VALUES ?p {{ {UNION_ONLY_TERMS} }} "
                        "?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } } GROUP BY ?p")
    return {str(r["p"]): int(r["n"]) for r in rows}


def quad_kinds(path: str) -> dict[str, Any]:
    """Quads per article of the store at `path`, by kind, and the proposals' savings."""
    with open_store(path) as store:
        articles = len([a for a in store.articles() if a != REFERENCE])
        named = _by_kind(store, f"GRAPH ?g {{ ?s ?p ?o }} FILTER(?g NOT IN ({_FIXED}))")
        union = _by_kind(store, f"?s ?p ?o FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} "
                                f"FILTER(?g IN ({_FIXED})) }}")
        ids, union_ids = (_count(store, f"?s <{VNKG.id}> ?o", graphs) for graphs in (True,
                                                                                  False))
        statements = _count(store, f"?s <{VNKG.subject}> ?x", False)
        alone = _union_alone(store)
        graph_alone = _graph_alone(store)
        own, own_ids = sum(alone.values()), alone.get(str(VNKG.id), 0)
        most = _most_stated(store)
    per = max(articles, 1)
    named_total, union_total = sum(named.values()), sum(union.values())
    return {
        "articles": articles,
        "named_per_article": round(named_total / per, 1),
        "union_per_article": round(union_total / per, 1),
        "named_by_kind": {k: round(v / per, 1) for k, v in sorted(named.items(),
                                                                 key=lambda kv: -kv[1])},
        "union_by_kind": {k: round(v / per, 1) for k, v in sorted(union.items(),
                                                                 key=lambda kv: -kv[1])},
        "union_only_per_article": round(own / per, 1),
        "union_only_ids_per_article": round(own_ids / per, 1),
        "graph_only_per_article": round(graph_alone / per, 1),
        "savings_per_article": {  # (articles' graphs, union)
            "union read at query time": (0.0, round((union_total - own) / per, 1)),
            "RDF 1.2 triple terms (1 quad, not 2)": (0.0, round(statements / per, 1)),
            "no vnkg:id (the IRI holds it)": (round(ids / per, 1), round(union_ids / per, 1)),
        },
        "all_three_per_article": round(
            (named_total + own - statements - ids - own_ids) / per, 1),
        # read at query time, Oxigraph's union default graph meets a triple once per graph
        # stating it (it does not merge them): a pattern's matches, against the stored union
        "union_view_repeats": round(named_total / max(union_total - own + graph_alone, 1), 1),
        "most_stated_node": most,
    }


def _most_stated(store: Any) -> dict[str, Any]:
    """The node the most articles' graphs name (by its name, else its id: graph.rdf): how
    many times a pattern binding it meets its name in a union read at query time."""
    rows = store.select(f"SELECT ?s (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?s "
                        f"<{SCHEMA_NAME}>|<{VNKG.id}> ?v }} FILTER(?g NOT IN ({_FIXED}) "
                        f"&& ?s != ?g) }} GROUP BY ?s ORDER BY DESC(?n) LIMIT 1")
    return {"node": str(rows[0]["s"]), "graphs": int(rows[0]["n"])} if rows else {}


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print(__doc__)
        return 2
    result = quad_kinds(argv[0])
    if "--json" in argv:
        print(json.dumps(result, indent=1, ensure_ascii=False))
        return 0
    print(f"{result['articles']} articles: {result['named_per_article']} quads per article in "
          f"their graphs ({result['graph_only_per_article']} of them there alone), "
          f"{result['union_per_article']} in the stored union")
    for kind, n in result["named_by_kind"].items():
        print(f"  {n:7.1f}  {kind}  (union {result['union_by_kind'].get(kind, 0.0)})")
    for name, (graphs, union) in result["savings_per_article"].items():
        print(f"  saves {graphs} in the graphs, {union} in the union: {name}")
    print(f"  all three: {result['all_three_per_article']} quads per article")
    most = result["most_stated_node"]
    print(f"  read at query time, the union repeats each triple {result['union_view_repeats']}"
          f" times on average; the most stated node, {most.get('node')}, "
          f"{most.get('graphs')} times")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
