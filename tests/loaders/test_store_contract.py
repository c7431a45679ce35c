"""One contract, run against every store: the embedded Oxigraph on disk, three SPARQL 1.1
servers (`oxigraph serve`, Apache Jena Fuseki, Virtuoso) and Neo4j. Idempotent loads,
replacement, deletion, every article read at once as each one alone, bound parameters;
the RDF-only promises (named graphs, the default graph the union of them) on the RDF
stores. Every named query on them all is compared in
tests/loaders/test_store_queries.py."""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rdflib.namespace import RDF

from vnkg.extraction.gazetteer import place
from vnkg.extraction.keys import name_key
from vnkg.graph.model import Edge, Fragment, Node
from vnkg.graph.rdf import graph_iri, to_ntriples
from vnkg.graph.reference import gazetteer_props, locality_node
from vnkg.graph.vocab import VNKG, node_iri, property_predicate
from vnkg.loaders.neo4j_store import Neo4jStore
from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.loaders.rdf import RdfBase
from vnkg.loaders.sparql_store import SparqlStore
from vnkg.loaders.store import REFERENCE, Store, open_store, store_class
from vnkg.queries.run import run_named

RDF_ENGINES = ["embedded", "sparql", "fuseki", "virtuoso"]
ENGINES = [*RDF_ENGINES, "neo4j"]
SCHEMA_NAME = property_predicate("name", "Locality")
SERVERS = {"sparql": "sparql_server", "fuseki": "fuseki_server",
           "virtuoso": "virtuoso_server"}


