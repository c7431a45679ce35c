"""What the interchange exports read: tenure bounds stated where the relation has them, else
observed, on the embedded store and through Neo4j. (That every export query gives the same
rows from every store is tests/loaders/test_store_queries.py.)"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from neo4j import Driver

from vnkg.extraction.keys import name_key
from vnkg.graph.literals import nt_literal
from vnkg.graph.model import Fragment, Node
from vnkg.graph.rdf import graph_iri
from vnkg.graph.vocab import node_iri, property_predicate
from vnkg.loaders.ftm import export_ftm
from vnkg.loaders.interchange import memberships, read_rows
from vnkg.loaders.neo4j_store import Neo4jStore
from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.loaders.popolo import popolo_document


def _membership(store: Any, person: str) -> Any:
    [m] = [m for m in memberships(store) if m.person == person]
    return m


def test_a_stated_start_wins_at_its_precision(interchange_store: Any) -> None:
    m = _membership(interchange_store, "person/hoang-van-thach")
    assert (m.start.date, m.start.precision, m.start.basis) == ("2023-03", "month", "stated")
    assert (m.end.date, m.end.precision, m.end.basis) == ("2024-05-02", "day", "observed")
    assert (m.first_seen, m.last_seen) == ("2023-03-20", "2024-05-02")
    assert m.sources == ["article/t1", "article/t2"]


def test_without_a_stated_bound_both_are_observed(interchange_store: Any, hostile: str
                                                  ) -> None:
    m = _membership(interchange_store, "person/vice")
    assert (m.start.basis, m.end.basis) == ("observed", "observed")
    assert (m.start.date, m.end.date) == ("2023-03-20", "2024-05-02")
    [person] = [r for r in read_rows(interchange_store, "persons")
                if r["person"] == "person/vice"]
    assert person["name"] == hostile


def test_rows_carry_no_reference_source(interchange_store: Any) -> None:
    for name in ("persons", "units", "posts", "localities", "meetings", "memberships"):
        for row in read_rows(interchange_store, name):
            assert "article/reference" not in row["sources"], (name, row)
    assert json.dumps(read_rows(interchange_store, "articles")).count("reference") == 0


def test_the_contract_bounds_on_neo4j(neo4j_clean: Driver, hostile: str, tmp_path: Path,
                                      interchange_fragments: Callable[[str], list[Fragment]]
                                      ) -> None:
    """Every stated property of the tenure contract comes through: cue, words, article,
    status, and an end stated as a year stays a year."""
    t1, t2 = interchange_fragments(hostile)
    t1.edges[("person/hoang-van-thach", "HOLDS", "position/chu-tich")].props = {
        "start": "2023-03", "start_precision": "month", "start_cue": "appointed",
        "start_surface": "được bổ nhiệm từ tháng 3/2023", "start_source": "t1",
        "end": "2025", "end_precision": "year", "end_cue": "term",
        "end_surface": "nhiệm kỳ 2020–2025", "end_source": "t1", "status": "acting"}
    store = Neo4jStore.from_driver(neo4j_clean)
    store.write_fragments([t1, t2])
    m = _membership(store, "person/hoang-van-thach")
    assert (m.start.date, m.start.cue, m.start.source) == ("2023-03", "appointed", "article/t1")
    assert (m.end.date, m.end.precision, m.end.basis) == ("2025", "year", "stated")
    assert m.status == "acting"
    [popolo] = [x for x in popolo_document(store)["memberships"]
                if x["person_id"] == "person/hoang-van-thach"]
    assert (popolo["end_date"], popolo["end_date_cue"], popolo["status"]) == (
        "2025", "term", "acting")
    assert popolo["start_date_surface"] == "được bổ nhiệm từ tháng 3/2023"
    [path] = export_ftm(store, tmp_path / "g.jsonl")
    [occupancy] = [e for e in map(json.loads, path.read_text("utf-8").splitlines())
                   if e["schema"] == "Occupancy" and "hoang-van-thach" in e["id"]]
    assert occupancy["properties"]["status"] == ["current"]
    assert occupancy["properties"]["endDate"] == ["2025"]


def test_a_title_stated_as_before_reads_as_one_left_to_the_name() -> None:
    """A store written before titles repeating the name went unstated (skos:prefLabel,
    schema:headline in the graph and the union) gives the same rows and fragment."""
    frag = Fragment("bai-t", "2024-05")
    frag.add_node(Node("article/bai-t", "Article", {"name": "bai-t", "doc_id": "bai-t"}))
    frag.add_node(Node("position/chu-tich", "Position",
                       {"name": "Chủ tịch UBND xã Hòa Bình", "title": "Chủ tịch UBND xã Hòa Bình",
                        "role": "Chủ tịch", "key": name_key("Chủ tịch UBND xã Hòa Bình")}))
    frag.add_node(Node("meeting/hn", "Meeting", {"name": "Hội nghị", "title": "Hội nghị",
                                                 "key": name_key("Hội nghị")}))
    said = [(node_iri(n.id), property_predicate("title", n.label), n.props["title"])
            for n in frag.nodes.values() if n.label != "Article"]
    stated = " .\n".join(f"<{s}> <{p}> {nt_literal(v, True)}" for s, p, v in said)
    read = []
    for old in (False, True):
        with OxigraphStore(None) as store:
            assert store.write_fragments([frag]).failed == []
            if old:
                store.update(f"INSERT DATA {{ {stated} . GRAPH <{graph_iri('bai-t')}> "
                             f"{{ {stated} }} }}")
            read.append(([read_rows(store, q) for q in ("posts", "meetings")],
                         store.read_fragment("bai-t").nodes))
    assert read[0] == read[1]
    [[post], [meeting]] = read[0][0]
    assert (post["title"], meeting["title"]) == (post["name"], meeting["name"])
    assert read[0][1] == frag.nodes
