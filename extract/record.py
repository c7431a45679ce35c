"""Assemble one schema-valid record (spec/record.schema.json) from the extractors' findings."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from typing import Any

from extract.bylines import find_authors
from extract.context import Ctx, make_ctx, make_id
from extract.dates import stamp_month
from extract.decrees import find_decrees
from extract.document import Document
from extract.links import decree_record, localities
from extract.links import meetings as meetings_
from extract.links import relations as relations_
from extract.meetings import Meeting, find_meetings, iso_or_none
from extract.persons import Mention, find_mentions
from extract.places import Place, find_localities
from extract.posts import Post, role_at, shorter_form
from extract.roles import find_roles
from extract.text import canonical, fold, nfc
from extract.unit_places import implied_places, unit_place
from extract.units import Unit, find_units, unit_at

SCHEMA = "vnkg.record/1"
_HEADER_DATE = re.compile(r"^\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)\b")
_LIST_HEADER = re.compile(r"\bcác\s+(?:đồng\s+chí\s+)?([^:;.\n]{3,80}):")
_BARE_LEVEL = re.compile(r"(?<!\w)(tỉnh|huyện|xã|phường|thành phố|thị xã|quận|thị trấn)\s*$",
                         re.IGNORECASE)
# a party committee names its level: 'Tỉnh ủy' is the province's, 'Thành ủy' the city's
_COMMITTEE_LEVEL = re.compile(r"(?<!\w)(tỉnh|huyện|thành|thị|quận) (?:ủy|uỷ)\s*$", re.IGNORECASE)
_COMMITTEE_TYPE = {"tỉnh": "tỉnh", "huyện": "huyện", "thành": "thành phố", "thị": "thị xã",
                   "quận": "quận"}


def header_date(text: str) -> str | None:
    """The ' date 2024-04' stamp some inputs start with (never a URL's year).

    >>> header_date(" date 2024-04 Quang cảnh")
    '2024-04'
    """
    m = _HEADER_DATE.match(text)
    return m.group(1) if m else None


def extract_records(docs: Iterable[Document]) -> Iterator[dict[str, Any]]:
    """Stream records for documents, one each, in order."""
    for doc in docs:
        yield extract_record(doc)


def extract_record(doc: Document) -> dict[str, Any]:
    """Extract what one article says as a plain JSON-able record.

    >>> r = extract_record(Document(id="x1", text="Sáng 9/10, Đại tá Lê Văn Tám chủ trì hội nghị."))
    >>> r["persons"][0]["name"], r["relations"][0]["type"]
    ('Lê Văn Tám', 'CHAIRED')
    """
    text = nfc(doc.text)
    published = iso_or_none(doc.published) or header_date(text)
    ctx = make_ctx(doc.id, text, published)
    mentions = find_mentions(ctx)
    _distribute_list_headers(ctx, mentions)
    places = find_localities(ctx)
    loc_ids, locality_records = localities(places)
    main = _main_places(places, locality_records)
    units = find_units(ctx)
    unit_ids: dict[str, str] = {}
    unit_records: list[dict[str, Any]] = []
    found_decrees = find_decrees(ctx)
    decrees = [decree_record(d) for d in found_decrees]
    # a law's or decree's year is when it was issued and dates no meeting; an unnumbered
    # plan's ('kế hoạch huấn luyện năm 2025') is the period the meeting plans for
    meetings = find_meetings(ctx, [(d.spans[0][0], d.spans[0][0] + len(d.surface))
                                   for d in found_decrees
                                   if d.number or fold(d.kind) != fold("Kế hoạch")])
    persons = _persons(ctx, mentions, main, loc_ids, units, unit_ids, unit_records)
    for u in units:
        _unit_record(u, main, loc_ids, unit_ids, unit_records)
    roles = find_roles(ctx, mentions)
    if roles and not meetings:
        meetings = [Meeting(doc.title or "(sự kiện trong bài)", 0, 0, stamp_month(published),
                            None, None, (0, 0))]
    meeting_records = meetings_(ctx, doc, meetings, places, loc_ids, units, unit_ids, decrees)
    relations = relations_(ctx, doc, roles, meetings, meeting_records, persons)
    return {
        "schema": SCHEMA,
        "doc": {"id": doc.id, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                "path": doc.path, "url": doc.url, "title": doc.title,
                "published": iso_or_none(doc.published), "outlet": doc.outlet},
        "persons": list(persons.values()),
        "units": unit_records,
        "localities": locality_records,
        "decrees": decrees,
        "meetings": meeting_records,
        "relations": relations,
    }


def _distribute_list_headers(ctx: Ctx, mentions: list[Mention]) -> None:
    """'các đồng chí Phó Tổng Tham mưu trưởng: A; B; C và D - ...' gives the post to A, B, C."""
    for m in _LIST_HEADER.finditer(ctx.folded):
        if not role_at().match(ctx.folded, m.start(1)):
            continue
        sent_end = ctx.sentence_of(m.start())[1]
        post = Post(m.start(1), m.end(1), ctx.text[m.start(1):m.end(1)].strip(),
                    canonical(ctx.text[m.start(1):m.end(1)].strip()))
        for mention in mentions:
            if not m.end() <= mention.start < sent_end:
                continue
            joined_by_and = fold(ctx.text[max(0, mention.lead_start - 4):mention.lead_start]) \
                .strip() == "và"
            if joined_by_and and mention.posts:
                continue
            mention.posts.insert(0, post)


def _main_places(places: list[Place], records: list[dict[str, Any]]) -> dict[str, Place]:
    """The most mentioned place of each type: what 'UBND tỉnh' means in this article; else
    the one province or district its places lie in (extract.unit_places)."""
    best: dict[str, Place] = {}
    for p in places:
        if p.type and (p.type not in best or len(p.spans) > len(best[p.type].spans)):
            best[p.type] = p
    return {**implied_places(records), **best}


def _fill(title: str, main: dict[str, Place]) -> str:
    """Complete a title ending in a bare level word with the article's place of that level."""
    m = _BARE_LEVEL.search(title)
    if not m:
        c = _COMMITTEE_LEVEL.search(title)
        place = main.get(_COMMITTEE_TYPE[c.group(1).lower()]) if c else None
        return f"{title} {place.name}" if place else title
    place = main.get(m.group(1).lower())
    return f"{title} {place.name}" if place else title


def _unit_record(u: Unit, main: dict[str, Place], loc_ids: dict[str, str],
                 unit_ids: dict[str, str], out: list[dict[str, Any]]) -> str:
    name = _fill(u.name, main) if u.level or u.locality is None else u.name
    key = fold(name)
    if key in unit_ids:
        return unit_ids[key]
    uid = make_id("unit", name)
    unit_ids[key] = uid
    loc = None
    if u.locality:
        loc = loc_ids.get(fold(u.locality[0]))
    elif u.level and u.level in main:
        loc = loc_ids.get(fold(main[u.level].name))
    elif (c := _COMMITTEE_LEVEL.search(u.name)) and _COMMITTEE_TYPE[c.group(1).lower()] in main:
        loc = loc_ids.get(fold(main[_COMMITTEE_TYPE[c.group(1).lower()]].name))
    out.append({"id": uid, "name": name, "surface": u.surface, "kind": u.kind, "locality": loc,
                "mentions": [{"start": s, "end": e} for s, e in u.spans],
                **(unit_place(u, name, main) if loc is None else {})})
    return uid


def _persons(ctx: Ctx, mentions: list[Mention], main: dict[str, Place], loc_ids: dict[str, str],
             units: list[Unit], unit_ids: dict[str, str],
             unit_records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    persons: dict[str, dict[str, Any]] = {}
    for m in mentions:
        key = fold(m.name)
        p = persons.setdefault(key, {"id": make_id("person", m.name), "name": m.name,
                                     "rank": None, "honorific": None, "positions": [],
                                     "mentions": []})
        p["rank"] = p["rank"] or m.rank
        p["honorific"] = p["honorific"] or m.honorific
        p["mentions"].append({"start": m.start, "end": m.end})
        titles = {fold(x["title"]) for x in p["positions"]}
        for post in m.posts:
            rec = _position(ctx, post, main, loc_ids, units, unit_ids, unit_records)
            if fold(rec["title"]) not in titles and not _covered(rec, p["positions"]):
                titles.add(fold(rec["title"]))
                p["positions"].append(rec)
    for p in persons.values():
        p["positions"] = _prune(p["positions"])
    for a in find_authors(ctx):
        key = fold(a.name)
        p = persons.setdefault(key, {"id": make_id("person", a.name), "name": a.name,
                                     "rank": None, "honorific": None, "positions": [],
                                     "mentions": []})
        p["mentions"].append({"start": a.start, "end": a.end})
        p["_authored"] = (a.start, a.end)
    return persons


def _covered(rec: dict[str, Any], positions: list[dict[str, Any]]) -> bool:
    """A shorter repetition of a post already held ('Chủ tịch UBND huyện' after '... Krông Ana')."""
    t = fold(rec["title"])
    return any(fold(x["title"]).startswith(t) for x in positions)


def _prune(positions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop a post whose words recur in order in a longer post with the same role."""
    titles = [fold(p["title"]) for p in positions]
    keep = []
    for i, p in enumerate(positions):
        shorter = any(j != i and shorter_form(titles[i], titles[j])
                      and positions[j]["role"] == p["role"] for j in range(len(positions)))
        if not shorter:
            keep.append(p)
    return keep


def _position(ctx: Ctx, post: Post, main: dict[str, Place], loc_ids: dict[str, str],
              units: list[Unit], unit_ids: dict[str, str],
              unit_records: list[dict[str, Any]]) -> dict[str, Any]:
    uid = None
    if post.unit_start is not None:
        unit = next((u for u in units if any(s == post.unit_start for s, _ in u.spans)), None)
        unit = unit or unit_at(ctx, post.unit_start)
        if unit is not None:
            uid = _unit_record(unit, main, loc_ids, unit_ids, unit_records)
    title = post.surface
    if post.role_end is not None and post.start < post.role_end <= post.end:
        title = post.role + post.surface[post.role_end - post.start:]  # 'bi thư' -> 'Bí thư'
    title = re.sub(r"\s*\([A-ZĐ&]{2,8}\)", "", title)  # '(CHQS)' repeats the words
    return {"title": _fill(canonical(title), main), "surface": post.surface,
            "role": post.role, "unit": uid}


