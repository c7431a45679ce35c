"""The graph as FollowTheMoney entities (followthemoney.tech), one JSON object per line.

Built with the `followthemoney` library's model (`model.make_entity`), so every property is
one the schema has and every value is cleaned by its type:

| vnkg | FollowTheMoney |
|---|---|
| Person | Person (`title`: the rank) |
| Unit | Organization (`parent`: the unit above it) |
| Position | Position (`organization`, `subnationalArea`) |
| HOLDS | Occupancy (`holder`, `post`, `startDate`, `endDate`, `status`) |
| Meeting | Event (`organizer`, `involved`, `date`, `location`) |
| CHAIRED, ATTENDED, SPOKE_AT | UnknownLink (`subject` the person, `object` the event, `role`) |
| Article | Article (`title`, `publishedAt`, `sourceUrl`), cited by every entity's `proof` |

Ids are deterministic: `vnkg-` and the node id (`/` as `-`), or a hash of it where the node id
holds characters an FtM id may not. Dates keep their precision (a year stays a year). An
Occupancy's dates are the stated bounds where the graph has them, else the observed first and
last article dates; its `description` says which.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from followthemoney import model
from followthemoney.types import registry

from vnkg.loaders.interchange import Membership, iso_date, memberships, read_rows

Entity = Any
COUNTRY = "vn"
# a tenure's status (the contract) as FtM's Occupancy status
STATUS = {"current": "current", "new": "current", "acting": "current", "former": "ended"}


def export_ftm(store: Any, output: str | Path) -> list[Path]:
    """Write the graph in `store` as FollowTheMoney entities, one per line, to `output`.

    >>> from vnkg.loaders.store import open_store
    >>> import tempfile
    >>> with open_store(None) as store, tempfile.TemporaryDirectory() as d:
    ...     [path] = export_ftm(store, Path(d) / "g.jsonl")
    ...     path.read_text()
    ''
    """
    out = Path(output)
    with out.open("w", encoding="utf-8") as f:
        for entity in ftm_entities(store):
            f.write(json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    return [out]


def ftm_id(node_id: str) -> str:
    """The FtM id of a graph node: readable where FtM allows it, else a hash.

    >>> ftm_id("person/nguyen-van-a-1a2b3c4d5e")
    'vnkg-person-nguyen-van-a-1a2b3c4d5e'
    >>> ftm_id("article/bài 1")
    'vnkg-article-f9b5faea79e066078c0c'
    """
    readable = "vnkg-" + node_id.replace("/", "-")
    if registry.entity.clean(readable) == readable:
        return readable
    kind = node_id.partition("/")[0]
    return f"vnkg-{kind}-{hashlib.sha1(node_id.encode()).hexdigest()[:20]}"


def _make(schema: str, node_id: str, sources: list[str] | None = None, **props: Any) -> Entity:
    """An entity of `schema` with the id of `node_id`, its properties (None and empty left
    out) and its articles as `proof`."""
    entity = model.make_entity(schema)
    entity.id = ftm_id(node_id)
    for name, value in props.items():
        for v in value if isinstance(value, list) else [value]:
            if v not in (None, ""):
                entity.add(name, v)
    for article in sources or []:
        entity.add("proof", ftm_id(article))
    return entity


def ftm_entities(store: Any) -> Iterator[Entity]:
    """The entities of the graph in `store`: articles first, then what cites them, each
    kind sorted by id."""
    for row in read_rows(store, "articles"):
        published = iso_date(row["published"])
        yield _make("Article", row["article"], title=row["title"], name=row["title"] or
                    row["article"], publishedAt=published[0] if published else None,
                    sourceUrl=row["url"], publisher=row["outlet"], country=COUNTRY)
    areas = {r["locality"]: r["name"] for r in read_rows(store, "localities")}
    units = read_rows(store, "units")
    unit_ids = {r["unit"] for r in units}
    for row in read_rows(store, "persons"):
        yield _make("Person", row["person"], row["sources"], name=row["name"],
                    title=row["rank"], country=COUNTRY)
    for row in units:
        yield _make("Organization", row["unit"], row["sources"], name=row["name"],
                    classification=row["kind"], address=areas.get(row["locality"]),
                    country=COUNTRY,
                    parent=ftm_id(row["parent"]) if row["parent"] in unit_ids else None)
    posts = {r["post"]: r for r in read_rows(store, "posts")}
    for row in posts.values():
        yield _make("Position", row["post"], row["sources"], name=row["name"] or row["title"],
                    organization=ftm_id(row["unit"]) if row["unit"] in unit_ids else None,
                    country=COUNTRY)
    for m in memberships(store):
        yield _occupancy(m)
    yield from _events(store, areas, unit_ids)


def _occupancy(m: Membership) -> Entity:
    """A HOLDS relation as an Occupancy: holder, post, dates at their precision, status."""
    said = [f"{end}: {b.basis}" + (f" ({b.cue}: {b.surface})" if b.cue or b.surface else "")
            for end, b in (("start", m.start), ("end", m.end)) if b.date or b.cue]
    status = STATUS.get(m.status or "", "unknown")
    return _make("Occupancy", f"occupancy/{m.person}/{m.post}", m.sources,
                 holder=ftm_id(m.person), post=ftm_id(m.post), startDate=m.start.date,
                 endDate=m.end.date, status=status, description="; ".join(said),
                 summary=m.status)


def _events(store: Any, areas: dict[str, str], units: set[str]) -> Iterator[Entity]:
    """The meetings as Events (participants `involved`, units as `organizer`), and each
    person's part in one as an UnknownLink with its role."""
    involved: dict[str, set[str]] = {}
    links = []
    for row in read_rows(store, "participations"):
        involved.setdefault(row["meeting"], set()).add(ftm_id(row["person"]))
        links.append(_make("UnknownLink", f"link/{row['person']}/{row['meeting']}/{row['role']}",
                           row["sources"], subject=ftm_id(row["person"]),
                           object=ftm_id(row["meeting"]), role=row["role"]))
    for row in read_rows(store, "meetings"):
        date = iso_date(row["date"])
        yield _make("Event", row["meeting"], row["sources"], name=row["title"] or row["name"],
                    summary=row["kind"], date=date[0] if date else None,
                    location=areas.get(row["locality"]), country=COUNTRY,
                    organizer=[ftm_id(u) for u in row["organizers"] if u in units],
                    involved=sorted(involved.get(row["meeting"], ())))
    yield from links
