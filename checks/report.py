"""Findings: the witnesses of one check about the same nodes, with their evidence (the nodes'
names, each article's date and title, and its evidence sentences), from either store.

>>> Finding("rank-down", ["person/a"], [], None).as_dict()["message"]
'a lower rank is seen after a higher one'
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from vnkg.checks.graph import CHK, check_graph, observation
from vnkg.checks.run import Observation, Witness, witnesses

MESSAGES = {
    "rank-down": "a lower rank is seen after a higher one",
    "two-chief-posts": "one person in chief posts of two provinces on the same date",
    "two-places-one-day": "one person at meetings in two provinces on the same day",
    "tenure-reversed": "a tenure ends before it starts",
    "chairs-unrelated": "a meeting chaired by two people of unrelated units",
    "impossible-date": "a stated date that cannot be a date",
}


@dataclass
class Seen:
    """One observation as evidence: who, what relation to what, which article says it (its
    date and title) and the sentences there."""

    subject: str
    subject_name: str | None
    relation: str
    object: str
    object_name: str | None
    article: str
    published: str | None
    title: str | None
    sentences: list[str] = field(default_factory=list)


@dataclass
class Finding:
    """What one check found about some nodes (`nodes`: ids), with the observations that
    show it (`evidence`) and, for an impossible date, the `problem`."""

    check: str
    nodes: list[str]
    evidence: list[Seen]
    problem: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"check": self.check, "message": MESSAGES[self.check], "nodes": self.nodes,
                "problem": self.problem, "evidence": [asdict(e) for e in self.evidence]}


def findings(store: Any) -> list[Finding]:
    """What the checks find in `store` (RDF: SHACL; Neo4j: Cypher), each with its evidence,
    in a stable order."""
    if store.language == "cypher":
        found = witnesses(store)
        details: Details = Neo4jDetails(store, found)
    else:
        graph = check_graph(store)
        from vnkg.checks.run import shacl_witnesses

        found = shacl_witnesses(graph)
        details = RdfDetails(graph)
    return group(found, details)


def group(found: set[Witness], details: Details) -> list[Finding]:
    """The witnesses grouped by check and nodes, with their evidence."""
    groups: dict[tuple[Any, ...], set[Observation]] = defaultdict(set)
    for w in found:
        nodes = [w.a[0], w.a[2]] + ([w.b[0], w.b[2]] if w.b else [])
        key = (w.check, tuple(dict.fromkeys(nodes)), w.value)
        groups[key].update(o for o in (w.a, w.b) if o)
    out = [Finding(check, list(nodes), sorted((details.seen(o) for o in obs),
                                              key=lambda s: (s.published or "", s.article,
                                                             s.subject, s.object)), value)
           for (check, nodes, value), obs in groups.items()]
    return sorted(out, key=lambda f: (CHECK_ORDER[f.check], f.nodes, f.problem or ""))


CHECK_ORDER = {name: i for i, name in enumerate(MESSAGES)}


class Details:
    """Names, article dates and titles, and evidence sentences, as one store gives them."""

    def seen(self, obs: Observation) -> Seen:
        raise NotImplementedError


class RdfDetails(Details):
    """From the check graph (read from the RDF store)."""

    def __init__(self, graph: Any) -> None:
        self.graph = graph

    def _one(self, node_id: str, *predicates: str) -> str | None:
        from vnkg.graph.vocab import PREFIXES, node_iri

        for p in predicates:
            values = sorted(str(v) for v in self.graph.objects(node_iri(node_id),
                                                               PREFIXES["schema"][p]))
            if values:
                return values[0]
        return None

    def seen(self, obs: Observation) -> Seen:
        from vnkg.graph.vocab import node_iri, predicate_for

        s, rel, o, article = obs
        node = observation(node_iri(s), predicate_for(rel, "Person"), node_iri(o),
                           node_iri(f"article/{article}"))
        sentences = sorted({str(t) for t in self.graph.objects(node, CHK.evidence)})
        art = f"article/{article}"
        return Seen(s, self._one(s, "name"), rel, o, self._one(o, "name"), article,
                    self._one(art, "datePublished"), self._one(art, "headline", "name"),
                    sentences)


class Neo4jDetails(Details):
    """From Neo4j, with two queries for all the witnesses."""

    def __init__(self, store: Any, found: set[Witness]) -> None:
        obs = sorted({o for w in found for o in (w.a, w.b) if o})
        ids = sorted({x for o in obs for x in (o[0], o[2], f"article/{o[3]}")})
        self.nodes = {r["id"]: r for r in store.select(
            "UNWIND $ids AS id MATCH (n {id: id}) RETURN n.id AS id, n.name AS name, "
            "n.title AS title, n.published AS published", {"ids": ids})}
        rows = store.select(
            "UNWIND $obs AS o MATCH (s {id: o[0]})-[r]->(t {id: o[2]}) WHERE type(r) = o[1] "
            "RETURN o[0] AS s, o[1] AS rel, o[2] AS t, r.evidence AS evidence",
            {"obs": [list(o[:3]) for o in obs]})
        self.evidence = {(r["s"], r["rel"], r["t"]): r["evidence"] or [] for r in rows}

    def seen(self, obs: Observation) -> Seen:
        s, rel, o, article = obs
        sentences = sorted({e["text"] for e in map(json.loads, self.evidence.get(obs[:3], []))
                            if e["article"] == article})
        art = self.nodes.get(f"article/{article}", {})
        return Seen(s, self.nodes.get(s, {}).get("name"), rel, o,
                    self.nodes.get(o, {}).get("name"), article, art.get("published"),
                    art.get("title") or art.get("name"), sentences)
