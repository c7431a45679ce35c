"""Fragments to parameter rows for the Neo4j loader, checked against the closed model.

Labels and relationship types are taken from graph.model (LABELS, RELATIONS) and checked
there; the rows carry every value as a query parameter. Evidence becomes JSON strings so
that a relationship can hold a list of them. Each fragment also gets a digest, so that
loading the same fragment again can be skipped.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain, islice
from json.encoder import encode_basestring
from typing import Any

from vnkg.graph.model import LABELS, RELATIONS, Edge, Evidence, Fragment, merge_value
from vnkg.graph.tenure import BOUND_PROPS, SIDES, Props, better, bundle

Row = dict[str, Any]
NODE_RESERVED = ("id", "sources", "stated")
# A scalar property merges by the value rule (graph.model.merge_value), so a node keeps one;
# `stated` keeps what each article said ([article, property, value] as JSON), so that the
# value is recomputed from the remaining articles when one is removed. Where a query must
# see every value the articles gave, as SPARQL does, the loader also keeps their list under
# this name (a locality "thành phố" in an article and "thành phố trực thuộc trung ương"
# in the gazetteer is a province: merged, "thành phố" alone hid Hà Nội's districts).
ROWS_VERSION = "4"  # in every digest: rows made otherwise than before are written again
ALL_VALUES = {"type": "types"}
EDGE_RESERVED = ("sources", "first_seen", "last_seen", "evidence", "stated")
# A HOLDS or HAS_RANK relationship keeps the winning bound bundles as properties and, in
# `stated`, every article's bundles ([article, side, bundle] as JSON), so that the winners
# are recomputed from the remaining articles when one is replaced, as the RDF union does.


class InvalidFragment(ValueError):
    """A fragment that breaks the model (an unknown label, an edge to a node it lacks)."""


@dataclass
class FragmentRows:
    """One fragment as rows: nodes per label, edges per (type, source label, target label)."""

    article: str
    published: str | None
    digest: str
    nodes: dict[str, list[Row]]
    edges: dict[tuple[str, str, str], list[Row]]

    def size(self) -> int:
        return sum(map(len, self.nodes.values())) + sum(map(len, self.edges.values()))


@dataclass
class Rows:
    """The rows of several fragments, one per node and per relationship: rows of the same
    node or relationship from several articles are merged here (articles, dates, evidence,
    props), so that a node many articles mention is written once per batch, not once per
    article."""

    nodes: dict[str, dict[str, Row]] = field(default_factory=lambda: defaultdict(dict))
    edges: dict[tuple[str, str, str], dict[tuple[str, str], Row]] = field(
        default_factory=lambda: defaultdict(dict))
    loads: list[Row] = field(default_factory=list)

    @classmethod
    def of(cls, frags: list[FragmentRows]) -> Rows:
        """The merged rows of `frags`."""
        rows = cls()
        for frag in frags:
            rows.add(frag)
        return rows

    def add(self, frag: FragmentRows) -> None:
        for label, rows in frag.nodes.items():
            for row in rows:
                _merge_row(self.nodes[label], row["id"], row)
        for group, rows in frag.edges.items():
            for row in rows:
                _merge_row(self.edges[group], (row["source"], row["target"]), row)
        self.loads.append({"article": frag.article, "seen_date": frag.published,
                           "digest": frag.digest})

    def node_rows(self) -> dict[str, list[Row]]:
        return {label: list(rows.values()) for label, rows in self.nodes.items()}

    def edge_rows(self) -> dict[tuple[str, str, str], list[Row]]:
        return {group: list(rows.values()) for group, rows in self.edges.items()}


def _merge_row(rows: dict[Any, Row], key: Any, row: Row) -> None:
    """Put `row` under `key`, merged with the row there: a new dict, so that the rows of the
    fragments are never changed (they are merged again if a transaction is retried)."""
    old = rows.get(key)
    rows[key] = row if old is None else fold_rows([old, row])


def _absorb(merged: Row, row: Row) -> None:
    """Fold `row`'s first and last dates, properties (by the one value rule) and stated
    bounds into `merged`, in place: the part of a merge that is not a union of lists."""
    if "evidence" in row:
        merged["first_seen"] = min(filter(None, (merged["first_seen"], row["first_seen"])),
                                   default=None)
        merged["last_seen"] = max(filter(None, (merged["last_seen"], row["last_seen"])),
                                  default=None)
    for name, value in row["props"].items():
        merged["props"][name] = merge_value(merged["props"].get(name), value)
    for side in SIDES:
        new = row.get(f"{side}_bound")
        if new is not None and better(side, new, merged.get(f"{side}_bound")):
            merged[f"{side}_bound"] = new


def fold_rows(rows: Iterable[Row]) -> Row:
    """The rows of one node or relationship from several articles (in article order)
    merged into one: a new dict (the rows given are not changed), each list built once (a
    node a thousand articles name is not re-sorted a thousand times).

    >>> a = {"id": "x", "articles": ["a"], "props": {"name": "B"}, "stated": []}
    >>> b = {"id": "x", "articles": ["b"], "props": {"name": "A"}, "stated": []}
    >>> fold_rows([a, b])["articles"], fold_rows([a, b])["props"]
    (['a', 'b'], {'name': 'A'})
    """
    it = iter(rows)
    first = next(it)
    rest = list(islice(it, 1))
    if not rest:
        return first
    lists: dict[str, set[str]] = {name: set(first[name]) for name in _LISTS if name in first}
    merged = {**first, "props": dict(first["props"])}
    for row in chain(rest, it):
        for name in _LISTS:
            if name in row:
                lists.setdefault(name, set()).update(row[name])
        _absorb(merged, row)
    return merged | {name: sorted(values) for name, values in lists.items()}


_LISTS = ("articles", "stated", "evidence")  # merged as sorted unions


def fragment_rows(fragment: Fragment) -> FragmentRows:
    """The rows of one fragment; raises InvalidFragment if it breaks the model.

    >>> from vnkg.graph.model import Node
    >>> f = Fragment("a1", "2024-05-02")
    >>> _ = f.add_node(Node("rank/dai-ta", "Rank", {"name": "Đại tá"}))
    >>> fragment_rows(f).nodes["Rank"][0]["props"]
    {'name': 'Đại tá'}
    """
    nodes: dict[str, list[Row]] = defaultdict(list)
    edges: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
    for node in fragment.nodes.values():
        if node.label not in LABELS:
            raise InvalidFragment(f"{fragment.article}: unknown label {node.label!r}")
        props = {k: merge_value(None, v) for k, v in node.props.items() if k not in NODE_RESERVED}
        props |= {ALL_VALUES[k]: [v] for k, v in node.props.items()
                  if k in ALL_VALUES and isinstance(v, str)}
        stated = sorted({stated_json(fragment.article, k, v) for k, v in node.props.items()
                         if k not in NODE_RESERVED and v is not None})
        nodes[node.label].append({"id": node.id, "articles": [fragment.article], "props": props,
                                  "stated": stated})
    for edge in fragment.edges.values():
        edges[edge_group(fragment, edge)].append(edge_row(fragment, edge))
    return FragmentRows(fragment.article, fragment.published, digest(fragment), nodes, edges)


def edge_group(fragment: Fragment, edge: Edge) -> tuple[str, str, str]:
    """(type, source label, target label) of an edge, checked against RELATIONS."""
    source, target = fragment.nodes.get(edge.source), fragment.nodes.get(edge.target)
    if source is None or target is None:
        missing = edge.target if source else edge.source
        raise InvalidFragment(f"{fragment.article}: {edge.type} {edge.source} -> {edge.target} "
                              f"joins {missing}, a node the fragment does not have")
    pair = (source.label, target.label)
    if pair not in RELATIONS.get(edge.type, ()):
        raise InvalidFragment(f"{fragment.article}: {edge.type} may not join {pair[0]} to "
                              f"{pair[1]}")
    return (edge.type, pair[0], pair[1])


def edge_row(fragment: Fragment, edge: Edge) -> Row:
    """One relationship's row; its stated tenure bounds go apart (`start_bound`,
    `end_bound`: whole bundles, merged by graph.tenure's rule, not value by value)."""
    props = {k: merge_value(None, v) for k, v in edge.props.items()
             if k not in EDGE_RESERVED and k not in BOUND_PROPS}
    return {"source": edge.source, "target": edge.target, "articles": [fragment.article],
            "first_seen": fragment.published, "last_seen": fragment.published, "props": props,
            "evidence": sorted({evidence_json(e) for e in edge.evidence}),
            "start_bound": bundle(edge.props, "start"), "end_bound": bundle(edge.props, "end"),
            "stated": sorted(stated_json(fragment.article, side, found) for side in SIDES
                             if (found := bundle(edge.props, side)) is not None)}


