"""Search ranks on the keys of extract.keys: exact, then prefix, then a word, then inside."""

from __future__ import annotations

import time
from typing import Any

from vnkg.extraction.keys import decree_key, locality_key, name_key
from vnkg.web.search import Index, typed_keys

NODES = [("person/a", "Person", "Mai Trường Sơn", name_key("Mai Trường Sơn")),
         ("person/b", "Person", "Mai Văn Trường", name_key("Mai Văn Trường")),
         ("unit/u", "Unit", "Ủy ban nhân dân huyện Ba Bể", name_key("UBND huyện Ba Bể")),
         ("locality/l", "Locality", "Ba Bể", locality_key("huyện Ba Bể")),
         ("decree/d", "Decree", "Nghị định 21/2019/NĐ-CP", decree_key("21/2019/NĐ-CP"))]


def _index(calls: list[int] | None = None, version: Any = lambda: 1) -> Index:
    def load() -> list[dict[str, Any]]:
        if calls is not None:
            calls.append(1)
        return [dict(zip(("id", "label", "name", "key"), n, strict=True)) for n in NODES]
    return Index(load, version, check=0.0)


def test_any_spelling_finds_the_name() -> None:
    idx = _index()
    for typed in ("mai truong son", "MAI TRƯỜNG SƠN", "Mai Truờng Sơn", "  mai  truong "):
        assert idx.find(typed)[0].id == "person/a", typed


def test_abbreviations_and_type_words_do_not_matter() -> None:
    idx = _index()
    assert [h.id for h in idx.find("ubnd huyen ba be")] == ["unit/u"]
    assert idx.find("huyện Ba Bể")[0].id in ("locality/l", "unit/u")
    assert idx.find("ba be")[0].id == "locality/l"  # an exact key first
    assert [h.id for h in idx.find("21/2019/nd-cp")] == ["decree/d"]


def test_word_starts_come_before_inside_matches() -> None:
    ids = [h.id for h in _index().find("truong")]
    assert ids == ["person/b", "person/a"] or ids == ["person/a", "person/b"]
    assert [h.id for h in _index().find("mai van")] == ["person/b"]


def test_too_short_or_empty_text_finds_nothing() -> None:
    assert _index().find("m") == [] and _index().find("   ") == []
    assert typed_keys("") == set()


def test_the_index_is_read_again_only_when_the_store_changes() -> None:
    calls: list[int] = []
    version = [1]
    idx = _index(calls, lambda: version[0])
    idx.find("mai")
    idx.find("ba be")
    assert len(calls) == 1
    version[0] = 2
    deadline = time.monotonic() + 10
    while len(calls) < 2:  # looked at in a thread, the index kept answering meanwhile
        idx.find("mai")
        assert time.monotonic() < deadline
        time.sleep(0.01)
    time.sleep(0.2)
    assert len(calls) == 2


def test_every_key_holding_the_text_is_found_and_none_across_two_keys() -> None:
    rows = [{"id": f"person/{i}", "label": "Person", "name": key, "key": key}
            for i, key in enumerate(["son ba", "be son", "son son", "x", "ba son"])]
    idx = Index(lambda: rows)
    assert sorted(h.key for h in idx.find("son", limit=10)) == [
        "ba son", "be son", "son ba", "son son"]
    assert idx.find("ba be") == []  # "son ba" then "be son" are two keys, not one text
    assert [h.key for h in idx.find("x")] == []  # under two characters: nothing


def test_namesakes_come_with_their_hint() -> None:
    rows = [{"id": "locality/old", "label": "Locality", "name": "Ba Bể", "key": "ba be",
             "hint": "huyện · Bắc Kạn · map 2024"},
            {"id": "locality/new", "label": "Locality", "name": "Ba Bể", "key": "ba be",
             "hint": "xã · Thái Nguyên · map 2025"},
            {"id": "locality/p", "label": "Locality", "name": "Bắc Kạn", "key": "bac kan",
             "hint": "Bắc Kạn"}]
    idx = Index(lambda: rows)
    assert sorted(h.as_dict()["hint"] for h in idx.find("ba be")) == [
        "huyện · Bắc Kạn · map 2024", "xã · Thái Nguyên · map 2025"]
    assert idx.find("bac kan")[0].hint == ""  # a hint repeating the name says nothing
