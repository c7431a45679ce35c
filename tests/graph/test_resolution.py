"""Resolution across articles: one node per official, no false merges, overrides honoured.

Articles are resolved in memory as a build resolves them (extract, `graph.resolve.to_fragment`,
`graph.overrides.apply_overrides`) and their fragments united in a `graph.model.Graph`:
resolution is a pure function of the records, so no store is needed to test it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.paths import EXAMPLES
from vnkg.extraction import extract_record
from vnkg.extraction.document import Document
from vnkg.extraction.keys import fold, name_key
from vnkg.extraction.read import read_documents
from vnkg.graph.merges import merge_log
from vnkg.graph.model import Graph
from vnkg.graph.overrides import Overrides, apply_overrides, read_overrides
from vnkg.graph.resolve import to_fragment


def _resolved(docs: list[Document], fixes: Overrides | None = None) -> Graph:
    """The graph a build of `docs` would write: each article resolved, overrides applied."""
    graph = Graph()
    for doc in docs:
        fragment = to_fragment(extract_record(doc), doc.text)
        graph.add_fragment(apply_overrides(fragment, fixes or Overrides()))
    return graph


def _read(paths: list[Path]) -> list[Document]:
    return list(read_documents(paths))


@pytest.fixture(scope="module")
def graph() -> Graph:
    return _resolved(_read([EXAMPLES]))


def _people(graph: Graph, name: str) -> list[str]:
    return [n.id for n in graph.nodes.values()
            if n.label == "Person" and n.props.get("key") == name_key(name)]


def test_same_official_is_one_node_across_articles(graph: Graph, expected: dict[str, Any]
                                                   ) -> None:
    for case in expected["scenarios"]["same_person"]:
        ids = _people(graph, case["name"])
        assert len(ids) == 1, case["name"]
        stated = {f"article/{a}" for a in case["articles"]}
        supported = set(graph.sources_of(graph.nodes[ids[0]]))
        assert {a.removeprefix("article/") for a in stated} <= supported


def test_same_name_in_unrelated_provinces_stays_two(graph: Graph) -> None:
    assert len(_people(graph, "Phạm Quang Vinh")) == 2
    _, apart = merge_log(graph)
    assert [k.name for k in apart] == ["Phạm Quang Vinh"]


def test_merge_log_gives_reasons(graph: Graph) -> None:
    merges, _ = merge_log(graph)
    phong = next(m for m in merges if fold(m.name) == fold("Triệu Đức Phong"))
    assert len(phong.articles) >= 6 and "Bắc Kạn" in phong.reason


def test_no_duplicate_units_localities_or_decrees(graph: Graph) -> None:
    for label in ("Unit", "Locality", "Decree"):
        keys: dict[tuple[Any, ...], list[str]] = {}
        for n in graph.nodes.values():
            if n.label == label and label != "Decree":
                keys.setdefault((n.props.get("key"), n.props.get("type"),
                                 tuple(n.props.get("within") or ()), n.props.get("article")),
                                []).append(n.id)
            elif n.label == label:
                keys.setdefault((n.props.get("kind"), n.props.get("key"),
                                 n.props.get("date")), []).append(n.id)
        dups = {k: v for k, v in keys.items() if len(v) > 1}
        assert dups == {}, label


def test_two_resolutions_28_stay_apart(graph: Graph) -> None:
    dates = sorted(str(n.props.get("date")) for n in graph.nodes.values()
                   if n.label == "Decree" and str(n.props.get("number", "")).startswith("28"))
    assert dates == ["2008-09-22", "2013-10-25"]


def test_overrides_pin_and_split(tmp_path: Path) -> None:
    docs = _read([EXAMPLES / "07-lang-chanh-tong-ket-nq28-2013.txt",
                  EXAMPLES / "09-tay-giang-giao-nhan-quan-2024.txt"])
    a, b = sorted(_people(_resolved(docs), "Phạm Quang Vinh"))
    fixes = tmp_path / "overrides.json"
    fixes.write_text(json.dumps({"same": [[a, b]]}), "utf-8")
    assert _people(_resolved(docs, read_overrides(fixes)), "Phạm Quang Vinh") == [a]
    split = {"different": [{"id": a, "articles": ["09-tay-giang-giao-nhan-quan-2024"]}]}
    fixes.write_text(json.dumps(split), "utf-8")
    assert len(_people(_resolved(docs, read_overrides(fixes)), "Phạm Quang Vinh")) == 2


def test_malformed_overrides_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "o.json"
    bad.write_text('{"same": [1]}', "utf-8")
    with pytest.raises(ValueError, match="o.json"):
        read_overrides(bad)


def test_real_corpus_one_node_per_official(shared: Path,
                                           corpus_docs: dict[str, list[Document]]) -> None:
    corpus = shared / "corpus"
    graph = _resolved(corpus_docs["seeds"] + corpus_docs["dev"])
    docs_of: dict[str, set[str]] = {}
    for gold in ("dev.gold.jsonl", "seeds.gold.jsonl"):
        for line in (corpus / gold).read_text("utf-8").splitlines():
            row = json.loads(line)
            for person in row["persons"]:
                docs_of.setdefault(fold(person["name"]), set()).add(row["id"])
    for name, docs in docs_of.items():
        ids = _people(graph, name)
        if len(docs) > 1:  # named in several articles: one node, supported by all of them
            assert len(ids) == 1, name
            assert docs <= set(graph.sources_of(graph.nodes[ids[0]])), name
    keys = [n.props.get("key") for n in graph.nodes.values() if n.label == "Person"]
    assert len(keys) == len(set(keys)), "no two person nodes of one name in this corpus"


def _unit_nodes(graph: Graph, key: str) -> list[Any]:
    return [n for n in graph.nodes.values() if n.label == "Unit" and n.props.get("key") == key]


def test_unit_without_its_place_takes_the_article_province(tmp_path: Path) -> None:
    """'Bộ CHQS tỉnh' in an article about a district of Bắc Kạn is the Bắc Kạn command; the
    same words in an article naming no province stay apart from it."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(
        "Sáng 3/4/2023, huyện Ngân Sơn tổ chức hội nghị. Đại tá Lường Văn Khánh, Chỉ huy "
        "trưởng Bộ CHQS tỉnh phát biểu chỉ đạo.", "utf-8")
    (src / "b.txt").write_text(
        "Sáng 5/4/2023, Bộ CHQS tỉnh Bắc Kạn tổ chức hội nghị. Đại tá Hà Văn Tiến, Chính ủy "
        "Bộ CHQS tỉnh Bắc Kạn dự.", "utf-8")
    (src / "c.txt").write_text(
        "Sáng 6/4/2023, Đại tá Mạc Văn Hùng, Chỉ huy trưởng Bộ CHQS tỉnh chủ trì hội nghị.",
        "utf-8")
    graph = _resolved(_read([src]))
    bac_kan = _unit_nodes(graph, name_key("Bộ Chỉ huy quân sự tỉnh Bắc Kạn"))
    assert len(bac_kan) == 1
    assert {"a", "b"} <= set(graph.sources_of(bac_kan[0]))
    unknown = _unit_nodes(graph, name_key("Bộ Chỉ huy quân sự tỉnh"))
    assert len(unknown) == 1 and unknown[0].props.get("article") == "c"
    assert set(graph.sources_of(unknown[0])) == {"c"}
