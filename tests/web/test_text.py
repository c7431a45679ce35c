"""An article's text cut into pieces: names linked, evidence spans marked, text kept whole."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from vnkg.graph.model import Edge, Evidence, Fragment, Node
from vnkg.web.text import article_text, marked_segments

TEXT = "Chiều 5/3, đồng chí Lò Văn Khiêm chủ trì hội nghị tại huyện Na Hang. Lò Văn Khiêm nói."


def _fragment() -> Fragment:
    frag = Fragment("bai-1", "2024-03-05")
    frag.add_node(Node("person/k", "Person", {"name": "Lò Văn Khiêm"}))
    frag.add_node(Node("locality/n", "Locality", {"name": "Na Hang"}))
    frag.add_node(Node("meeting/m", "Meeting", {"name": "hội nghị"}))
    start = TEXT.index("đồng chí")
    end = TEXT.index(" tại")
    frag.add_edge(Edge("CHAIRED", "person/k", "meeting/m", {},
                       [Evidence("bai-1", start, end, TEXT[start:end])]))
    return frag


def test_the_pieces_are_the_text() -> None:
    pieces = marked_segments(TEXT, _fragment(), "bai-1")
    assert "".join(p.text for p in pieces) == TEXT


def test_names_link_to_their_nodes_every_time_they_occur() -> None:
    pieces = marked_segments(TEXT, _fragment(), "bai-1")
    assert [(p.text, p.node) for p in pieces if p.node] == [
        ("Lò Văn Khiêm", "person/k"), ("Na Hang", "locality/n"), ("Lò Văn Khiêm", "person/k")]


def test_evidence_is_marked_and_anchored_where_it_starts() -> None:
    pieces = marked_segments(TEXT, _fragment(), "bai-1")
    start, end = TEXT.index("đồng chí"), TEXT.index(" tại")
    inside = "".join(p.text for p in pieces if p.evidence == f"ev-{start}-{end}")
    assert inside == TEXT[start:end]
    assert [p.text for p in pieces if p.anchors == (f"ev-{start}-{end}",)] == ["đồng chí "]


def test_a_missing_file_gives_no_text(tmp_path: Path) -> None:
    assert article_text(str(tmp_path / "gone.txt"), "gone") is None
    assert article_text("", "x") is None
    (tmp_path / "bai-2.txt").write_text(TEXT, encoding="utf-8")
    assert article_text(str(tmp_path / "bai-2.txt"), "bai-2") == TEXT
    assert article_text(str(tmp_path / "bai-2.txt"), "another") is None


def test_overlapping_spans_mark_the_narrowest_whatever_the_order() -> None:
    start, mid, end = TEXT.index("đồng chí"), TEXT.index(" chủ trì"), TEXT.index(" tại")
    spans = [(start, end), (start, mid)]
    marks = []
    for order in (spans, spans[::-1]):
        frag = _fragment()
        for i, (a, b) in enumerate(order):
            frag.add_edge(Edge("ATTENDED", "person/k", f"meeting/m{i}", {},
                               [Evidence("bai-1", a, b, TEXT[a:b])]))
        marks.append([(p.text, p.evidence) for p in marked_segments(TEXT, frag, "bai-1")])
    assert marks[0] == marks[1]
    assert ("Lò Văn Khiêm", f"ev-{start}-{mid}") in marks[0]


def test_an_article_of_a_json_lines_file_is_the_text_the_build_read(tmp_path: Path) -> None:
    from vnkg.extraction.read import read_documents

    lines = ['{"id": "b1", "text": "Lò Văn Khiêm chủ trì."}', "not json",
             '{"text": "Dòng không có id."}', '{"id": "b1", "text": "a second b1"}',
             '{"id": "b3", "text": "Na Hang\\u00a0ngày 5/3."}']
    path = tmp_path / "bai.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode("utf-8") + b"\n")
    built = {d.id: d.text for d in read_documents([path], problems=[])}
    assert sorted(built) == ["b1", "b3", "bai-3"]
    assert {i: article_text(str(path), i) for i in built} == built
    assert article_text(str(path), "bai-2") is None


def test_a_jsonl_article_is_the_line_the_reader_makes_it_of(tmp_path: Path) -> None:
    # the quick index finds the first line with the id; the reader skips it (no text) and
    # normalises the other id (NFD "Hòa" to NFC): the text comes from the lines it reads
    nfd = unicodedata.normalize("NFD", "Hòa-1")
    rows = [{"id": "x", "text": " "}, {"id": "x", "text": "Sáng 9/10, hội nghị"},
            {"id": nfd, "text": "Chiều 3/4"}]
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    assert article_text(str(path), "x") == "Sáng 9/10, hội nghị"
    assert article_text(str(path), unicodedata.normalize("NFC", "Hòa-1")) == "Chiều 3/4"
    assert article_text(str(path), "nobody") is None
