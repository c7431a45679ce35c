"""Run the checks on a store: SHACL (pySHACL) on an RDF store, Cypher on Neo4j; both give
the same witnesses, from which the findings and their evidence are made (checks.report).

A witness is what one check found: an observation (a relation one article states: subject,
relation, object, article), a second observation it contradicts (None for one-fact checks)
and a value (for one-fact checks: the impossible date's problem).

>>> from vnkg.loaders.store import open_store
>>> with open_store(None) as store:
...     witnesses(store)
set()
"""

from __future__ import annotations

from typing import Any, NamedTuple

from rdflib import Graph, Literal
from rdflib.namespace import SH
from rdflib.term import Node as Term

from vnkg.checks.graph import (
    CHK,
    check_graph,
    chief_roles,
    observed,
    rank_grades,
    read_text,
)

CHECKS = ("rank-down", "two-chief-posts", "two-places-one-day", "tenure-reversed",
          "chairs-unrelated", "impossible-date")

Observation = tuple[str, str, str, str]  # subject id, relation type, object id, article id


class Witness(NamedTuple):
    """One thing a check found: observation `a`, the observation `b` it contradicts (None
    for a one-fact check) and a `value` (the problem of an impossible date)."""

    check: str
    a: Observation
    b: Observation | None
    value: str | None


def witnesses(store: Any) -> set[Witness]:
    """What the checks find in `store`, in its own language (SHACL for RDF, Cypher for
    Neo4j)."""
    if store.language == "cypher":
        return cypher_witnesses(store)
    return shacl_witnesses(check_graph(store))


def shacl_witnesses(graph: Graph) -> set[Witness]:
    """The SHACL shapes (checks/shapes.ttl) run by pySHACL on the check graph.

    pySHACL runs them on an in-memory Oxigraph copy of the graph: its SPARQL engine answers
    the shapes' queries 10x faster than rdflib's."""
    from pyoxigraph import RdfFormat
    from pyoxigraph import Store as Oxigraph
    from pyshacl import validate

    data = Oxigraph()
    data.load(graph.serialize(format="nt", encoding="utf-8"), format=RdfFormat.N_TRIPLES)
    shapes = Graph().parse(data=read_text("shapes.ttl"), format="turtle")
    # pySHACL takes an Oxigraph store, though its type hints do not say so
    _, report, _ = validate(data, shacl_graph=shapes,  # type: ignore[arg-type]
                            advanced=True, allow_warnings=True)
    found: set[Witness] = set()
    for result in report.subjects(predicate=SH.sourceShape):
        check = str(report.value(result, SH.sourceShape)).removeprefix(str(CHK))
        focus = report.value(result, SH.focusNode)
        found.add(_witness(graph, check, focus, report.value(result, SH.value)))
    return found


def _witness(graph: Graph, check: str, focus: Term | None, value: Term | None) -> Witness:
    if focus is None:
        raise ValueError(f"pySHACL gave a result of {check} without its focus node")
    a = _normal(observed(graph, focus))
    if isinstance(value, Literal):
        return Witness(check, a, None, str(value))
    return Witness(check, a, _normal(observed(graph, value)) if value is not None else None,
                   None)


def cypher_witnesses(store: Any) -> set[Witness]:
    """The checks as Cypher (checks/NAME.cypher), on Neo4j."""
    params = {"grades": rank_grades(), "chief_roles": list(chief_roles())}
    found: set[Witness] = set()
    for check in CHECKS:
        for row in store.select(read_text(f"{check}.cypher"), params):
            a = _normal((row["a_subject"], row["a_relation"], row["a_object"],
                         row["a_article"]))
            b = None if row.get("b_subject") is None else _normal(
                (row["b_subject"], row["b_relation"], row["b_object"], row["b_article"]))
            found.add(Witness(check, a, b, row.get("value")))
    return found


def _normal(obs: tuple[Any, ...]) -> Observation:
    """An observation with plain string parts; the article as its bare id."""
    s, rel, o, article = (str(x or "") for x in obs)
    return (s, rel, o, article.removeprefix("article/"))
