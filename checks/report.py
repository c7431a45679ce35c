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

from vnkg.checks.graph import CHK, check_graph, observation, read_text
from vnkg.checks.run import Observation, Witness, shacl_witnesses, witnesses

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
    """One observation as evidence: who, what relation to what (`date`: a meeting's), which
    article says it (its date and title), the tenure bounds it states (`start`, `end`, as
    written: `surfaces`), and the sentences there (for a post or rank, which the graph keeps
    no sentence of, those naming the person at a meeting in that article)."""

    subject: str
    subject_name: str | None
    relation: str
    object: str
    object_name: str | None
    date: str | None
    article: str
    article_date: str | None
    title: str | None
    start: str | None = None
    end: str | None = None
    surfaces: list[str] = field(default_factory=list)
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
                                              key=lambda s: (s.article_date or "", s.article,
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
        art = f"article/{article}"
        return Seen(s, self._one(s, "name"), rel, o, self._one(o, "name"),
                    self._one(o, "startDate"), article, self._dated(art),
                    self._one(art, "headline", "name"), self._said(node, CHK.start),
                    self._said(node, CHK.end), self._all(node, CHK.start_surface,
                                                         CHK.end_surface),
                    self._all(node, CHK.evidence) or self._beside(s, art))

    def _dated(self, article: str) -> str | None:
        from vnkg.graph.vocab import VNKG, node_iri

        return self._said(node_iri(article), VNKG.dated)

    def _said(self, node: Any, p: Any) -> str | None:
        values = self._all(node, p)
        return values[0] if values else None

    def _all(self, node: Any, *predicates: Any) -> list[str]:
        return sorted({str(v) for p in predicates for v in self.graph.objects(node, p)})

    def _beside(self, person: str, article: str) -> list[str]:
        """The evidence sentences of the person's other relations in the article."""
        from vnkg.graph.vocab import node_iri

        return sorted({str(t) for obs in self.graph.subjects(CHK.subject, node_iri(person))
                       if (obs, CHK.article, node_iri(article)) in self.graph
                       for t in self.graph.objects(obs, CHK.evidence)})


class Neo4jDetails(Details):
    """From Neo4j, with two queries for all the witnesses."""

    def __init__(self, store: Any, found: set[Witness]) -> None:
        obs = sorted({o for w in found for o in (w.a, w.b) if o})
        ids = sorted({x for o in obs for x in (o[0], o[2], f"article/{o[3]}")})
        self.nodes = {r["id"]: r for r in store.select(read_text("nodes.cypher"), {"ids": ids})}
        self.rels = {(r["s"], r["rel"], r["t"]): r for r in store.select(
            read_text("relations.cypher"), {"obs": [list(o[:3]) for o in obs]})}
        self.beside: dict[str, list[str]] = {
            r["s"]: r["evidence"] for r in store.select(
                read_text("beside.cypher"), {"ids": sorted({o[0] for o in obs})})}

    def seen(self, obs: Observation) -> Seen:
        s, rel, o, article = obs
        r = self.rels.get(obs[:3], {})
        art = self.nodes.get(f"article/{article}", {})
        bound = {b: r.get(b) for b in ("start", "end")
                 if _bare(r.get(f"{b}_source")) == article}
        surfaces = sorted(r[f"{b}_surface"] for b in ("start", "end")
                          if r.get(f"{b}_surface") and _bare(r.get(f"{b}_source")) == article)
        return Seen(s, self.nodes.get(s, {}).get("name"), rel, o,
                    self.nodes.get(o, {}).get("name"), self.nodes.get(o, {}).get("date"),
                    article, art.get("dated"), art.get("title") or art.get("name"),
                    bound.get("start"), bound.get("end"), surfaces,
                    _sentences(r.get("evidence"), article)
                    or _sentences(self.beside.get(s), article))


def _bare(article: str | None) -> str | None:
    return article.removeprefix("article/") if article else None


def _sentences(evidence: list[str] | None, article: str) -> list[str]:
    """The texts of the evidence strings (JSON, as Neo4j keeps them) of one article."""
    return sorted({e["text"] for e in map(json.loads, evidence or [])
                   if e["article"] == article})
