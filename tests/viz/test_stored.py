"""Views read from the store (viz.stored) draw what the same views draw from the whole
graph; the decree view groups by province then district and takes a province; a large
store's overview starts from an aggregate."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from neo4j import Driver

from vnkg.extraction.keys import decree_key
from vnkg.graph.nx import to_networkx
from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.viz import aggregate, stored, views
from vnkg.viz.decree import group
from vnkg.viz.match import require_nodes
from vnkg.viz.read import Walk
from vnkg.viz.view_queries import select_view
from vnkg.viz.views import ViewError, decree_view
from vnkg.viz.walk import in_nodes

DECREE = "21/2019/ND-CP"


def _content(g: nx.MultiDiGraph) -> tuple[dict[str, dict[str, object]], dict[object, object]]:
    return ({n: dict(d) for n, d in g.nodes(data=True)},
            {(u, v, k): d for u, v, k, d in g.edges(keys=True, data=True)})


@pytest.fixture(scope="module")
def whole(articles_store: Path) -> nx.MultiDiGraph:
    with OxigraphStore(articles_store) as store:
        return to_networkx(store.read_graph(reference=True))


def _chair(store: OxigraphStore) -> tuple[str, str]:
    rows = store.select("""PREFIX vnkg: <https://vnkg.dev/ns#> PREFIX schema: <https://schema.org/>
        SELECT ?p ?m (MIN(STR(?n)) AS ?name) WHERE { ?p vnkg:chaired ?m ; schema:name ?n }
        GROUP BY ?p ?m ORDER BY ?p ?m LIMIT 1""")
    return rows[0]["name"], rows[0]["m"]


def test_a_walked_graph_holds_what_the_whole_graph_holds(articles_store: Path,
                                                           whole: nx.MultiDiGraph) -> None:
    nodes = sorted(whole)[::7]
    with OxigraphStore(articles_store) as store:
        walk = Walk(store)
        for n in nodes:
            walk.expand(n)
        read = walk.graph(nodes)
    assert _content(read) == _content(whole.subgraph(nodes))


@pytest.mark.parametrize(("shown", "read_all", "into_from"),
                         [(50, 2, 2), (1, 2, 2), (1, 0, 10 ** 9), (1, 0, 1), (1, 10 ** 9, 2)],
                         ids=["listed", "counted", "counted-by-relation",
                              "counted-from-the-target", "counted-read-all"])
def test_views_from_the_store_equal_the_views_of_the_whole_graph(
        articles_store: Path, whole: nx.MultiDiGraph, monkeypatch: pytest.MonkeyPatch,
        shown: int, read_all: int, into_from: int) -> None:
    """Also with the sources a view lists cut at 1, so that the samples' nodes and relations
    stated by more articles take the counted path (a place, a decree, a post in a unit at
    100k articles), their relations read counted, from the nodes they end at, or all at
    once."""
    from vnkg.viz import read, sources

    monkeypatch.setattr(sources, "SHOWN", shown)
    monkeypatch.setattr(read, "HUB_READ_ALL", read_all)
    monkeypatch.setattr(read, "INTO_FROM", into_from)
    with OxigraphStore(articles_store) as store:
        person, meeting = _chair(store)
        drawn = {"decree": stored.stored_view(store, "decree", number=DECREE),
                 "person": stored.stored_view(store, "person", node=person),
                 "meeting": stored.stored_view(store, "meeting", node=meeting)}
    assert _content(drawn["decree"]) == _content(decree_view(whole, DECREE))
    assert _content(drawn["person"]) == _content(views.person_view(whole, person))
    assert _content(drawn["meeting"]) == _content(views.meeting_view(whole, meeting))
    assert drawn["person"].graph["timeline"] == views.person_view(whole, person).graph[
        "timeline"]
    for items in ("nodes", "edges"):  # a node's or a relation's articles, or their number
        each = [d for g in drawn.values() for *_, d in getattr(g, items)(data=True)]
        counted = [d for d in each if "source_count" in d]
        assert all(len(d["sources"]) <= shown for d in each)
        assert all(d["sources"] == [] and d["source_count"] > shown for d in counted)
        assert bool(counted) == (shown == 1)


def test_decree_view_draws_the_gazetteer_districts_without_a_meeting(sample_store: Path
                                                                     ) -> None:
    with OxigraphStore(sample_store) as store:
        view = stored.stored_view(store, "decree", number=DECREE)
    gaps = [n for n, d in view.nodes(data=True) if d.get("gap")]
    meetings = [d for _, d in view.nodes(data=True) if d["label"] == "Meeting"]
    assert gaps and meetings
    assert all(d["group"].startswith("Bắc Kạn › ") for d in meetings)


def test_decree_view_groups_by_province_then_district(
        sample_nx: Callable[[], nx.MultiDiGraph]) -> None:
    view = decree_view(sample_nx(), "21/2019/nd-cp")
    xs = {m: view.nodes[m]["x"] for m in ("meeting/a1", "meeting/a2", "meeting/a3")}
    assert view.nodes["meeting/a1"]["group"] == "Lâm Bình › Sơn Hà"
    assert view.nodes["meeting/a3"]["group"] == "Bắc Sơn › Đồng Lạc"
    # within a district one step apart; between provinces a wider gap
    assert xs["meeting/a3"] - xs["meeting/a2"] > xs["meeting/a2"] - xs["meeting/a1"]


def test_decree_view_keeps_one_province(sample_nx: Callable[[], nx.MultiDiGraph]) -> None:
    view = decree_view(sample_nx(), "21/2019/nd-cp", province="bac son")
    assert {n for n, d in view.nodes(data=True) if d["label"] == "Meeting"} == {"meeting/a3"}
    assert view.graph["title"].endswith("— bac son")
    with pytest.raises(ViewError, match="its provinces: Bắc Sơn, Lâm Bình"):
        decree_view(sample_nx(), "21/2019/nd-cp", province="Hà Giang")


@pytest.mark.parametrize("province", [None, "first"])
def test_a_decree_with_many_meetings_is_drawn_by_province_and_district(
        articles_store: Path, whole: nx.MultiDiGraph, monkeypatch: pytest.MonkeyPatch,
        province: str | None) -> None:
    """Past DECREE_LIMIT meetings: each province and district with its number of meetings,
    each meeting grouped as the detailed view groups it; `province` keeps one."""
    decrees = require_nodes(whole, DECREE, ["Decree"], ("number", "name"), decree_key)
    meetings = {m for d in decrees for m in in_nodes(whole, d, ("CONCERNS",))}
    groups = Counter(group(whole, m) for m in meetings)
    if province:
        top = min(p for p, _ in groups if p)
        groups = Counter({k: n for k, n in groups.items() if k[0] == top})
        province = str(whole.nodes[top]["name"])
    monkeypatch.setattr(stored, "DECREE_LIMIT", 0)
    with OxigraphStore(articles_store) as store:
        big = stored.stored_view(store, "decree", number=DECREE, province=province)
    drawn = {n: d["meetings"] for n, d in big.nodes(data=True) if d.get("aggregate")}
    wanted: Counter[str] = Counter()
    for (top, district), n in groups.items():
        wanted.update({x: n for x in (top, district) if x})
    assert drawn == dict(wanted) and len(drawn) > 1
    assert [big.nodes[d]["meetings"] for d in decrees] == [sum(groups.values())]
    assert {(u, v) for u, v, k in big.edges(keys=True) if k == "PART_OF"} == {
        (district, top) for top, district in groups if top and district}
    assert big.graph["layout"] == "fixed" and "theo huyện" in big.graph["title"]
    assert (f"— {province} (" in big.graph["title"]) if province else (
        "—" not in big.graph["title"])
    assert all("x" in d and "y" in d for _, d in big.nodes(data=True))


def test_overview_of_a_large_store_is_an_aggregate(sample_store: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    with OxigraphStore(sample_store) as store:
        assert aggregate.node_count(store) > 0
        monkeypatch.setattr(aggregate, "OVERVIEW_LIMIT", 0)
        big = stored.stored_view(store, "overview")
    labels = [d["label"] for _, d in big.nodes(data=True)]
    assert set(labels) == {"Locality", "Unit", "Person"}
    assert labels.count("Person") <= 60 and labels.count("Unit") <= 150
    provinces = {d["name"]: d["meetings"] for _, d in big.nodes(data=True)
                 if d["label"] == "Locality"}
    assert provinces["Bắc Kạn"] >= max(provinces.values()) and "Quảng Nam" in provinces
    assert all(big.nodes[v]["label"] == "Locality" for _, v, k in big.edges(keys=True)
               if k == "LOCATED_IN")
    assert any(k == "HOLDS" for _, _, k in big.edges(keys=True))
    assert big.graph["title"].startswith("Tổng quan: ")


def test_a_sparql_server_draws_the_same_views(articles_store: Path, sparql_server: str,
                                               whole: nx.MultiDiGraph,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Also the aggregates of a large store (the decree's places, the co-attendance pairs),
    each as the embedded store draws it, and the relations a view counts (SHOWN cut at 1,
    every relation of the nodes more articles state counted)."""
    from vnkg.loaders.sparql_store import SparqlStore
    from vnkg.viz import read, sources

    def aggregates(store: object) -> list[nx.MultiDiGraph]:
        with monkeypatch.context() as m:
            m.setattr(stored, "DECREE_LIMIT", 0)
            m.setattr(aggregate, "OVERVIEW_LIMIT", 0)
            return [stored.stored_view(store, "decree", number=DECREE),
                    stored.stored_view(store, "co-attendance")]

    with OxigraphStore(articles_store) as local:
        fragments = [local.read_fragment(a) for a in local.articles()]
        person, meeting = _chair(local)
    with SparqlStore(sparql_server) as remote:
        remote.update("DROP SILENT ALL")
        remote.write_fragments(fragments)
        decree = stored.stored_view(remote, "decree", number=DECREE)
        drawn = stored.stored_view(remote, "person", node=person)
        remote_aggregates = aggregates(remote)
        with monkeypatch.context() as m:
            m.setattr(sources, "SHOWN", 1)
            m.setattr(read, "HUB_READ_ALL", 0)
            m.setattr(read, "INTO_FROM", 10 ** 9)
            counted = [stored.stored_view(remote, "person", node=person),
                       stored.stored_view(remote, "meeting", node=meeting),
                       stored.stored_view(remote, "decree", number=DECREE)]
            expected = [views.person_view(whole, person), views.meeting_view(whole, meeting),
                        decree_view(whole, DECREE)]
    assert _content(decree) == _content(decree_view(whole, DECREE))
    assert _content(drawn) == _content(views.person_view(whole, person))
    assert [_content(g) for g in counted] == [_content(g) for g in expected]
    assert any("source_count" in d for g in counted for *_, d in g.edges(data=True))
    with OxigraphStore(articles_store) as local:
        local_aggregates = aggregates(local)
    assert [_content(g) for g in remote_aggregates] == [_content(g) for g in local_aggregates]


