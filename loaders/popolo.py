"""The graph as Popolo JSON (popoloproject.com): persons, organizations, posts, memberships,
areas and events, each valid against the Popolo JSON Schemas (draft 03).

Ids are the graph's own (a membership's is made from its person and post), so a file written
twice from the same store is the same file. Dates stay at their precision. A membership's
`start_date` / `end_date` are the bounds an article states where the graph has them, else
the dates of the first and last articles that saw the post held; `start_date_basis` /
`end_date_basis` say which ("stated" or "observed"), and `first_seen` / `last_seen` are
always given. Every object lists its sources: the articles, as links (the article's address,
else its node IRI).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from vnkg.extraction.keys import make_id
from vnkg.graph.vocab import node_iri
from vnkg.loaders.interchange import Bound, Membership, iso_date, memberships, read_rows

Obj = dict[str, Any]
ROLES = {"chair": "chủ trì", "attendee": "dự", "speaker": "phát biểu"}


def export_popolo(store: Any, output: str | Path) -> list[Path]:
    """Write the graph in `store` as one Popolo JSON document to `output`; the file written.
    Each collection is written as soon as it is made, one object per line.

    >>> from vnkg.loaders.store import open_store
    >>> import tempfile, json
    >>> with open_store(None) as store, tempfile.TemporaryDirectory() as d:
    ...     [path] = export_popolo(store, Path(d) / "p.json")
    ...     sorted(json.loads(path.read_text()))
    ['areas', 'events', 'memberships', 'organizations', 'persons', 'posts']
    """
    out = Path(output)
    with out.open("w", encoding="utf-8") as f:
        for i, (name, objects) in enumerate(popolo_collections(store)):
            f.write(("{" if i == 0 else "],\n") + json.dumps(name) + ": [")
            f.write(",".join("\n" + json.dumps(o, ensure_ascii=False, sort_keys=True)
                             for o in objects))
        f.write("]}\n")
    return [out]


def popolo_document(store: Any) -> dict[str, list[Obj]]:
    """The Popolo collections of the graph in `store`, each sorted by id."""
    return dict(popolo_collections(store))


def popolo_collections(store: Any) -> Iterator[tuple[str, list[Obj]]]:
    """The Popolo collections of the graph in `store` in the order of their names, each
    made when asked for and sorted by id; what links them (ids, names) is read first."""
    links = {row["article"]: _link(row) for row in read_rows(store, "articles")}
    cite = lambda ids: [links.get(a) or _link({"article": a}) for a in ids]  # noqa: E731
    areas = [_area(r, cite) for r in read_rows(store, "localities")]
    area_names = {a["id"]: a.get("name") for a in areas}
    for area in areas:
        if area.get("parent_id") not in area_names:
            area.pop("parent_id", None)
    units = read_rows(store, "units")
    unit_ids = {r["unit"] for r in units}
    persons = {r["person"]: _person(r, cite) for r in read_rows(store, "persons")}
    made: dict[str, Callable[[], list[Obj]]] = {
        "areas": lambda: areas,
        "events": lambda: _events(store, persons, cite, unit_ids, area_names),
        "memberships": lambda: [_membership(m, cite, unit_ids) for m in memberships(store)],
        "organizations": lambda: [_organization(r, cite, unit_ids, set(area_names))
                                  for r in units],
        "persons": lambda: list(persons.values()),
        "posts": lambda: [_post(r, cite, unit_ids) for r in read_rows(store, "posts")],
    }
    for name, make in made.items():
        yield name, sorted(make(), key=lambda o: o["id"])


def _link(row: Obj) -> Obj:
    """A Popolo link to an article: its address (else its IRI) and a note naming it."""
    note = " · ".join(str(v) for v in (row["article"], row.get("title"), row.get("outlet"),
                                       row.get("published")) if v)
    return {"url": row.get("url") or str(node_iri(row["article"])), "note": note}


def _clean(obj: Obj) -> Obj:
    """The object without its empty fields (Popolo leaves out what is unknown)."""
    return {k: v for k, v in obj.items() if v not in (None, "", [])}


def _person(row: Obj, cite: Any) -> Obj:
    return _clean({"id": row["person"], "name": row["name"], "honorific_prefix": row["rank"],
                   "identifiers": [{"identifier": row["person"], "scheme": "vnkg"}],
                   "sources": cite(row["sources"])})


def _organization(row: Obj, cite: Any, units: set[str], areas: set[str]) -> Obj:
    return _clean({"id": row["unit"], "name": row["name"], "classification": row["kind"],
                   "parent_id": row["parent"] if row["parent"] in units else None,
                   "area_id": row["locality"] if row["locality"] in areas else None,
                   "sources": cite(row["sources"])})


def _post(row: Obj, cite: Any, units: set[str]) -> Obj:
    return _clean({"id": row["post"], "label": row["name"] or row["title"],
                   "role": row["role"],
                   "organization_id": row["unit"] if row["unit"] in units else None,
                   "sources": cite(row["sources"])})


def _area(row: Obj, cite: Any) -> Obj:
    return _clean({"id": row["locality"], "name": row["name"], "identifier": row["code"],
                   "classification": row["type"], "parent_id": row["parent"],
                   "sources": cite(row["sources"])})


def _membership(m: Membership, cite: Any, units: set[str]) -> Obj:
    return _clean({"id": make_id("membership", m.person, m.post), "person_id": m.person,
                   "post_id": m.post, "organization_id": m.unit if m.unit in units else None,
                   **_bound_fields("start", m.start), **_bound_fields("end", m.end),
                   "first_seen": m.first_seen, "last_seen": m.last_seen, "status": m.status,
                   "sources": cite(m.sources)})


def _bound_fields(end: str, bound: Bound) -> Obj:
    """`start_date` (or `end_date`) and what it is: its precision, whether stated or
    observed, and the stated cue, words and article."""
    return {f"{end}_date": bound.date, f"{end}_date_precision": bound.precision,
            f"{end}_date_basis": bound.basis if bound.date else None,
            f"{end}_date_cue": bound.cue, f"{end}_date_surface": bound.surface,
            f"{end}_date_source": bound.source}


def _events(store: Any, persons: dict[str, Obj], cite: Any, units: set[str],
            areas: dict[str, str | None]) -> list[Obj]:
    """The meetings as Popolo events; attendees are persons, each with the role he had
    (chair, attendee, speaker: one entry per role) and the articles saying so."""
    attendees: dict[str, list[Obj]] = defaultdict(list)
    for row in read_rows(store, "participations"):
        person = persons.get(row["person"], {"id": row["person"]})
        attendees[row["meeting"]].append(_clean({
            "id": person["id"], "name": person.get("name"), "role": row["role"],
            "role_vi": ROLES.get(row["role"]), "sources": cite(row["sources"])}))
    events = []
    for row in read_rows(store, "meetings"):
        date = iso_date(row["date"])
        organizers = [u for u in row["organizers"] if u in units]
        events.append(_clean({
            "id": row["meeting"], "name": row["title"] or row["name"],
            "classification": row["kind"], "start_date": date[0] if date else None,
            "start_date_precision": date[1] if date else None,
            "area_id": row["locality"] if row["locality"] in areas else None,
            "location": areas.get(row["locality"]),
            "organization_id": organizers[0] if organizers else None,
            "organization_ids": organizers,
            "attendees": sorted(attendees.get(row["meeting"], []),
                                key=lambda a: (a["role"], a["id"])),
            "sources": cite(row["sources"])}))
    return events