def opened(engine: str, request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    """A fresh, empty store of `engine`."""
    if engine == "embedded":
        return OxigraphStore(tmp_path / "store")
    if engine in SERVERS:
        remote = SparqlStore(request.getfixturevalue(SERVERS[engine]))
        remote.clear()
        return remote
    return Neo4jStore.from_driver(request.getfixturevalue("neo4j_clean"))


@pytest.fixture(params=ENGINES)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with opened(request.param, request, tmp_path) as s:
        yield s


@pytest.fixture(params=RDF_ENGINES)
def rdf(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RdfBase]:
    with opened(request.param, request, tmp_path) as s:
        assert isinstance(s, RdfBase)
        yield s


def test_open_store_picks_the_engine_by_the_target(tmp_path: Path) -> None:
    assert store_class("http://127.0.0.1:7878/query") is SparqlStore
    assert store_class("bolt://127.0.0.1:7687") is Neo4jStore
    assert store_class("neo4j+s://x.databases.neo4j.io") is Neo4jStore
    with open_store(tmp_path / "s") as s:
        assert isinstance(s, OxigraphStore) and isinstance(s, Store)
    with pytest.raises(ValueError, match="ftp://"):
        open_store("ftp://example.org/x")


def test_second_write_changes_nothing(store: Store,
                                      sample_fragment: Callable[..., Fragment]) -> None:
    first = store.write_fragments([sample_fragment("a1"), sample_fragment("a2")])
    before = store.read_graph()
    second = store.write_fragments([sample_fragment("a1"), sample_fragment("a2")])
    assert first.written == ["a1", "a2"] and first.unchanged == []
    assert second.written == [] and second.unchanged == ["a1", "a2"]
    assert store.read_graph() == before
    assert store.articles() == ["a1", "a2"]


def test_changed_article_replaces_only_its_own_statements(
        store: Store, sample_fragment: Callable[..., Fragment]) -> None:
    store.write_fragments([sample_fragment("a1"), sample_fragment("a2")])
    changed = sample_fragment("a1")
    del changed.edges[("person/p1", "SPOKE_AT", "meeting/m1")]
    report = store.write_fragments([changed])
    assert report.written == ["a1"] and report.replaced == ["a1"]
    assert store.read_fragment("a1") == changed
    assert store.read_fragment("a2") == sample_fragment("a2")
    graph = store.read_graph()
    assert graph.sources_of(graph.edges[("person/p1", "SPOKE_AT", "meeting/m1")]) == ["a2"]
    assert graph.sources_of(graph.nodes["person/p1"]) == ["a1", "a2"]


def test_deleting_an_article_keeps_what_others_state(
        store: Store, sample_fragment: Callable[..., Fragment]) -> None:
    store.write_fragments([sample_fragment("a1"), sample_fragment("a2", name="Lò Văn Khác")])
    store.delete_article("a1")
    assert store.articles() == ["a2"]
    assert store.read_fragment("a2") == sample_fragment("a2", name="Lò Văn Khác")
    assert [r["person_name"] for r in run_named(store, "chairs")] == ["Lò Văn Khác"]
    store.delete_article("a2")
    assert store.articles() == [] and run_named(store, "chairs") == []


def test_reading_every_fragment_is_reading_each_article(
        store: Store, sample_fragment: Callable[..., Fragment], hostile: str) -> None:
    articles = ["a1", 'bài "2" \\ ; <x>', REFERENCE, "z9"]
    store.write_fragments([sample_fragment(a, name=hostile if a == "z9" else "Lò Văn A")
                           for a in articles])
    each = [store.read_fragment(a) for a in sorted(articles)]
    everything = list(store.read_fragments(reference=True))
    assert everything == each and [f.article for f in everything] == sorted(articles)
    assert repr(everything) == repr(each)  # to the order of nodes and properties
    assert list(store.read_fragments(reference=False)) == [f for f in each
                                                           if f.article != REFERENCE]


def test_a_reader_opens_the_same_store_again_for_another_process(
        store: Store, sample_fragment: Callable[..., Fragment]) -> None:
    store.write_fragments([sample_fragment("a1"), sample_fragment("a2", name="Lò Văn Khác")])
    with store.reader() as reader:
        if isinstance(store, Neo4jStore):  # the exports that share their reading read RDF
            assert reader is None
            return
        assert reader is not None
        with pickle.loads(pickle.dumps(reader))() as again:  # what a spawned process gets
            assert again.articles() == ["a1", "a2"]
            assert again.read_fragment("a2") == store.read_fragment("a2")


def test_named_query_binds_hostile_parameters(store: Store,
                                              sample_fragment: Callable[..., Fragment],
                                              hostile: str) -> None:
    store.write_fragments([sample_fragment("a1", name=hostile)])
    before = store.read_graph()
    rows = run_named(store, "chairs", {"person": hostile})
    assert [r["person_name"] for r in rows] == [hostile]
    assert run_named(store, "chairs", {"person": '" } ; DROP ALL ; #'}) == []
    assert run_named(store, "chairs", {"person": "person/p1", "from": "2024-01-01"}) == rows
    assert run_named(store, "chairs", {"to": "2023-12-31"}) == []
    assert run_named(store, "chairs", {"person": ""}) == run_named(store, "chairs") == rows
    assert store.read_graph() == before


def test_sources_finds_the_evidence_of_an_article_id_of_quotes_and_backslashes(
        store: Store, sample_fragment: Callable[..., Fragment]) -> None:
    article = 'bài "một" \\ ; hai'
    store.write_fragments([sample_fragment(article)])
    rows = run_named(store, "sources", {"id": "person/p1"})
    assert [(r["article"], r["evidence"]) for r in rows] == [
        (f"article/{article}", "Hoàng Văn Thạch chủ trì hội nghị")]


def test_select_binds_parameters(store: Store, sample_fragment: Callable[..., Fragment],
                                 hostile: str) -> None:
    store.write_fragments([sample_fragment("a1", name=hostile)])
    if store.language == "sparql":
        text = "PREFIX vnkg: <https://vnkg.dev/ns#> SELECT ?p ?key WHERE { ?p vnkg:key ?key }"
    else:
        text = "MATCH (p:Person {key: $key}) RETURN p.id AS p, p.key AS key"
    key = name_key(hostile)
    assert store.select(text, {"key": key}) == [{"p": "person/p1", "key": key}]
    assert store.select(text, {"key": key + "x"}) == []


def test_default_graph_is_the_union_after_every_write(rdf: RdfBase,
                                                      sample_fragment: Callable[..., Fragment],
                                                      union_gap: str) -> None:
    def gap() -> int:
        return int(rdf.select(union_gap)[0]["n"])

    def everything() -> list[dict[str, object]]:
        return sorted(rdf.select("SELECT * WHERE { ?s ?p ?o }"), key=repr)

    own = everything()  # empty: on Virtuoso too, whose default graph vnkg names (its union)
    rdf.write_fragments([sample_fragment("a1"), sample_fragment("a2"), sample_fragment("a3")])
    assert gap() == 0 and len(everything()) > len(own)
    new = "Hoàng Văn Thạch Mới"  # a1 and a2 change in one batch; a3 keeps the old name
    rdf.write_fragments([sample_fragment("a1", name=new), sample_fragment("a2", name=new),
                         sample_fragment("a4", name=new)])
    assert gap() == 0
    names = rdf.select("PREFIX schema: <https://schema.org/> SELECT ?n WHERE { "
                       "<https://vnkg.dev/id/person/p1> schema:name ?n }")
    assert sorted(r["n"] for r in names) == ["Hoàng Văn Thạch", "Hoàng Văn Thạch Mới"]
    rdf.delete_article("a3")
    assert gap() == 0
    assert [r["n"] for r in rdf.select("PREFIX schema: <https://schema.org/> SELECT ?n "
                                       "WHERE { <https://vnkg.dev/id/person/p1> schema:name "
                                       "?n }")] == ["Hoàng Văn Thạch Mới"]
    for article in rdf.articles():
        rdf.delete_article(article)
    assert everything() == own


def test_the_union_keys_a_node_by_the_names_the_graphs_still_give(
        rdf: RdfBase, sample_fragment: Callable[..., Fragment]) -> None:
    """A node's key is the union's alone (the fold of its name: graph.rdf), so when the only
    article giving a name changes or goes, its key goes, and a key another name folds to
    stays: the union as a clean write of what is left makes it."""
    def keys() -> list[str]:
        return sorted(str(r["k"]) for r in rdf.select(
            f"SELECT DISTINCT ?k WHERE {{ <{node_iri('person/p1')}> <{VNKG.key}> ?k }}"))

    def everything() -> list[dict[str, object]]:
        return sorted(rdf.select("SELECT * WHERE { ?s ?p ?o }"), key=repr)

    rdf.write_fragments([sample_fragment("a1"), sample_fragment("a2", name="HOÀNG VĂN THẠCH"),
                         sample_fragment("a3", name="Hoàng Văn Mới")])
    assert keys() == ["hoang van moi", "hoang van thach"]
    # a key no name folds to any more (as after a change of the abbreviations) goes too
    union, stale = rdf._union_graph(), f'<{node_iri("person/p1")}> <{VNKG.key}> "hoang cu" .'
    rdf.update(f"INSERT DATA {{ {stale if union is None else f'GRAPH {union} {{ {stale} }}'} }}")
    assert "hoang cu" in keys()
    rdf.write_fragments([sample_fragment("a3", name="Lò Văn Mẫu")])
    assert keys() == ["hoang van thach", "lo van mau"]
    rdf.delete_article("a1")  # its name is a2's folded the same way
    assert keys() == ["hoang van thach", "lo van mau"]
    last = [sample_fragment("a2", name="Đinh Thị Hoa"), sample_fragment("a3", name="Đinh Thị Hoa")]
    rdf.write_fragments(last)
    assert keys() == ["dinh thi hoa"]
    after = everything()
    for article in rdf.articles():
        rdf.delete_article(article)
    rdf.write_fragments(last)
    assert everything() == after


def test_a_key_a_graph_states_stays_in_the_union(
        rdf: RdfBase, sample_fragment: Callable[..., Fragment], union_gap: str) -> None:
    """A key that is no fold of the name (a store written before: every key) is stated in
    its graph, and a refold of the node keeps it there and in the union, and folds no name
    of that graph: the union as a clean write makes it."""
    own = sample_fragment("a1")
    own.nodes["person/p1"].props["key"] = "ma rieng"
    rdf.write_fragments([own, sample_fragment("a2")])
    last = [own, sample_fragment("a2", name="Lò Văn Mẫu")]
    rdf.write_fragments(last[1:])
    keys = rdf.select(f"SELECT DISTINCT ?k WHERE {{ <{node_iri('person/p1')}> <{VNKG.key}> ?k }}")
    assert sorted(str(r["k"]) for r in keys) == ["lo van mau", "ma rieng"]
    assert int(rdf.select(union_gap)[0]["n"]) == 0
    after = sorted(rdf.select("SELECT * WHERE { ?s ?p ?o }"), key=repr)
    for article in rdf.articles():
        rdf.delete_article(article)
    rdf.write_fragments(last)
    assert sorted(rdf.select("SELECT * WHERE { ?s ?p ?o }"), key=repr) == after


def test_the_evidence_is_in_its_article_graph_alone_and_in_the_union_given(
        rdf: RdfBase, sample_fragment: Callable[..., Fragment]) -> None:
    rdf.write_fragments([sample_fragment("a1"), sample_fragment("a2")])
    in_graphs = f"SELECT ?e WHERE {{ GRAPH ?g {{ ?st <{VNKG.evidence}> ?e }} }}"
    in_union = f"SELECT ?e WHERE {{ ?st <{VNKG.evidence}> ?e }}"

    def articles(query: str) -> set[str]:  # the articles whose spans `query` finds
        return {str(r["e"]).split("#")[0] for r in rdf.select(query)}

    assert articles(in_graphs) == {"article/a1", "article/a2"}
    if rdf._keeps_union():  # not copied into a union of vnkg's own
        assert articles(in_union) == set()
    given = {str(o).split("#")[0] for _, p, o in rdf.union_triples() if p == VNKG.evidence}
    assert given == {str(graph_iri("a1")), str(graph_iri("a2"))}
    assert rdf.read_fragment("a1") == sample_fragment("a1")
    rdf.delete_article("a1")
    assert articles(in_graphs) == {"article/a2"}


def test_an_article_written_when_its_graph_held_every_statement_reads_and_goes_cleanly(
        rdf: RdfBase, sample_fragment: Callable[..., Fragment], union_gap: str) -> None:
    # before graph.rdf kept a node's type and a statement's subject, relation and object in
    # the union alone, an article's graph held them too: such a graph is read back alike,
    # and dropping it leaves what another article (written now) names of the same nodes
    rdf.update(rdf._updates().insert(graph_iri("a1").n3(), to_ntriples(sample_fragment("a1"))))
    rdf.write_fragments([sample_fragment("a2")])
    assert rdf.read_fragment("a1") == sample_fragment("a1")
    assert int(rdf.select(union_gap)[0]["n"]) == 0
    rdf.delete_article("a1")
    assert int(rdf.select(union_gap)[0]["n"]) == 0
    assert rdf.read_fragment("a2") == sample_fragment("a2")
    assert [r["person_name"] for r in run_named(rdf, "chairs")] == ["Hoàng Văn Thạch"]


def test_embedded_store_persists_and_locks(tmp_path: Path,
                                           sample_fragment: Callable[..., Fragment]) -> None:
    with OxigraphStore(tmp_path / "s") as rdf:
        rdf.write_fragments([sample_fragment("a1")])
    with OxigraphStore(tmp_path / "s") as rdf:
        assert rdf.read_fragment("a1") == sample_fragment("a1")


def test_store_written_before_the_union_was_kept_is_filled_on_open(
        tmp_path: Path, sample_fragment: Callable[..., Fragment], union_gap: str) -> None:
    with OxigraphStore(tmp_path / "s") as rdf:  # its graphs held every statement then
        rdf.write_fragments([sample_fragment("a1")])
        rdf.update("CLEAR DEFAULT")
        lines = " . ".join(to_ntriples(sample_fragment("a1")))
        rdf.update(f"INSERT DATA {{ GRAPH {graph_iri('a1').n3()} {{ {lines} }} }}")
        assert rdf.select("SELECT * WHERE { ?s ?p ?o }") == []
    with OxigraphStore(tmp_path / "s") as rdf:
        assert int(rdf.select(union_gap)[0]["n"]) == 0
        assert [r["person_name"] for r in run_named(rdf, "chairs")] == ["Hoàng Văn Thạch"]


def _ba_dinh_article() -> tuple[Fragment, Node]:
    """An article naming a gazetteer district as the gazetteer has it, and a commune the
    gazetteer does not know."""
    known = place("001")
    assert known is not None
    ba_dinh = locality_node(known)
    frag = Fragment("a-ba-dinh", "2024-05")
    frag.add_node(Node(ba_dinh.id, "Locality", gazetteer_props(ba_dinh.id) or {}))
    frag.add_node(Node("locality/xa-moc-hoa", "Locality", {"name": "Mộc Hoa", "type": "xã"}))
    frag.add_edge(Edge("PART_OF", "locality/xa-moc-hoa", ba_dinh.id))
    return frag, ba_dinh


def test_a_store_holding_the_gazetteer_names_its_localities_without_describing_them(
        rdf: RdfBase) -> None:
    frag, ba_dinh = _ba_dinh_article()
    reference = Fragment(REFERENCE, None)  # a stand-in for the 290k-triple gazetteer
    reference.add_node(ba_dinh)
    rdf.write_reference(lambda: reference, "test")
    rdf.write_fragments([frag])
    stated = {(str(s), str(p)) for s, p, _ in rdf._triples(str(graph_iri("a-ba-dinh")))}
    assert {p for s, p in stated if s == str(node_iri(ba_dinh.id))} == {str(RDF.type),
                                                                        str(VNKG.id)}
    assert (str(node_iri("locality/xa-moc-hoa")), str(SCHEMA_NAME)) in stated
    back = rdf.read_fragment("a-ba-dinh")
    assert back.nodes == frag.nodes and list(back.edges) == list(frag.edges)
    names = rdf.select(f"SELECT ?n WHERE {{ <{node_iri(ba_dinh.id)}> <{SCHEMA_NAME}> ?n }}")
    assert [str(r["n"]) for r in names] == ["Ba Đình"]
    rdf.write_fragments([frag])  # a re-run changes nothing
    assert rdf.read_fragment("a-ba-dinh").nodes == frag.nodes


def test_a_store_without_the_gazetteer_describes_every_locality(rdf: RdfBase) -> None:
    frag, ba_dinh = _ba_dinh_article()
    rdf.write_fragments([frag])
    stated = {str(p) for s, p, _ in rdf._triples(str(graph_iri("a-ba-dinh")))
              if str(s) == str(node_iri(ba_dinh.id))}
    assert str(SCHEMA_NAME) in stated and rdf.read_fragment("a-ba-dinh").nodes == frag.nodes


def test_a_holdings_dates_follow_every_write(
        store: Store, interchange_fragments: Callable[[str], list[Fragment]]) -> None:
    t1, t2 = interchange_fragments("Lò Văn Phó")

    def seen() -> set[tuple[str, str | None, str | None]]:
        rows = run_named(store, "unit-people", {"unit": "unit/ubnd-na-lu"})
        return {(r["person_name"], r["first_seen"], r["last_seen"]) for r in rows}

    store.write_fragments([t1, t2])
    assert seen() == {("Hoàng Văn Thạch", "2023-03-20", "2024-05-02"),
                      ("Lò Văn Phó", "2023-03-20", "2024-05-02")}
    # t2 no longer sees the vice-chair in his post: his last date goes back to t1's
    del t2.edges[("person/vice", "HOLDS", "position/pho-chu-tich")]
    store.write_fragments([t2])
    assert seen() == {("Hoàng Văn Thạch", "2023-03-20", "2024-05-02"),
                      ("Lò Văn Phó", "2023-03-20", "2023-03-20")}
    # with t1 gone, no article sees him in it; an undated one then does, with no dates
    store.delete_article("t1")
    assert seen() == {("Hoàng Văn Thạch", "2024-05-02", "2024-05-02")}
    t3 = Fragment("t3", None)
    for node in ("person/vice", "position/pho-chu-tich", "unit/ubnd-na-lu"):
        t3.add_node(t1.nodes[node])
    for edge in (("person/vice", "HOLDS", "position/pho-chu-tich"),
                 ("position/pho-chu-tich", "IN_UNIT", "unit/ubnd-na-lu")):
        t3.add_edge(t1.edges[edge])
    store.write_fragments([t3])
    assert seen() == {("Hoàng Văn Thạch", "2024-05-02", "2024-05-02"),
                      ("Lò Văn Phó", None, None)}