def _rows(store: object, name: str) -> list[tuple[object, ...]]:
    """View query `name`'s rows on `store`, in an order both languages agree on."""
    rows = [tuple(r.values()) for r in select_view(store, name)]
    return sorted(rows, key=lambda r: [(v is not None, v) for v in r])


def test_neo4j_draws_the_same_aggregate(articles_store: Path, neo4j_driver: Driver) -> None:
    """The overview's aggregate queries in Cypher give the rows the SPARQL ones give, so a
    large Neo4j store's overview starts from the same aggregate."""
    from vnkg.loaders.neo4j_store import Neo4jStore

    names = ("overview-size", "overview-provinces", "overview-units", "overview-officials")
    neo4j = Neo4jStore.from_driver(neo4j_driver)
    neo4j.clear()
    try:
        with OxigraphStore(articles_store) as local:
            assert not neo4j.write_fragments(
                [local.read_fragment(a) for a in local.articles()]).failed
            expected = {name: _rows(local, name) for name in names}
            drawn = _content(aggregate.aggregate_overview(local))
        assert {name: _rows(neo4j, name) for name in names} == expected
        assert _content(aggregate.aggregate_overview(neo4j)) == drawn
    finally:
        neo4j.clear()
    # not vacuous: meetings placed in provinces, units with holders, officials with units
    assert all(len(expected[name]) > 2 for name in names[1:])
    assert any(row[0] is not None for row in expected["overview-provinces"])
    assert any(row[2] is not None for row in expected["overview-units"])
    assert any(row[3] is not None for row in expected["overview-officials"])


