"""The explorer's page queries (web/queries, NAME.rq and NAME.cypher) read the same from the
embedded Oxigraph store and from Neo4j, once web.data has named labels and relations: the
pages look the same whatever the store."""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from vnkg.graph.model import LABELS, Fragment
from vnkg.graph.nx import to_networkx
from vnkg.graph.vocab import LABEL_OF_CLASS, RELATION_OF_PREDICATE
from vnkg.loaders.neo4j_store import Neo4jStore
from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.loaders.store import Store
from vnkg.queries import read_query
from vnkg.web import data
from vnkg.web.biggraph import graph_json, rows_json
from vnkg.web.graph import WEBGL_NODES, answer_of

Pair = tuple[Store, Store]


@pytest.fixture(scope="module")
def pair(neo4j_driver: Driver, tmp_path_factory: pytest.TempPathFactory,
         sample_fragments: list[Fragment]) -> Iterator[Pair]:
    """The sample articles in the embedded store and in Neo4j (no reference gazetteer)."""
    neo4j = Neo4jStore.from_driver(neo4j_driver)
    neo4j.clear()
    embedded = OxigraphStore(Path(tmp_path_factory.mktemp("pages")) / "s")
    for store in (embedded, neo4j):
        report = store.write_fragments(sample_fragments)
        assert report.failed == []
    yield embedded, neo4j
    embedded.close()
    neo4j.clear()


def _ids(store: Store) -> list[str]:
    rows = data.search_rows(store)
    assert rows
    return sorted({r["id"] for r in rows})


def _node(store: Store, node_id: str) -> dict[str, Any] | None:
    found = data.node(store, node_id)
    if found is None:
        return None
    props = {k: sorted(map(str, v)) for k, v in found["props"].items()}
    return {"label": found["label"], "name": found["name"], "props": props}


def test_the_search_index_is_the_same(pair: Pair) -> None:
    embedded, neo4j = pair
    rows = [sorted((r["id"], r["label"], r["name"], r["key"]) for r in data.search_rows(s))
            for s in pair]
    assert rows[0] == rows[1] and len(rows[0]) > 50
    assert {r[1] for r in rows[0]} == {"Person", "Unit", "Locality", "Decree", "Meeting"}


def test_nodes_links_facts_and_qualifiers_are_the_same(pair: Pair) -> None:
    embedded, neo4j = pair
    ids = _ids(embedded)
    assert ids == _ids(neo4j)
    for node_id in ids:
        a, b = _node(embedded, node_id), _node(neo4j, node_id)
        assert a is not None and b is not None
        differ = {k: (a["props"].get(k), b["props"].get(k)) for k in {*a["props"], *b["props"]}
                  if a["props"].get(k) != b["props"].get(k)}
        assert (a["label"], a["name"], differ) == (b["label"], b["name"], {}), node_id
        assert data.links(embedded, node_id) == data.links(neo4j, node_id), node_id
        assert data.facts(embedded, node_id) == data.facts(neo4j, node_id), node_id
        assert data.qualifiers(embedded, node_id) == data.qualifiers(neo4j, node_id), node_id
        if node_id.startswith("meeting/"):
            assert data.participants(embedded, node_id) == data.participants(neo4j, node_id)
    assert _node(embedded, "person/no-one") is None and _node(neo4j, "person/no-one") is None


def test_the_comparison_is_not_vacuous(pair: Pair) -> None:
    embedded, _ = pair
    people = [i for i in _ids(embedded) if i.startswith("person/")]
    assert any(data.facts(embedded, p) for p in people)
    assert any(data.qualifiers(embedded, m) for m in _ids(embedded) if m.startswith("meeting/"))
    there = [r for m in _ids(embedded) if m.startswith("meeting/")
             for r in data.participants(embedded, m).values()]
    assert any(r["rank"] for r in there) and any(r["post"] for r in there)


def test_the_decree_pages_queries_are_the_same(pair: Pair) -> None:
    embedded, neo4j = pair
    decrees = [i for i in _ids(embedded) if i.startswith("decree/")]
    assert decrees
    held = 0
    for decree in decrees:
        rows = [data.page_query(s, "decree-places", {"decree": decree}) for s in pair]
        assert rows[0] == rows[1], decree
        held += sum(r["location"] is not None for r in rows[0])
    assert held  # not vacuous: some meetings on a decree were held somewhere
    for province in (None, "Cao Bằng", "Tỉnh Hà Giang"):
        rows = [data.page_query(s, "districts", {"province": province}) for s in pair]
        assert rows[0] == rows[1], province