def digest(fragment: Fragment) -> str:
    """A hash of everything a fragment says, independent of the order it was built in.

    Properties are sorted by name alone (names are unique in a dict, so no value is ever
    compared); that is the order their text sorted them in before, for names of the letters,
    digits and underscores the schema gives them, so the digests stay the same, in 58% of
    the time (2.96 s of the 10k CSV export's 41-45 s of CPU went here before)."""
    nodes = sorted((n.id, n.label, sorted(n.props.items())) for n in fragment.nodes.values())
    edges = sorted((e.key, sorted(e.props.items()), sorted(map(evidence_json, e.evidence)))
                   for e in fragment.edges.values())
    text = json.dumps([ROWS_VERSION, fragment.article, fragment.published, nodes, edges],
                      ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def evidence_json(evidence: Evidence) -> str:
    """One evidence span as the JSON string stored on a relationship.

    >>> evidence_json(Evidence("a1", 0, 4, "Ông"))
    '{"article": "a1", "start": 0, "end": 4, "text": "Ông"}'
    """
    if type(evidence.start) is not int or type(evidence.end) is not int:
        return json.dumps({"article": evidence.article, "start": evidence.start,
                           "end": evidence.end, "text": evidence.text}, ensure_ascii=False)
    # json.dumps's own text, built without making an encoder per call (a third of the time
    # the loader and the CSV export spend making rows went to json.dumps)
    return (f'{{"article": {encode_basestring(evidence.article)}, "start": {evidence.start}, '
            f'"end": {evidence.end}, "text": {encode_basestring(evidence.text)}}}')


def evidence_prefix(article: str) -> str:
    """The start of every evidence string of `article` (to remove them when it is replaced)."""
    return '{"article": ' + json.dumps(article, ensure_ascii=False) + ","


def stated_json(article: str, prop: str, value: Any) -> str:
    """What one article states of one property of a node, as stored in its `stated` list.

    >>> stated_json("a1", "name", "Lò Văn A")
    '["a1", "name", "Lò Văn A"]'
    """
    if type(value) is not str:
        return json.dumps([article, prop, value], ensure_ascii=False)
    # json.dumps's own text for three strings, without an encoder per call (evidence_json)
    return (f"[{encode_basestring(article)}, {encode_basestring(prop)}, "
            f"{encode_basestring(value)}]")


def stated_prefix(article: str) -> str:
    """The start of every `stated` entry of `article` (to remove them when it goes)."""
    return "[" + json.dumps(article, ensure_ascii=False) + ","


def props_from_stated(entries: list[str]) -> dict[str, Any]:
    """A node's properties from what its articles state, merged by the value rule, with
    the every-value lists (ALL_VALUES) beside.

    >>> props_from_stated([stated_json("a", "type", "huyện"), stated_json("b", "type", "quận")])
    {'type': 'huyện', 'types': ['huyện', 'quận']}
    """
    props: dict[str, Any] = {}
    every: dict[str, set[str]] = defaultdict(set)
    for entry in sorted(entries):
        _, prop, value = json.loads(entry)
        props[prop] = merge_value(props.get(prop), value)
        if prop in ALL_VALUES and isinstance(value, str):
            every[ALL_VALUES[prop]].add(value)
    return props | {name: sorted(values) for name, values in every.items()}


def bounds_from_stated(entries: list[str]) -> Props:
    """A relationship's winning bound bundles (graph.tenure's rule) from what its articles
    state, every bound property present (None where no article states that side).

    >>> entry = stated_json("a", "end", {"end": "2025", "end_source": "article/a"})
    >>> bounds_from_stated([entry])["end"], bounds_from_stated([entry])["start"]
    ('2025', None)
    """
    best: dict[str, Props | None] = dict.fromkeys(SIDES)
    for entry in sorted(entries):
        _, side, found = json.loads(entry)
        if better(side, found, best[side]):
            best[side] = found
    props: Props = dict.fromkeys(BOUND_PROPS)
    for found in best.values():
        props.update(found or {})
    return props


def parse_evidence(text: str) -> Evidence:
    """The inverse of evidence_json."""
    data = json.loads(text)
    return Evidence(data["article"], int(data["start"]), int(data["end"]), data["text"])