def _expected_aggregate(g: nx.MultiDiGraph) -> tuple[dict[str, int], dict[str, int],
                                                     dict[str, int]]:
    """The provinces' meetings, units' holders and people's degrees, counted on the whole
    graph in Python: what the aggregate's queries must count in the store."""
    def tops(place: str) -> set[str]:
        up = {place, *(g.nodes[place].get("within") or [])}
        return {p for p in up if p in g and not any(
            k == "PART_OF" for *_, k in g.out_edges(p, keys=True))}
    meetings: dict[str, set[str]] = {}
    holders: dict[str, set[str]] = {}
    for m, place, k in g.edges(keys=True):
        if k == "HELD_IN":
            for p in tops(place):
                meetings.setdefault(p, set()).add(m)
        if k == "HOLDS":
            for _, unit, k2 in g.out_edges(place, keys=True):
                if k2 == "IN_UNIT":
                    holders.setdefault(unit, set()).add(m)
    degree = {n: len(set(g.successors(n))) for n, d in g.nodes(data=True)
              if d["label"] == "Person"}
    return ({p: len(ms) for p, ms in meetings.items()},
            {u: len(hs) for u, hs in holders.items()}, degree)


def test_the_aggregate_counts_what_the_whole_graph_holds(sample_store: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    with OxigraphStore(sample_store) as store:
        monkeypatch.setattr(aggregate, "OVERVIEW_LIMIT", 0)
        big = stored.stored_view(store, "overview")
        whole = to_networkx(store.read_graph(reference=True))
    meetings, holders, degree = _expected_aggregate(whole)
    drawn = {label: {n: d for n, d in big.nodes(data=True) if d["label"] == label}
             for label in ("Locality", "Unit", "Person")}
    assert {n: d["meetings"] for n, d in drawn["Locality"].items()} == meetings
    assert {n: d["holders"] for n, d in drawn["Unit"].items()} == {
        u: h for u, h in holders.items() if u in drawn["Unit"]}
    assert len(drawn["Unit"]) == min(150, len(holders))
    top = sorted(degree.values(), reverse=True)[:60]
    assert sorted((d["degree"] for d in drawn["Person"].values()), reverse=True) == top
    assert all(degree[n] == d["degree"] for n, d in drawn["Person"].items())


def test_the_officials_degree_counts_every_relation_a_person_starts() -> None:
    from vnkg.graph.schema import SCHEMA
    from vnkg.queries import read_query

    text = read_query("overview-officials", "sparql", package="vnkg.viz.queries").text
    starts = {end.predicate for rel in SCHEMA.relations.values() for end in rel.ends
              if end.source == "Person"}
    assert starts and all(f"{{ ?p {p} ?x }}" in text for p in starts)



def test_node_values_reads_every_property_whose_values_are_nodes() -> None:
    """node-values leaves out IRI values but of the schema's `node` properties: the list
    in the query is the schema's."""
    import re

    from vnkg.graph.vocab import NODE_PROPS, PROPERTIES
    from vnkg.queries import read_query

    text = read_query("node-values", "sparql", package="vnkg.viz.queries").text
    listed = set(re.findall(r"vnkg:(\w+)", text.split("IN (rdf:type,")[1].split(")")[0]))
    assert {str(PROPERTIES[n]).rsplit("#", 1)[1] for n in NODE_PROPS} == listed


def test_node_values_leaves_out_every_relation_of_the_schema_first() -> None:
    """node-values tests a predicate against the relations' before it reads a value's term:
    the list in the query is the schema's relations, each once."""
    import re

    from vnkg.graph.vocab import RELATION_OF_PREDICATE
    from vnkg.queries import read_query

    text = read_query("node-values", "sparql", package="vnkg.viz.queries").text
    prefixes = dict(re.findall(r"PREFIX (\w+): <([^>]+)>", text))
    names = re.findall(r"(\w+):(\w+)", text.split("?p NOT IN (")[1].split(")")[0])
    listed = [prefixes[prefix] + local for prefix, local in names]
    assert sorted(listed) == sorted({str(p) for p in RELATION_OF_PREDICATE})


@pytest.mark.parametrize("name", ["candidates", "candidates-by-key"])
def test_candidates_reads_the_predicates_of_the_properties_a_view_matches(name: str) -> None:
    """candidates (and candidates-by-key) list the predicates of MATCHED's properties,
    every one of the schema's."""
    import re

    from vnkg.graph.vocab import PROPERTY_OF_PREDICATE
    from vnkg.queries import read_query
    from vnkg.viz.lookup import MATCHED

    text = read_query(name, "sparql", package="vnkg.viz.queries").text
    prefixes = dict(re.findall(r"PREFIX (\w+): <([^>]+)>", text))
    names = re.findall(r"(\w+):(\w+)", text.split("?p IN (")[1].split(")")[0])
    listed = sorted(prefixes[prefix] + local for prefix, local in names)
    assert listed == sorted(str(p) for p, name in PROPERTY_OF_PREDICATE.items()
                            if name in MATCHED)


def test_co_attendance_of_a_large_store_draws_the_pairs_sharing_most_meetings(
        articles_store: Path, whole: nx.MultiDiGraph, monkeypatch: pytest.MonkeyPatch
        ) -> None:
    """Past OVERVIEW_LIMIT: the pairs by a query, each weighing what the whole graph's view
    weighs, its people as the whole graph's view draws them; the samples' people are fewer
    than the 60 kept, so the pairs are the whole view's heaviest 150."""
    full = views.co_attendance_view(whole, 2)
    monkeypatch.setattr(aggregate, "OVERVIEW_LIMIT", 0)
    with OxigraphStore(articles_store) as store:
        top = stored.stored_view(store, "co-attendance", min_shared=2)
    assert sum(1 for _, d in whole.nodes(data=True) if d["label"] == "Person") < 60
    weights = {(a, b): d["weight"] for a, b, d in top.edges(data=True)}
    assert weights and all(full.edges[a, b, "CO_ATTENDED"]["weight"] == w
                           for (a, b), w in weights.items())
    heaviest = sorted((d["weight"] for _, _, d in full.edges(data=True)), reverse=True)
    assert sorted(weights.values(), reverse=True) == heaviest[:150]
    assert all(dict(top.nodes[p]) == dict(full.nodes[p]) for p in top)


def test_a_person_in_many_meetings_is_drawn_with_the_latest(
        articles_store: Path, whole: nx.MultiDiGraph, monkeypatch: pytest.MonkeyPatch
        ) -> None:
    """Past PERSON_MEETINGS: the view of the whole graph without the person's older
    meetings, its title saying how many of how many."""
    def took_part(p: str) -> set[str]:
        return {m for m in whole.successors(p) if whole.nodes[m]["label"] == "Meeting"}

    person = max(sorted(n for n, d in whole.nodes(data=True) if d["label"] == "Person"),
                 key=lambda p: len(took_part(p)))
    meetings = sorted(took_part(person), key=lambda m: (str(whole.nodes[m].get("date", "")),
                                                         m), reverse=True)
    assert len(meetings) > 2
    monkeypatch.setattr(stored, "PERSON_MEETINGS", 2)
    with OxigraphStore(articles_store) as store:
        drawn = stored.stored_view(store, "person", node=person)
    expected = views.person_view(whole.subgraph(set(whole) - set(meetings[2:])), person)
    assert _content(drawn) == _content(expected)
    assert took_part(person) & set(drawn) == set(meetings[:2])
    assert drawn.graph["title"].endswith(f"— 2 sự kiện gần nhất trong {len(meetings)}")


def test_a_locality_one_article_only_names_is_drawn_with_the_gazetteers_values_too(
        tmp_path: Path) -> None:
    from vnkg.extraction.gazetteer import place
    from vnkg.graph.model import Edge, Fragment, Node, PropValue
    from vnkg.graph.reference import gazetteer_props, locality_node
    from vnkg.loaders.rdf import REFERENCE

    known = place("001")
    assert known is not None
    ba_dinh = locality_node(known)
    as_given = gazetteer_props(ba_dinh.id) or {}
    otherwise: dict[str, PropValue] = {"name": "Quận Ba Đình"}
    reference = Fragment(REFERENCE, None)
    reference.add_node(ba_dinh)
    articles = []
    for article, props in (("named", as_given), ("described", otherwise)):
        frag = Fragment(article, "2024-05")
        frag.add_node(Node(ba_dinh.id, "Locality", props))
        frag.add_node(Node(f"meeting/{article}", "Meeting", {"name": f"Hội nghị {article}"}))
        frag.add_edge(Edge("HELD_IN", f"meeting/{article}", ba_dinh.id))
        articles.append(frag)
    with OxigraphStore(tmp_path / "store") as store:
        store.write_reference(lambda: reference, "test")
        store.write_fragments(articles)
        walk = Walk(store)
        walk.expand(ba_dinh.id)
        read = walk.graph([ba_dinh.id])
        whole = to_networkx(store.read_graph())
    assert read.nodes[ba_dinh.id]["name"] == whole.nodes[ba_dinh.id]["name"] == "Ba Đình"
    assert _content(read) == _content(whole.subgraph([ba_dinh.id]))


def test_a_locality_the_articles_describe_otherwise_keeps_its_class(tmp_path: Path) -> None:
    # no article only names it, so the gazetteer's graph is skipped; its class is the
    # union's alone (graph.rdf), and the gazetteer's graph states it too
    from vnkg.extraction.gazetteer import place
    from vnkg.graph.model import Edge, Fragment, Node
    from vnkg.graph.reference import locality_node
    from vnkg.loaders.rdf import REFERENCE

    known = place("001")
    assert known is not None
    ba_dinh = locality_node(known)
    reference = Fragment(REFERENCE, None)
    reference.add_node(ba_dinh)
    frag = Fragment("described", "2024-05")
    frag.add_node(Node(ba_dinh.id, "Locality", {"name": "Quận Ba Đình"}))
    frag.add_node(Node("meeting/m", "Meeting", {"name": "Hội nghị"}))
    frag.add_edge(Edge("HELD_IN", "meeting/m", ba_dinh.id))
    with OxigraphStore(tmp_path / "store") as store:
        store.write_reference(lambda: reference, "test")
        store.write_fragments([frag])
        walk = Walk(store)
        walk.expand("meeting/m")
        read = walk.graph(["meeting/m", ba_dinh.id])
        whole = to_networkx(store.read_graph())
    assert read.nodes[ba_dinh.id]["label"] == "Locality"
    assert _content(read) == _content(whole.subgraph(["meeting/m", ba_dinh.id]))


def test_a_decree_is_found_by_its_key_as_among_every_decree(articles_store: Path) -> None:
    """find looks a decree's number or name up by the stored key (the decree key of its
    number), and finds what matching it against every decree finds, however it is spelt."""
    from vnkg.viz.lookup import candidates, find
    from vnkg.viz.match import find_nodes

    keys = ("number", "name")
    with OxigraphStore(articles_store) as store:
        every = candidates(store, "Decree", keys)
        asks = sorted({str(d[k]) for _, d in every.nodes(data=True) for k in keys if d.get(k)})
        assert len(asks) > 10
        for text in asks:
            for asked in (text, text.lower(), decree_key(text)):
                found = find(store, "Decree", asked, keys, decree_key)
                assert found and found == find_nodes(every, asked, ["Decree"], keys, decree_key)
                assert set(found) <= set(candidates(store, "Decree", keys, decree_key(asked)))


def test_a_name_is_found_by_its_key_as_among_every_node(articles_store: Path) -> None:
    """find looks a person's name up by the stored key (the fold of the name), which every
    person it finds has, and finds what matching it against every person finds, however
    it is spelt; a name no key has still gets the nearest names."""
    from vnkg.extraction.keys import name_key
    from vnkg.viz.lookup import candidates, find
    from vnkg.viz.match import find_nodes

    with OxigraphStore(articles_store) as store:
        every = candidates(store, "Person", ("name",))
        names = sorted({str(d["name"]) for _, d in every.nodes(data=True)})
        assert len(names) > 10
        for name in names:
            for asked in (name, name.upper(), name_key(name)):
                found = find(store, "Person", asked)
                assert found and found == find_nodes(every, asked, ["Person"])
                assert set(found) <= set(candidates(store, "Person", ("name",),
                                                    name_key(asked)))
        with pytest.raises(ViewError, match="the nearest: " + names[0]):
            find(store, "Person", names[0] + " Xyz")
