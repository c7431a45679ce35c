"""Person and unit records of one article, built against its main places and locality ids.

`RecordBuilder` holds what every person's post and every unit needs to become a record (the
article's main place of each level, the ids of its localities) and what the records built so far
share (one id per unit name, the unit records in the order they were first needed), so helpers no
longer pass six arguments to each other.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from vnkg.extraction.bylines import find_authors
from vnkg.extraction.context import Ctx, make_id
from vnkg.extraction.lexicon import lexicon, phrase_pattern
from vnkg.extraction.persons import Mention
from vnkg.extraction.places import Place
from vnkg.extraction.posts import Post, shorter_form
from vnkg.extraction.text import canonical, fold
from vnkg.extraction.unit_places import unit_place
from vnkg.extraction.units import Unit, unit_at

_ACRONYM = re.compile(r"\s*\([A-ZĐ&]{2,8}\)")  # '(CHQS)' repeats the words before it


@cache
def _bare_level() -> re.Pattern[str]:
    """A level word ending a title: 'Chủ tịch UBND tỉnh'."""
    return re.compile(rf"(?<!\w)({lexicon().level_words})\s*$", re.IGNORECASE)


@cache
def _committee_level() -> re.Pattern[str]:
    """A party committee ending a title: its first word names its level ('Tỉnh ủy')."""
    words = phrase_pattern(list(lexicon().committee_levels))
    return re.compile(rf"(?<!\w)({words}) (?:ủy|uỷ)\s*$", re.IGNORECASE)


def fill_level(title: str, main: dict[str, Place]) -> str:
    """Complete a title ending in a bare level word with the article's place of that level.

    >>> fill_level("Chủ tịch UBND tỉnh", {"tỉnh": Place("Lạng Sơn", "tỉnh", "tỉnh Lạng Sơn")})
    'Chủ tịch UBND tỉnh Lạng Sơn'
    """
    level = _level_at_end(title)
    place = main.get(level) if level else None
    return f"{title} {place.name}" if place else title


@lru_cache(maxsize=65536)
def _level_at_end(title: str) -> str | None:
    """The level whose bare word ('UBND tỉnh') or party committee ('Tỉnh ủy': the level its
    first word names) ends a title. Memoised: the same titles recur across articles."""
    m = _bare_level().search(title)
    return m.group(1).lower() if m else _committee_level_of(title)


def _committee_place(name: str, main: dict[str, Place]) -> Place | None:
    """The article's place of the level of the party committee `name` ends with, if any."""
    level = _committee_level_of(name)
    return main.get(level) if level else None


@lru_cache(maxsize=65536)
def _committee_level_of(name: str) -> str | None:
    """The level of the party committee a name ends with ('Tỉnh ủy': 'tỉnh'), if any."""
    c = _committee_level().search(name)
    return lexicon().committee_levels[c.group(1).lower()] if c else None


class RecordBuilder:
    """Builds the person and unit records of one article; unit records are shared by name.

    >>> b = RecordBuilder({}, {})
    >>> b.unit(Unit("Bộ Tư lệnh Quân khu 2", "Bộ Tư lệnh Quân khu 2", "command", None, None,
    ...             [(0, 21)])) == b.unit_ids["bộ tư lệnh quân khu 2"]
    True
    >>> [r["name"] for r in b.unit_records]
    ['Bộ Tư lệnh Quân khu 2']
    """

    def __init__(self, main: dict[str, Place], loc_ids: dict[str, str]) -> None:
        self.main = main  # the article's place of each level: what 'UBND tỉnh' means here
        self.loc_ids = loc_ids  # folded bare place name -> locality id
        self.unit_ids: dict[str, str] = {}  # folded unit name -> unit id
        self.unit_records: list[dict[str, Any]] = []

    def unit(self, u: Unit) -> str:
        """The id of the unit's record, building the record the first time its name is seen."""
        main, loc_ids = self.main, self.loc_ids
        name = fill_level(u.name, main) if u.level or u.locality is None else u.name
        key = fold(name)
        if key in self.unit_ids:
            return self.unit_ids[key]
        uid = make_id("unit", name)
        self.unit_ids[key] = uid
        loc = None
        if u.locality:
            loc = loc_ids.get(fold(u.locality[0]))
        elif u.level and u.level in main:
            loc = loc_ids.get(fold(main[u.level].name))
        elif place := _committee_place(u.name, main):
            loc = loc_ids.get(fold(place.name))
        self.unit_records.append({"id": uid, "name": name, "surface": u.surface, "kind": u.kind,
                                  "locality": loc,
                                  "mentions": [{"start": s, "end": e} for s, e in u.spans],
                                  **(unit_place(u, name, main) if loc is None else {})})
        return uid

    def position(self, ctx: Ctx, post: Post, units: list[Unit]) -> dict[str, Any]:
        """A post as a position record: canonical title completed with its level's place, and
        the record id of the unit it names (one of `units`, else the unit read at its start)."""
        uid = None
        if post.unit_start is not None:
            unit = next((u for u in units if any(s == post.unit_start for s, _ in u.spans)), None)
            unit = unit or unit_at(ctx, post.unit_start)
            if unit is not None:
                uid = self.unit(unit)
        return {"title": self.title(post), "surface": post.surface, "role": post.role,
                "unit": uid}

    def title(self, post: Post) -> str:
        """A post's canonical title, completed with its level's place: what `position` files
        it under, and what a tenure cue about the post matches ('tân Chủ tịch UBND tỉnh')."""
        title = post.surface
        if post.role_end is not None and post.start < post.role_end <= post.end:
            title = post.role + post.surface[post.role_end - post.start:]  # 'bi thư' -> 'Bí thư'
        return fill_level(canonical(_ACRONYM.sub("", title)), self.main)

    def persons(self, ctx: Ctx, mentions: list[Mention],
                units: list[Unit]) -> dict[str, dict[str, Any]]:
        """Person records by folded name: one per name, its posts merged without repeats."""
        persons: dict[str, dict[str, Any]] = {}
        for m in mentions:
            p = persons.setdefault(fold(m.name), _person(m.name))
            p["rank"] = p["rank"] or m.rank
            p["honorific"] = p["honorific"] or m.honorific
            p["mentions"].append({"start": m.start, "end": m.end})
            titles = {fold(x["title"]) for x in p["positions"]}
            for post in m.posts:
                rec = self.position(ctx, post, units)
                if fold(rec["title"]) not in titles and not _covered(rec, p["positions"]):
                    titles.add(fold(rec["title"]))
                    p["positions"].append(rec)
        for p in persons.values():
            p["positions"] = _prune(p["positions"])
        return persons


def add_authors(ctx: Ctx, persons: dict[str, dict[str, Any]]) -> None:
    """Add the byline's authors to the persons, marked '_authored' for an AUTHORED relation."""
    for a in find_authors(ctx):
        p = persons.setdefault(fold(a.name), _person(a.name))
        p["mentions"].append({"start": a.start, "end": a.end})
        p["_authored"] = (a.start, a.end)


def _person(name: str) -> dict[str, Any]:
    return {"id": make_id("person", name), "name": name, "rank": None, "honorific": None,
            "positions": [], "mentions": []}


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
