"""The Popolo export: every object valid against the Popolo JSON Schemas (draft 03, read
from ../shared), ids that join, dates at their precision, hostile names kept as data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import vnkg
from tests.paths import EXAMPLES
from vnkg.loaders.popolo import export_popolo

COLLECTIONS = ("persons", "organizations", "posts", "memberships", "areas", "events")


def _document(store: Any, tmp_path: Path) -> dict[str, list[dict[str, Any]]]:
    [path] = export_popolo(store, tmp_path / "popolo.json")
    document: dict[str, list[dict[str, Any]]] = json.loads(path.read_text("utf-8"))
    return document


def test_every_object_is_valid_popolo(interchange_store: Any, tmp_path: Path,
                                      popolo_validators: dict[str, Any]) -> None:
    bad = {"id": "m", "start_date": "31/2/2023", "sources": [{"note": "no url"}]}
    assert len(list(popolo_validators["memberships"].iter_errors(bad))) == 2
    document = _document(interchange_store, tmp_path)
    assert sorted(document) == sorted(COLLECTIONS)
    for collection in COLLECTIONS:
        assert document[collection], f"no {collection}"
        for obj in document[collection]:
            errors = [e.message for e in popolo_validators[collection].iter_errors(obj)]
            assert errors == [], (collection, obj["id"], errors)


def test_ids_join(interchange_store: Any, tmp_path: Path) -> None:
    document = _document(interchange_store, tmp_path)
    ids = {c: {o["id"] for o in document[c]} for c in COLLECTIONS}
    for m in document["memberships"]:
        assert m["person_id"] in ids["persons"] and m["post_id"] in ids["posts"]
        assert m.get("organization_id", next(iter(ids["organizations"]))) in ids["organizations"]
    for org in document["organizations"]:
        assert org.get("area_id", next(iter(ids["areas"]))) in ids["areas"]
    for event in document["events"]:
        assert {a["id"] for a in event.get("attendees", [])} <= ids["persons"]
    for area in document["areas"]:
        assert area.get("parent_id", area["id"]) in ids["areas"]


def test_a_membership_says_which_bound_is_stated(interchange_store: Any, tmp_path: Path
                                                 ) -> None:
    document = _document(interchange_store, tmp_path)
    [m] = [m for m in document["memberships"] if m["person_id"] == "person/hoang-van-thach"]
    assert (m["start_date"], m["start_date_precision"], m["start_date_basis"]) == (
        "2023-03", "month", "stated")
    assert (m["end_date"], m["end_date_basis"]) == ("2024-05-02", "observed")
    assert m["organization_id"] == "unit/ubnd-na-lu"
    assert [s["url"] for s in m["sources"]] == ["https://example.org/bai/t1",
                                                "https://example.org/bai/t2"]


def test_events_list_attendees_by_role(interchange_store: Any, tmp_path: Path,
                                       hostile: str) -> None:
    document = _document(interchange_store, tmp_path)
    [event] = [e for e in document["events"] if e["id"] == "meeting/t1"]
    assert [(a["role"], a["name"]) for a in event["attendees"]] == [
        ("attendee", hostile), ("chair", "Hoàng Văn Thạch")]
    assert (event["start_date"], event["location"], event["organization_id"]) == (
        "2023-03", "Nà Lừ", "unit/ubnd-na-lu")


def test_a_hostile_name_comes_back_as_data(interchange_store: Any, tmp_path: Path,
                                           hostile: str) -> None:
    document = _document(interchange_store, tmp_path)
    [person] = [p for p in document["persons"] if p["id"] == "person/vice"]
    assert person["name"] == hostile


def test_the_command_writes_the_same_file_twice(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert vnkg.build([EXAMPLES], store=store, reference=False).ok
    [a] = vnkg.export("popolo", output=tmp_path / "a.json", store=store)
    [b] = vnkg.export("popolo", output=tmp_path / "b.json", store=store)
    assert a.read_bytes() == b.read_bytes()
    assert json.loads(a.read_text("utf-8"))["persons"]
