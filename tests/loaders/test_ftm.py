"""The FollowTheMoney export: every line read back by the `followthemoney` library, every
reference to an entity resolves, ids are deterministic, dates stay at their precision."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from followthemoney import model

from vnkg.loaders.ftm import export_ftm, ftm_id


def _entities(store: Any, tmp_path: Path) -> list[Any]:
    [path] = export_ftm(store, tmp_path / "g.jsonl")
    entities = []
    for line in path.read_text("utf-8").splitlines():
        data = json.loads(line)
        entity = model.get_proxy(data, cleaned=False)  # every value cleaned again by its type
        assert entity.to_dict()["properties"] == data["properties"], data["id"]
        entities.append(entity)
    return entities


def test_every_entity_parses_and_every_reference_resolves(interchange_store: Any,
                                                         tmp_path: Path) -> None:
    entities = _entities(interchange_store, tmp_path)
    ids = {e.id for e in entities}
    assert len(ids) == len(entities)
    counts = Counter(e.schema.name for e in entities)
    assert set(counts) == {"Article", "Person", "Organization", "Position", "Occupancy",
                           "Event", "UnknownLink"}
    for entity in entities:
        for prop, value in entity.itervalues():
            if prop.type.name == "entity":
                assert value in ids, (entity.id, prop.name, value)
        assert entity.get("proof") or entity.schema.name == "Article", entity.id


def test_an_occupancy_keeps_its_dates_and_says_which(interchange_store: Any,
                                                     tmp_path: Path) -> None:
    entities = {e.id: e for e in _entities(interchange_store, tmp_path)}
    [occupancy] = [e for e in entities.values() if e.schema.name == "Occupancy"
                   and e.first("holder") == ftm_id("person/hoang-van-thach")]
    assert occupancy.get("startDate") == ["2023-03"]
    assert occupancy.get("endDate") == ["2024-05-02"]
    assert occupancy.first("description") == "start: stated; end: observed"
    assert entities[occupancy.first("post")].first("name") == "Chủ tịch UBND huyện Nà Lừ"
    event = entities[ftm_id("meeting/t1")]
    assert event.get("date") == ["2023-03"]
    assert event.get("organizer") == [ftm_id("unit/ubnd-na-lu")]


def test_a_hostile_name_comes_back_as_data(interchange_store: Any, tmp_path: Path,
                                           hostile: str) -> None:
    entities = {e.id: e for e in _entities(interchange_store, tmp_path)}
    assert entities[ftm_id("person/vice")].get("name") == [hostile]
    vice = ftm_id("person/vice")
    roles = sorted(e.first("role") for e in entities.values()
                   if e.schema.name == "UnknownLink" and e.first("subject") == vice)
    assert roles == ["attendee", "speaker"]


def test_ids_are_deterministic(interchange_store: Any, tmp_path: Path) -> None:
    [a] = export_ftm(interchange_store, tmp_path / "a.jsonl")
    [b] = export_ftm(interchange_store, tmp_path / "b.jsonl")
    assert a.read_bytes() == b.read_bytes()
