"""The Neo4j loader against a real server: round trip, idempotence, replacement, failures."""

from __future__ import annotations

import json
from typing import Any

from neo4j import Driver

from tests.loaders.neo4j_fixtures import fragment_a, fragment_b, fragment_c
from vnkg.graph.model import Edge, Fragment, Graph, Node, edge_key
from vnkg.loaders.neo4j import delete_article, read_graph, write_fragments
from vnkg.loaders.neo4j_rows import Rows, fragment_rows

Dump = tuple[list[Any], list[Any]]


def dump(driver: Driver) -> Dump:
    """Every node and relationship with all properties, in a stable order."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS l, properties(n) AS p ORDER BY n.id")
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p "
        "ORDER BY a, t, b")
    # sorted by content: nodes without an id (the load records) tie in ORDER BY n.id
    def by_content(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return sorted(rows, key=lambda row: json.dumps(row, sort_keys=True, default=str))

    return by_content([r.data() for r in nodes]), by_content([r.data() for r in rels])


def rel(driver: Driver, source: str, rel_type: str, target: str) -> dict[str, Any] | None:
    records, _, _ = driver.execute_query(
        "MATCH (a {id: $s})-[r]->(b {id: $t}) WHERE type(r) = $type RETURN properties(r) AS p",
        s=source, t=target, type=rel_type)
    return records[0]["p"] if records else None


def test_round_trip_matches_the_graph_model(neo4j_clean: Driver) -> None:
    fragments = [fragment_a(), fragment_b(), fragment_c()]
    report = write_fragments(neo4j_clean, fragments)
    assert report.failed == [] and report.written == ["a1", "b2", "c3"]
    expected = Graph()
    for frag in fragments:
        expected.add_fragment(frag)
    got = read_graph(neo4j_clean)
    assert got.nodes == expected.nodes
    assert set(got.edges) == set(expected.edges)
    for key, edge in expected.edges.items():
        assert got.edges[key].props == edge.props
        assert sorted(got.edges[key].evidence, key=repr) == sorted(edge.evidence, key=repr)
    assert got.sources == expected.sources
    assert got.published == expected.published


def test_relationships_carry_sources_dates_and_evidence(neo4j_clean: Driver) -> None:
    write_fragments(neo4j_clean, [fragment_a(), fragment_c()])
    props = rel(neo4j_clean, "person/lo-van-khiem-1", "HAS_RANK", "rank/dai-ta")
    assert props is not None
    assert props["sources"] == ["a1", "c3"]
    assert (props["first_seen"], props["last_seen"]) == ("2024-03-05", "2025-01-20")
    assert len(props["evidence"]) == 2 and props["evidence"][0].startswith('{"article": "a1"')
    person = neo4j_clean.execute_query(
        "MATCH (p:Person {id: 'person/lo-van-khiem-1'}) RETURN p.sources AS s").records[0]
    assert person["s"] == ["a1", "c3"]


def test_second_load_changes_nothing(neo4j_clean: Driver) -> None:
    fragments = [fragment_a(), fragment_b(), fragment_c()]
    write_fragments(neo4j_clean, fragments, batch_size=7)
    before = dump(neo4j_clean)
    report = write_fragments(neo4j_clean, [fragment_a(), fragment_b(), fragment_c()],
                             batch_size=7)
    assert report.failed == [] and sorted(report.unchanged) == ["a1", "b2", "c3"]
    assert report.written == [] and dump(neo4j_clean) == before


def test_replacing_back_restores_the_same_store(neo4j_clean: Driver) -> None:
    write_fragments(neo4j_clean, [fragment_a(), fragment_b(), fragment_c()])
    before = dump(neo4j_clean)
    changed = fragment_b("2022-12-30")
    del changed.edges[("person/lo-van-khiem-1", "HAS_RANK", "rank/thuong-ta")]
    assert write_fragments(neo4j_clean, [changed]).replaced == ["b2"]
    assert dump(neo4j_clean) != before
    assert write_fragments(neo4j_clean, [fragment_b()]).replaced == ["b2"]
    assert dump(neo4j_clean) == before


def test_changed_article_replaces_only_its_own_statements(neo4j_clean: Driver) -> None:
    write_fragments(neo4j_clean, [fragment_a(), fragment_b(), fragment_c()])
    changed = fragment_b("2023-02-11")
    del changed.edges[("person/lo-van-khiem-1", "SPOKE_AT", "meeting/b2-0")]
    changed.add_node(Node("unit/ban-chqs-doi-thong", "Unit", {"name": "Ban CHQS huyện Đồi Thông"}))
    changed.add_edge(Edge("ORGANIZED_BY", "meeting/b2-0", "unit/ban-chqs-doi-thong"))
    report = write_fragments(neo4j_clean, [changed])
    assert report.replaced == ["b2"]
    assert rel(neo4j_clean, "person/lo-van-khiem-1", "SPOKE_AT", "meeting/b2-0") is None
    assert rel(neo4j_clean, "meeting/b2-0", "ORGANIZED_BY", "unit/ban-chqs-doi-thong")
    thuong_ta = rel(neo4j_clean, "person/lo-van-khiem-1", "HAS_RANK", "rank/thuong-ta")
    assert thuong_ta and thuong_ta["first_seen"] == "2023-02-11"
    dai_ta = rel(neo4j_clean, "person/lo-van-khiem-1", "HAS_RANK", "rank/dai-ta")
    assert dai_ta and dai_ta["sources"] == ["a1", "c3"]


def test_one_batch_of_unchanged_changed_and_new_articles(neo4j_clean: Driver) -> None:
    write_fragments(neo4j_clean, [fragment_a(), fragment_b()])
    changed = fragment_b("2023-02-11")
    report = write_fragments(neo4j_clean, [fragment_a(), changed, fragment_c()])
    assert report.batches == 1 and report.unchanged == ["a1"]
    assert report.written == ["b2", "c3"] and report.replaced == ["b2"]
    after = dump(neo4j_clean)
    neo4j_clean.execute_query("MATCH (n) DETACH DELETE n")
    write_fragments(neo4j_clean, [fragment_a(), changed, fragment_c()])
    assert dump(neo4j_clean) == after


def test_delete_article_keeps_what_others_support(neo4j_clean: Driver) -> None:
    write_fragments(neo4j_clean, [fragment_a(), fragment_b(), fragment_c()])
    delete_article(neo4j_clean, "a1")
    graph = read_graph(neo4j_clean)
    assert "meeting/a1-0" not in graph.nodes and "article/a1" not in graph.nodes
    assert graph.sources["person/lo-van-khiem-1"] == {"b2", "c3"}
    key = edge_key(("person/lo-van-khiem-1", "HAS_RANK", "rank/dai-ta"))
    assert graph.sources[key] == {"c3"}
    dai_ta = rel(neo4j_clean, "person/lo-van-khiem-1", "HAS_RANK", "rank/dai-ta")
    assert dai_ta and (dai_ta["first_seen"], dai_ta["last_seen"]) == ("2025-01-20", "2025-01-20")
    assert all("a1" not in ev for ev in dai_ta["evidence"])


def test_invalid_fragment_is_reported_and_not_written(neo4j_clean: Driver) -> None:
    bad = Fragment("bad", "2024-01-01")
    bad.add_node(Node("person/x", "Person", {"name": "Đinh Thị Xuyến"}))
    bad.add_edge(Edge("CHAIRED", "person/x", "meeting/nowhere"))
    report = write_fragments(neo4j_clean, [fragment_a(), bad])
    assert [f.articles for f in report.failed] == [["bad"]]
    assert "meeting/nowhere" in report.failed[0].error
    assert report.written == ["a1"]
    assert "person/x" not in read_graph(neo4j_clean).nodes


def test_failing_batch_leaves_nothing_half_written(neo4j_clean: Driver) -> None:
    write_fragments(neo4j_clean, [fragment_a()])
    before = dump(neo4j_clean)
    broken = fragment_c()
    broken.nodes["rank/dai-ta"].props["name"] = {"vi": "Đại tá"}  # type: ignore[assignment]
    report = write_fragments(neo4j_clean, [broken])
    assert [f.articles for f in report.failed] == [["c3"]]
    assert dump(neo4j_clean) == before


def test_constraints_on_every_label(neo4j_clean: Driver) -> None:
    write_fragments(neo4j_clean, [])
    records, _, _ = neo4j_clean.execute_query(
        "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type "
        "WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] AS label, properties AS props")
    have = {r["label"] for r in records if r["props"] == ["id"]}
    assert {"Person", "Rank", "Position", "Unit", "Locality", "Decree", "Meeting",
            "Article"} <= have


def test_merged_rows_leave_the_fragments_rows_alone() -> None:
    frags = [fragment_rows(f) for f in (fragment_a(), fragment_b(), fragment_c())]
    before = repr([(f.nodes, f.edges) for f in frags])
    merged = Rows.of(frags)
    person = merged.nodes["Person"]["person/lo-van-khiem-1"]
    assert person["articles"] == ["a1", "b2", "c3"]
    assert repr([(f.nodes, f.edges) for f in frags]) == before
    assert repr(Rows.of(frags).node_rows()) == repr(merged.node_rows())


def test_loading_in_any_article_order_gives_one_store(neo4j_clean: Driver,
                                                      sample_fragment: Any) -> None:
    """A later article's lists are appended, an earlier one's merged: the same store."""
    frags = {a: sample_fragment(article=a) for a in ("bai-1", "bai-2", "bai-3", "bai-4")}
    write_fragments(neo4j_clean, list(frags.values()))
    together = dump(neo4j_clean)
    neo4j_clean.execute_query("MATCH (n) DETACH DELETE n")
    for article in ("bai-2", "bai-3", "bai-1", "bai-4"):  # appended, appended, merged, appended
        write_fragments(neo4j_clean, [frags[article]])
    assert dump(neo4j_clean) == together
    person = neo4j_clean.execute_query(
        "MATCH (p:Person {id: 'person/p1'})-[r:CHAIRED]->() "
        "RETURN p.sources AS s, r.evidence AS e").records[0]
    assert person["s"] == sorted(frags)
    assert person["e"] == sorted(person["e"]) and len(person["e"]) == 4
