"""A fragment goes to RDF quads in its article's named graph and comes back the same."""

from __future__ import annotations

from extract.keys import name_key
from graph.model import Edge, Evidence, Fragment, Node
from graph.rdf import from_quads, graph_iri, to_quads

HOSTILE = 'Lò "Văn" A\\ } ; DROP <script>alert(1)</script> // @vi'


def sample_fragment(article: str = "bai-1", name: str = "Hoàng Văn Thạch") -> Fragment:
    frag = Fragment(article, "2024-05-02")
    frag.add_node(Node(f"article/{article}", "Article",
                       {"name": "Hội nghị", "published": "2024-05-02"}))
    frag.add_node(Node("person/p1", "Person", {"name": name, "key": name_key(name)}))
    frag.add_node(Node("meeting/m1", "Meeting", {"name": "Hội nghị sơ kết", "date": "2024-05-02"}))
    frag.add_node(Node("locality/2024-066", "Locality", {"name": "Bắc Kạn", "type": "tỉnh",
                                                         "code": "066"}))
    frag.add_edge(Edge("CHAIRED", "person/p1", "meeting/m1", {"confidence": 0.9},
                       [Evidence(article, 10, 42, f"{name} chủ trì hội nghị")]))
    frag.add_edge(Edge("SPOKE_AT", "person/p1", "meeting/m1",
                       {"qualifiers": ["khai mạc", "kết luận"]}))
    frag.add_edge(Edge("HELD_IN", "meeting/m1", "locality/2024-066"))
    return frag


def test_round_trip_is_exact() -> None:
    frag = sample_fragment()
    quads = to_quads(frag)
    assert {q[3] for q in quads} == {graph_iri("bai-1")}
    back = from_quads("bai-1", ((s, p, o) for s, p, o, _ in quads))
    assert back == frag


def test_hostile_text_survives_unchanged() -> None:
    frag = sample_fragment(name=HOSTILE)
    back = from_quads("bai-1", ((s, p, o) for s, p, o, _ in to_quads(frag)))
    assert back.nodes["person/p1"].props["name"] == HOSTILE
    assert back.edges[("person/p1", "CHAIRED", "meeting/m1")].evidence[0].text.startswith(HOSTILE)


def test_article_ids_with_odd_characters_make_valid_graph_names() -> None:
    frag = sample_fragment(article="bài 1/<x>")
    back = from_quads("bài 1/<x>", ((s, p, o) for s, p, o, _ in to_quads(frag)))
    assert back == frag