def test_the_large_graphs_queries_give_the_same_answer(pair: Pair) -> None:
    embedded, neo4j = pair
    answers = [rows_json(*data.graph_rows(s)) for s in pair]
    assert answers[0] == answers[1]
    assert len(answers[0]["ids"]) > 50 and len(answers[0]["edges"]) > 50
    # and the one the whole graph gives over Neo4j too (its read_graph is Neo4j's own)
    assert answers[1] == graph_json(to_networkx(neo4j.read_graph()))


def test_the_quick_look_at_the_graphs_size_is_the_same(pair: Pair) -> None:
    looked = [sorted(r["id"] for r in data.page_query(s, "graph-many", {})) for s in pair]
    assert looked[0] == looked[1] and len(looked[0]) > 50
    for lang in ("sparql", "cypher"):  # its limit: one past the WebGL page's threshold
        text = read_query("graph-many", lang, data.PAGE_QUERIES).text
        assert text.rstrip().endswith(f"LIMIT {WEBGL_NODES + 1}"), lang


def test_the_count_of_the_graphs_nodes_is_the_same(pair: Pair) -> None:
    counted = [data.graph_size(s) for s in pair]
    assert counted[0] == counted[1] == len(data.page_query(pair[0], "graph-many", {}))


def test_past_the_limit_both_give_the_same_aggregate(pair: Pair) -> None:
    answers = [answer_of(s, 10)() for s in pair]
    assert answers[0] == answers[1] and answers[0]["aggregate"]["nodes"] > 10
    assert {"Locality", "Unit", "Person"} <= set(answers[0]["kinds"])


def test_every_page_query_has_both_languages_with_the_same_columns() -> None:
    folder = resources.files(data.PAGE_QUERIES)
    found = {f.name.rsplit(".", 1)[0] for f in folder.iterdir()
             if f.name.endswith((".rq", ".cypher"))}
    assert {"graph-nodes", "graph-edges", "search"} <= found
    for name in sorted(found):
        rq, cypher = (read_query(name, lang, data.PAGE_QUERIES) for lang in ("sparql", "cypher"))
        assert (rq.columns, rq.params) == (cypher.columns, cypher.params), name


def _named_pairs(name: str, table: str) -> dict[str, str]:
    """The (IRI, name) pairs of page query `name`'s VALUES table `table`, prefixes expanded."""
    text = read_query(name, "sparql", data.PAGE_QUERIES).text
    prefixes = dict(re.findall(r"PREFIX (\w+): <([^>]+)>", text))
    values = text.split(f"VALUES {table}")[1].split("}")[0]
    return {prefixes[p] + local: named for p, local, named in
            re.findall(r"\((\w+):(\w+) \"(\w+)\"\)", values)}


def test_the_large_graphs_queries_name_every_relation_and_label_of_the_model() -> None:
    relations = _named_pairs("graph-edges", "(?predicate ?relation)")
    assert relations == {str(p): rel for p, rel in RELATION_OF_PREDICATE.items()}
    labels = _named_pairs("graph-nodes", "(?class ?label)")
    assert labels == {str(c): label for c, label in LABEL_OF_CLASS.items()}
    assert set(labels.values()) == set(LABELS)
    nodes = read_query("graph-nodes", "cypher", data.PAGE_QUERIES).text
    assert set(re.findall(r"'(\w+)'", nodes.split("AS known")[0])) - {"reference"} == set(LABELS)


@pytest.mark.parametrize("name", ["facts", "qualifiers"])
def test_a_statement_s_relation_is_told_by_the_schema_s_predicates_and_its_hash(
        name: str) -> None:
    """facts and qualifiers tell which relation a statement is about by its IRI, the hash
    of its ends and type (graph.rdf.statement_iri): the predicates and types they list are
    the schema's, each pair once (that the hash is statement_iri's, the tests above show:
    the rows are Neo4j's, whose relationships have their types)."""
    from vnkg.graph.vocab import ID

    text = read_query(name, "sparql", package="vnkg.web.queries").text
    prefixes = dict(re.findall(r"PREFIX (\w+): <([^>]+)>", text))
    block = text.split("VALUES (?link ?rel) {")[1].split("}")[0]
    pairs = [(prefixes[prefix] + local, rel)
             for prefix, local, rel in re.findall(r'\((\w+):(\w+) "(\w+)"\)', block)]
    assert sorted(pairs) == sorted((str(p), r) for p, r in RELATION_OF_PREDICATE.items())
    assert f'"{ID}statement/", SUBSTR(SHA256(' in text and ', 1, 16)' in text
