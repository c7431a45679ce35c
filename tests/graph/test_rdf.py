"""A fragment goes to RDF quads in its article's named graph and comes back the same."""

from __future__ import annotations

from collections.abc import Callable

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF

from vnkg.graph.model import Edge, Evidence, Fragment, Node
from vnkg.graph.rdf import (
    evidence_iri,
    graph_iri,
    lines_digest,
    render,
    span_of,
    to_ntriples,
    to_quads,
)
from vnkg.graph.rdf_read import from_plain, from_quads, plain_triples
from vnkg.graph.vocab import CLASSES, VNKG, node_iri


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


def test_an_evidence_span_is_two_quads_named_by_its_article_iri(
        sample_fragment: Callable[..., Fragment]) -> None:
    """Only the statement's link and the words are stored; the article and the offsets are
    the IRI's, an RFC 5147 fragment of the article's own, the same from both writers."""
    frag = sample_fragment(article="bài 1/<x>#2")
    span = f"{graph_iri('bài 1/<x>#2')}#char=10,42"
    assert span == evidence_iri("bài 1/<x>#2", 10, 42) and span.count("#") == 1
    about = [(str(s), str(p)) for s, p, o, _ in to_quads(frag)
             if span in (str(s), str(o))]
    assert sorted(p.rsplit("#", 1)[1] for _, p in about) == ["evidence", "text"]
    lines = [line for line in to_ntriples(frag) if f"<{span}>" in line]
    assert len(lines) == 2 and sorted(lines) == sorted(f"{s.n3()} {p.n3()} {o.n3()}"
                                               for s, p, o, _ in to_quads(frag)
                                               if span in (str(s), str(o)))
    assert span_of(span) == ("bài 1/<x>#2", 10, 42)


def test_statements_citing_one_span_share_its_node_and_its_words(
        sample_fragment: Callable[..., Fragment]) -> None:
    """A promotion read from records without its article keeps no words; the same span
    cited with them elsewhere gives the node its words, once, and both read them back."""
    frag = sample_fragment()
    words = frag.edges[("person/p1", "CHAIRED", "meeting/m1")].evidence[0].text
    frag.edges[("person/p1", "SPOKE_AT", "meeting/m1")].evidence.append(
        Evidence("bai-1", 10, 42, ""))
    quads = to_quads(frag)
    texts = [o for s, p, o, _ in quads if s == URIRef(evidence_iri("bai-1", 10, 42))]
    assert texts == [Literal(words, lang="vi")]
    back = from_quads("bai-1", ((s, p, o) for s, p, o, _ in quads))
    assert [ev.text for e in back.edges.values() for ev in e.evidence] == [words, words]
    assert len(to_ntriples(frag)) == len(quads)


def test_for_a_store_holding_the_gazetteer_its_localities_are_named_and_come_back_whole(
        ) -> None:
    from vnkg.graph.model import Node
    from vnkg.graph.reference import gazetteer_props

    frag = Fragment("bai-2", "2024-05")
    as_given = gazetteer_props("locality/2024-01-001") or {}
    frag.add_node(Node("locality/2024-01-001", "Locality", as_given))  # Ba Đình
    renamed = {**(gazetteer_props("locality/2024-01") or {}), "name": "TP Hà Nội"}
    frag.add_node(Node("locality/2024-01", "Locality", renamed))  # not as the gazetteer has it
    named, full = to_ntriples(frag, gazetteer=True), to_ntriples(frag)
    about = [line for line in named if line.startswith("<https://vnkg.dev/id/locality/2024-01-")]
    values = sum(len(v) if isinstance(v, list) else 1 for v in as_given.values())
    assert len(about) == 2 and len(full) - len(named) == values
    assert any('"TP Hà Nội"@vi' in line for line in named)
    for gazetteer in (True, False):
        quads = to_quads(frag, gazetteer)
        assert from_quads("bai-2", ((s, p, o) for s, p, o, _ in quads)) == frag


def test_what_every_article_says_alike_goes_to_the_union_alone(
        sample_fragment: Callable[..., Fragment]) -> None:
    frag = sample_fragment()
    frag.add_node(Node("x-1", "Person", {"name": "Lò Văn Mẫu", "key": "lo van mau"}))  # no label
    frag.add_node(Node("rank/bare-1", "Rank", {}))  # a node the graph says nothing else of
    frag.add_edge(Edge("HAS_RANK", "person/p1", "rank/bare-1"))
    done = render(frag)
    every = to_ntriples(frag)
    assert sorted(done.lines + done.union_only + done.graph_only) == sorted(every)
    assert done.digest == lines_digest(every)  # a store written before keeps its stamps
    kinds = {line.split(" ")[1] for line in done.union_only}
    assert kinds == {f"<{p}>" for p in (RDF.type, VNKG.id, VNKG.key, VNKG.subject,
                                        VNKG.object)}  # a statement's type is its IRI's
    assert f"{node_iri('x-1').n3()} <{RDF.type}> <{CLASSES['Person']}>" in done.lines
    assert not any(f" <{RDF.type}> " in line for line in done.lines if "x-1" not in line)
    # an id stays in the graph only where nothing else there names its node: the graph's
    # own article (`?g vnkg:id ?article`) and a node with no property
    named = {line.split(" ")[0] for line in done.lines if f" <{VNKG.id}> " in line}
    assert named == {node_iri("article/bai-1").n3(), node_iri("rank/bare-1").n3()}
    # the graph's lines (its evidence among them) come back as the fragment: the label
    # from the id, the statement from its relation
    graph = done.lines + done.graph_only
    back = from_plain("bai-1", plain_triples(
        (s, p, o) for s, p, o, _ in Dataset().parse(
            data="".join(f"{line} {graph_iri('bai-1').n3()} .\n" for line in graph),
            format="nquads").quads()))
    assert back == frag


def test_the_evidence_goes_to_the_article_graph_alone(
        sample_fragment: Callable[..., Fragment]) -> None:
    done = render(sample_fragment())
    # a span is its article's: no other graph states it, so the union would never merge it
    assert {line.split(" ")[1] for line in done.graph_only} == {f"<{VNKG.evidence}>",
                                                                f"<{VNKG.text}>"}
    assert not any(f" <{VNKG.evidence}> " in line or f" <{VNKG.text}> " in line
                   for line in done.lines + done.union_only)
    assert all(graph_iri("bai-1").n3()[:-1] in line for line in done.graph_only)


def test_an_article_s_doc_id_is_its_id_s_tail_read_back_not_stated(
        sample_fragment: Callable[..., Fragment]) -> None:
    """An article's doc_id is its id after `article/` (graph/schema.toml's `from_id`): RDF
    states it only where it differs, and the reader gives it back from the id."""
    frag = sample_fragment(article="bài 1/<x>")
    assert frag.nodes["article/bài 1/<x>"].props["doc_id"] == "bài 1/<x>"
    assert not any(f" <{VNKG.doc_id}> " in line for line in to_ntriples(frag))
    assert from_quads("bài 1/<x>", ((s, p, o) for s, p, o, _ in to_quads(frag))) == frag
    frag.nodes["article/bài 1/<x>"].props["doc_id"] = "other"  # not the tail: stated
    assert f' <{VNKG.doc_id}> "other"' in " ".join(to_ntriples(frag))
    assert from_quads("bài 1/<x>", ((s, p, o) for s, p, o, _ in to_quads(frag))) == frag
