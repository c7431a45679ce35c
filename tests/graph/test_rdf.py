"""A fragment goes to RDF quads in its article's named graph and comes back the same."""

from __future__ import annotations

from collections.abc import Callable

from vnkg.graph.model import Fragment
from vnkg.graph.rdf import graph_iri, to_quads
from vnkg.graph.rdf_read import from_quads


def test_round_trip_is_exact(sample_fragment: Callable[..., Fragment]) -> None:
    frag = sample_fragment()
    quads = to_quads(frag)
    assert {q[3] for q in quads} == {graph_iri("bai-1")}
    back = from_quads("bai-1", ((s, p, o) for s, p, o, _ in quads))
    assert back == frag


def test_hostile_text_survives_unchanged(sample_fragment: Callable[..., Fragment],
                                         hostile: str) -> None:
    frag = sample_fragment(name=hostile)
    back = from_quads("bai-1", ((s, p, o) for s, p, o, _ in to_quads(frag)))
    assert back.nodes["person/p1"].props["name"] == hostile
    assert back.edges[("person/p1", "CHAIRED", "meeting/m1")].evidence[0].text.startswith(hostile)


def test_article_ids_with_odd_characters_make_valid_graph_names(
        sample_fragment: Callable[..., Fragment]) -> None:
    frag = sample_fragment(article="bài 1/<x>")
    back = from_quads("bài 1/<x>", ((s, p, o) for s, p, o, _ in to_quads(frag)))
    assert back == frag
