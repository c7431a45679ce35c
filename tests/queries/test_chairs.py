"""`chairs` and `person-meetings` on the sample articles return what the articles state."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from vnkg.extraction.text import fold
from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.queries import names, read_query
from vnkg.queries.run import run_named


def _chairs(store: Path, **params: str) -> list[dict[str, Any]]:
    with OxigraphStore(store) as rdf:
        return run_named(rdf, "chairs", params)


def test_every_stated_chair_is_found(sample_store: Path, expected: dict[str, Any]) -> None:
    rows = {(fold(r["person_name"]), r["source"], r["date"]) for r in _chairs(sample_store)}
    missing = [c for c in expected["chairs"]
               if (fold(c["person"]), f"article/{c['article']}", c["date"]) not in rows]
    assert missing == []


def test_no_chair_the_articles_do_not_state(sample_store: Path, expected: dict[str, Any]) -> None:
    stated = {(fold(c["person"]), f"article/{c['article']}") for c in expected["chairs"]}
    extra = [r for r in _chairs(sample_store)
             if (fold(r["person_name"]), r["source"]) not in stated]
    assert extra == []


def test_parameters_narrow_the_rows(sample_store: Path) -> None:
    everyone = _chairs(sample_store)
    assert everyone, "the samples state chairs"
    one = everyone[0]
    by_name = _chairs(sample_store, person=one["person_name"].upper())
    assert by_name and {r["person"] for r in by_name} == {one["person"]}
    assert _chairs(sample_store, person=one["person"]) == by_name
    assert _chairs(sample_store, **{"from": "2099-01-01"}) == []
    dated = [r for r in everyone if r["date"] and r["date"] >= "2024-01-01"]
    assert _chairs(sample_store, **{"from": "2024-01-01"}) == dated


def test_person_meetings_lists_roles(sample_store: Path) -> None:
    with OxigraphStore(sample_store) as rdf:
        rows = run_named(rdf, "person-meetings", {"person": "Ma Thế Tuyến"})
    assert {"chair"} <= {r["role"] for r in rows}
    assert all(r["source"].startswith("article/") for r in rows)


@pytest.mark.parametrize("name", names("sparql"))
def test_every_query_declares_its_columns_and_runs(sample_store: Path, name: str) -> None:
    query = read_query(name)
    assert query.columns and query.about
    with OxigraphStore(sample_store) as rdf:
        rows = run_named(rdf, name, {})
    assert all(tuple(row) == query.columns for row in rows)


def test_unknown_parameter_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="takes person"), OxigraphStore(None) as rdf:
        run_named(rdf, "person-meetings", {"nobody": "x"})


def test_locality_matches_the_place_and_everything_around_it(sample_store: Path,
                                                             expected: dict[str, Any]) -> None:
    in_province = _chairs(sample_store, locality="tỉnh Bắc Kạn")
    in_district = _chairs(sample_store, locality="huyện Ba Bể")
    assert in_district and {r["source"] for r in in_district} <= {r["source"] for r in in_province}
    stated = {f"article/{c['article']}" for c in expected["chairs"]
              if c.get("locality") == "huyện Ba Bể"}
    assert stated <= {r["source"] for r in in_district}
    # diacritics do not count, as in the views: a name typed without them finds the place
    assert _chairs(sample_store, locality="bac kan") == in_province
    assert _chairs(sample_store, locality="Bắc Ninh") == []  # another name is another place
    assert _chairs(sample_store, locality="BẮC KẠN") == in_province
