"""Stated tenures: from a record's `tenure` and `rank_events` to relation properties, the
merge rule across articles, and the W3C ORG membership with an OWL-Time interval in RDF."""

from __future__ import annotations

import copy
from itertools import permutations
from typing import Any

from rdflib import Literal
from rdflib.namespace import RDF

from vnkg.graph.membership import INSTANT, ORG, TIME
from vnkg.graph.model import Fragment, Graph
from vnkg.graph.rdf import to_quads
from vnkg.graph.rdf_read import from_quads
from vnkg.graph.resolve import to_fragment
from vnkg.graph.tenure import better, merge_bounds

KHANH = ("person/trieu-van-khanh-3a5b9fc2f1", "HOLDS", "position/chu-tich-07fb7f18a7")


def test_the_earliest_start_and_the_latest_end_win_dated_over_undated() -> None:
    assert better("start", {"start": "2021", "start_source": "b"},
                  {"start": "2021-06", "start_source": "a"})
    assert not better("start", {"start": None, "start_by": "2020-01-01", "start_source": "a"},
                      {"start": "2024", "start_source": "b"})
    assert better("end", {"end": "2025-06", "end_source": "b"}, {"end": "2025", "end_source": "a"})
    assert better("end", {"end": None, "end_by": "2023-01-01", "end_source": "b"},
                  {"end": None, "end_by": "2024-01-01", "end_source": "a"})
    assert better("end", {"end": "2024", "end_source": "a"}, {"end": "2024", "end_source": "b"})
    props = {"start": "2022", "start_source": "x", "start_cue": "term"}
    merge_bounds(props, {"start": "2021-06", "start_source": "y", "start_cue": "elected"})
    assert props == {"start": "2021-06", "start_source": "y", "start_cue": "elected"}


def test_bounds_do_not_depend_on_the_order_of_the_articles(
        tenure_fragments: list[Fragment]) -> None:
    seen = []
    for order in permutations(tenure_fragments):
        graph = Graph()
        for frag in copy.deepcopy(order):
            graph.add_fragment(frag)
        seen.append({k: e.props for k, e in graph.edges.items() if k[1] == "HOLDS"})
    assert all(s == seen[0] for s in seen)


def test_an_impossible_date_is_never_a_date(tenure_records: list[dict[str, Any]],
                                            tenure_text: str) -> None:
    record = tenure_records[1]
    bound = record["persons"][1]["positions"][0]["tenure"]["start"]
    bound.update(date=None, precision=None, surface="từ ngày 31/2/2023",
                 problem="impossible date: 31/2")
    props = to_fragment(record, tenure_text).edges[("person/loc-thi-mai-9915ec0622", "HOLDS",
                                             "position/chu-tich-07fb7f18a7")].props
    assert "start" not in props and props["start_by"] == "2023-11-20"
    assert props["start_surface"] == "từ ngày 31/2/2023"


def test_the_cue_phrase_is_the_relation_evidence(tenure_fragments: list[Fragment]) -> None:
    edge = tenure_fragments[0].edges[KHANH]
    assert [(e.article, e.start, e.end - e.start) for e in edge.evidence] == [
        ("t1", 10, len("được bầu giữ chức từ tháng 6/2021"))]


def test_rdf_membership_interval_keeps_the_precision(tenure_fragments: list[Fragment]) -> None:
    quads = to_quads(tenure_fragments[1])  # t2: Khánh left 2023-06, Mai from 2023-10-05
    triples = {(s, p, o) for s, p, o, _ in quads}
    memberships = {s for s, p, o in triples if p == RDF.type and o == ORG.Membership}
    assert len(memberships) == 2
    instants = {o for s, p, o in triples if p in (TIME.inXSDDate, TIME.inXSDgYearMonth)}
    assert instants == {Literal("2023-06", datatype=INSTANT["month"][1]),
                        Literal("2023-10-05", datatype=INSTANT["day"][1])}
    back = from_quads("t2", ((s, p, o) for s, p, o, _ in quads))
    assert back == tenure_fragments[1]


def test_a_year_is_an_xsd_gyear(tenure_fragments: list[Fragment]) -> None:
    frag = copy.deepcopy(tenure_fragments[0])
    frag.edges[KHANH].props.update(start="2021", start_precision="year")
    objects = {o for _, p, o, _ in to_quads(frag) if p == TIME.inXSDgYear}
    assert objects == {Literal("2021", datatype=INSTANT["year"][1])}
    assert str(INSTANT["year"][1]).endswith("#gYear")
