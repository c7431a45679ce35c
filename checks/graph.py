"""The graph the SHACL checks run on: the part of the RDF store they read, and what they
compare by (the rank lexicon's order, the chief posts).

It is read through the store interface (`Store.select` of checks/graph.rq), never the whole
store. A relation one article states (its triple in the article's named graph) becomes an
observation node, since pySHACL checks one graph and a check must know which article says
what, and when.

>>> from vnkg.loaders.store import open_store
>>> with open_store(None) as store:  # an empty store: only the chief roles
...     len(check_graph(store)) == len(chief_roles())
True
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from typing import Any

from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.term import Node as Term

from vnkg.extraction.lexicon import lexicon
from vnkg.graph.rdf import statement_iri
from vnkg.graph.vocab import CLASSES, PREFIXES, RELATION_OF_PREDICATE, node_id_of

CHK = Namespace("https://vnkg.dev/check#")
_RANK = CLASSES["Rank"]
_NAME = PREFIXES["schema"]["name"]
_SUBJECT, _RELATION, _OBJECT, _ARTICLE = CHK.subject, CHK.relation, CHK.object, CHK.article


def read_text(name: str) -> str:
    """A file shipped with the checks (a query, the shapes, a word list)."""
    return (resources.files(__package__) / name).read_text("utf-8")


@cache
def rank_grades() -> dict[str, int]:
    """Each canonical rank's grade: its place in the rank lexicon (extract/lexicons/ranks.tsv,
    written lowest first); a navy rank takes the grade of the army rank it equals.

    >>> g = rank_grades()
    >>> g["Thượng tá"] < g["Đại tá"] < g["Thiếu tướng"] == g["Chuẩn Đô đốc"]
    True
    """
    grades: dict[str, int] = {}
    for row in lexicon().rows("ranks.tsv"):
        canonical = row[1]
        if canonical not in grades:
            grades[canonical] = len(set(grades.values()))
    for navy, army in _equal_ranks().items():
        grades[navy] = grades[army]
    return grades


def _equal_ranks() -> dict[str, str]:
    """Navy ranks and the army ranks they equal (checks/equal_ranks.tsv)."""
    rows = [line.split("\t") for line in read_text("equal_ranks.tsv").splitlines()
            if line.strip() and not line.startswith("#")]
    return {r[0].strip(): r[1].strip() for r in rows}


@cache
def chief_roles() -> tuple[str, ...]:
    """The roles of a unit's chief (checks/chief_roles.txt): one person holds one of them in
    one province at a time."""
    return tuple(line.strip() for line in read_text("chief_roles.txt").splitlines()
                 if line.strip() and not line.startswith("#"))


def check_graph(store: Any) -> Graph:
    """The graph the shapes run on, read from `store` (an RDF store) with one query."""
    graph = Graph()
    for row in store.select(read_text("graph.rq")):
        s, p, o = URIRef(row["subject"]), URIRef(row["predicate"]), _object(row)
        if not _of_statement(row):
            continue
        if row.get("graph"):
            obs = observation(s, p, o, URIRef(row["graph"]))
            graph.add((obs, RDF.type, CHK.Observation))
            graph.add((obs, _SUBJECT, s))
            graph.add((obs, _RELATION, p))
            graph.add((obs, _OBJECT, o))
            graph.add((obs, _ARTICLE, URIRef(row["graph"])))
            if row.get("property"):
                graph.add((obs, CHK[row["property"]], Literal(row["value"])))
        else:
            graph.add((s, p, o))
    _add_reference(graph)
    return graph


def _of_statement(row: dict[str, Any]) -> bool:
    """Whether a row read from a relation's statement (`statement`) is of that relation: its
    IRI is the hash of its ends and type (graph.rdf.statement_iri), and no statement states
    its type, so a statement comes with every relation between its ends."""
    statement = row.get("statement")
    if not statement:
        return True
    rel = RELATION_OF_PREDICATE[URIRef(row["predicate"])]
    key = (node_id_of(row["subject"]), rel, node_id_of(row["object"]))
    return bool(statement == statement_iri(key))


def _add_reference(graph: Graph) -> None:
    """What the checks compare by: each rank's grade, and the chief roles."""
    grades = rank_grades()
    for rank in set(graph.subjects(RDF.type, _RANK)):
        name = graph.value(rank, _NAME)
        if name is not None and str(name) in grades:
            graph.add((rank, CHK.grade, Literal(grades[str(name)])))
    for role in chief_roles():
        graph.add((CHK.checks, CHK.chiefRole, Literal(role)))


def _object(row: dict[str, Any]) -> Term:
    if row["iri"]:
        return URIRef(row["object"])
    if row.get("lang"):
        return Literal(row["object"], lang=row["lang"])
    return Literal(row["object"], datatype=URIRef(row["datatype"] or XSD.string))


def observation(s: Term, p: Term, o: Term, article: Term) -> URIRef:
    """The node of one article's statement of one relation."""
    digest = hashlib.sha256("\x1f".join(map(str, (s, p, o, article))).encode()).hexdigest()
    return CHK[f"observation-{digest[:16]}"]


def observed(graph: Graph, obs: Term) -> tuple[str, str, str, str]:
    """(subject id, relation type, object id, article id) of an observation."""

    def one(p: URIRef) -> str:
        value = graph.value(obs, p)
        return "" if value is None else str(value)

    article = node_id_of(one(_ARTICLE)).removeprefix("article/")
    return (node_id_of(one(_SUBJECT)), RELATION_OF_PREDICATE[URIRef(one(_RELATION))],
            node_id_of(one(_OBJECT)), article)
