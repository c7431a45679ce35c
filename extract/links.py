"""Record parts that link findings together: localities with codes, meetings with their place,
organiser and decrees, relations from roles and bylines."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from vnkg.extraction.context import Ctx, make_id
from vnkg.extraction.document import Document
from vnkg.extraction.gazetteer_keys import PROVINCE
from vnkg.extraction.lexicon import bounded, lexicon
from vnkg.extraction.meetings import Meeting, iso_or_none, meeting_for
from vnkg.extraction.places import Place, resolve
from vnkg.extraction.text import fold, tone
from vnkg.extraction.units import Unit

try:
    from vnkg.extraction import gazetteer
except Exception:  # noqa: BLE001 - pragma: no cover - a missing or broken gazetteer
    gazetteer = None  # type: ignore[assignment]


def localities(places: list[Place]) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Locality records (gazetteer code, parent) and the id of each bare name.

    Two spellings of one place ('Đắk Nông', 'Đăk Nông') share the record of their code.
    """
    ids: dict[str, str] = {}
    records = []
    info = resolve(places)
    same_code: dict[tuple[str, str | None], dict[str, Any]] = {}
    for p, extra in zip(places, info, strict=True):
        code = extra.get("code")
        if code and (code, p.type) in same_code:  # 'Đắk Nông' and 'Đăk Nông': one place
            first = same_code[(code, p.type)]
            first["mentions"].extend({"start": s, "end": e} for s, e in p.spans)
            ids[fold(p.name)] = first["id"]
            continue
        pid = make_id("loc", f"{p.type}:{tone(p.name)}")
        ids[fold(p.name)] = pid
        rec: dict[str, Any] = {"id": pid, "name": p.name, "type": p.type, "surface": p.surface,
                               "code": extra.get("code"), "parent": None,
                               "mentions": [{"start": s, "end": e} for s, e in p.spans]}
        for k in ("structure", "province_code", "province"):
            if k in extra:
                rec[k] = extra[k]
        rec["_parent_code"] = extra.get("parent_code")
        records.append(rec)
        if code:
            same_code[(code, p.type)] = rec
    by_code = {r["code"]: r["id"] for r in records if r["code"]}
    for r in records:
        r["parent"] = by_code.get(r.pop("_parent_code"))
    return ids, records


def decree_record(d: Any) -> dict[str, Any]:
    """The record of one document reference. Its id keys a number with its date and issuer:
    Nghị quyết 28 of 2008 and of 2013 are two records of one article."""
    key = " ".join(x for x in (d.kind, d.number, d.date, d.issuer) if x) if d.number else d.surface
    rec: dict[str, Any] = {"id": make_id("decree", key), "kind": d.kind,
                           "number": d.number, "date": iso_or_none(d.date), "issuer": d.issuer,
                           "title": d.title, "surface": d.surface,
                           "mentions": [{"start": s, "end": e} for s, e in d.spans]}
    if d.subkind:
        rec["subkind"] = d.subkind
    return rec


def meetings(ctx: Ctx, doc: Document, meetings: list[Meeting], places: list[Place],
             loc_ids: dict[str, str], units: list[Unit], unit_ids: dict[str, str],
             decrees: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Meeting records: its most specific place, its organiser, the decrees it concerns."""
    out = []
    for i, m in enumerate(meetings):
        org = _organiser(ctx, m, units, places)
        org_id = _unit_id(org, unit_ids)
        org_name = next((k for k, v in unit_ids.items() if v == org_id), "") if org_id else ""
        rec: dict[str, Any] = {
            "id": make_id("meeting", f"{doc.id}#{i}"), "title": m.title, "kind": m.kind,
            "date": iso_or_none(m.date), "date_surface": m.date_surface, "locality": None,
            "organizer": org_id,
            "decrees": _concerned(ctx, m, decrees, len(meetings) == 1),
            "mentions": [{"start": s, "end": e} for s, e in m.spans]}
        rec.update(meeting_place(ctx, m, places, loc_ids, org, org_name))
        out.append(rec)
    return out


def _organiser(ctx: Ctx, m: Meeting, units: list[Unit], places: list[Place]) -> Unit | None:
    """The unit that organises the gathering: the last one of its sentence before it that is
    the subject of an organising verb or of the gathering itself ('Ban CHQS huyện tổ chức
    hội nghị', 'Bộ Tư lệnh đến thăm'); not a unit inside a person's post ('Bí thư Tỉnh ủy
    dự lễ')."""
    s0 = m.sentence[0]
    hits = [(s, u) for u in units for s, e in u.spans
            if s0 <= s < m.start and _subject_of(ctx, _past_places(ctx, e, places), m.start)]
    team = lexicon().delegations.match(ctx.folded, m.start)
    if not hits and team:  # 'đoàn công tác (của) Bộ CHQS tỉnh …': the delegation's own unit
        hits = [(-s, u) for u in units for s, _ in u.spans if team.end() < s <= team.end() + 6]
    return max(hits, key=lambda h: h[0])[1] if hits else None


def _past_places(ctx: Ctx, end: int, places: list[Place]) -> int:
    """The end of the place name and the bracket written right after a unit ('Huyện ủy Lang
    Chánh (Thanh Hoá) tổ chức'): places found, or up to four capitalised words."""
    starts = {s: e for p in places for s, e in p.spans}
    words = {t.start: t.end for t in ctx.tokens}
    skipped = 0
    while True:
        pos = end + len(ctx.text[end:end + 3]) - len(ctx.text[end:end + 3].lstrip())
        close = ctx.text.find(")", pos, pos + 40) if ctx.text.startswith("(", pos) else -1
        if starts.get(pos, end) > end:
            end = starts[pos]
        elif pos in words and skipped < 4:
            end, skipped = words[pos], skipped + 1
        elif close > 0:
            end = close + 1
        else:
            return end


def _unit_id(unit: Unit | None, unit_ids: dict[str, str]) -> str | None:
    """The record id of a unit; 'UBND tỉnh' is keyed by its filled name ('… tỉnh Lạng Sơn')."""
    if unit is None:
        return None
    key = fold(unit.name)
    if key in unit_ids:
        return unit_ids[key]
    filled = [v for k, v in unit_ids.items() if k.startswith(key + " ")]
    return filled[0] if len(set(filled)) == 1 else None


def _subject_of(ctx: Ctx, end: int, noun: int) -> bool:
    """Is the unit ending at `end` the subject of the gathering at `noun`: right before it, or
    before its organising verb, past a date, adverbs and 'phối hợp với …'?"""
    between = ctx.folded[end:noun]
    return noun - end <= 3 or _subject().match(between) is not None


@cache
def _subject() -> re.Pattern[str]:
    return re.compile(
        r"[\s,]*(?:\([^)]{1,30}\)\s*)?"
        r"(?:(?:sáng|chiều|tối|trưa|ngày|hôm)\b[^,.;]{0,20}?\d[\d/.-]*\)?[\s,]+)?"
        rf"(?:(?:{lexicon().pattern('organise_adverbs.txt')})\s+)*"
        r"(?:phối\s+hợp(?:\s+với\s+[^,.;]{1,60}?)?\s+)?"
        rf"(?=(?:{lexicon().organise_verbs})(?!\w)|$)")


def meeting_place(ctx: Ctx, m: Meeting, places: list[Place], loc_ids: dict[str, str],
                  org: Unit | None, org_name: str = "") -> dict[str, Any]:
    """The meeting's most specific locality: from its sentence, else its organiser's unit
    (Ban CHQS huyện X: huyện X; 'UBND tỉnh': the article's province), else its title, else
    the article's venue ('Tại xã X, huyện Y'), else the article's one district (or, with
    none, its one province), else the district of the article's communes (from the
    gazetteer: then it has no record of its own, and `place` gives its gazetteer code, as a
    unit's implied place does)."""
    s0, s1 = m.sentence
    for found in (
        lambda: [p for p in places if any(s0 <= s < s1 for s, _ in p.spans)]
        + _of_unit(org, org_name, places),
        lambda: [p for p in places if fold(p.name) in fold(m.title)],
        lambda: _venue(ctx, places),
        lambda: _only(places, _DISTRICT) or _only(places, (PROVINCE,)),
    ):
        inside = found()
        if inside:
            best = max(inside, key=lambda p: (_SPECIFIC.get(p.type or "", 0),
                                              -_first_span(p, s0)))
            return {"locality": loc_ids.get(fold(best.name))}
    return _implied_district(places)


def _of_unit(org: Unit | None, name: str, places: list[Place]) -> list[Place]:
    """The organiser's place: written in it, filled in from the article ('Huyện ủy' of the
    article's district: its record name), or the article's one place of its level."""
    if org is None:
        return []
    if org.locality:
        return [p for p in places if fold(p.name) == fold(org.locality[0])]
    named = [p for p in places if p.type in _DISTRICT + _COMMUNES
             and f" {fold(p.name)}" in f" {name}"]
    return named or (_only(places, (org.level,)) if org.level else [])


def _only(places: list[Place], types: tuple[str, ...]) -> list[Place]:
    """The article's places of these types, when they are all one place."""
    found = [p for p in places if p.type in types]
    return found if len({fold(p.name) for p in found}) == 1 else []


def _venue(ctx: Ctx, places: list[Place]) -> list[Place]:
    """The places of the article's first venue phrase ('tại xã X, huyện Y', 'diễn ra ở X')."""
    for v in _at().finditer(ctx.folded):
        chain = [p for p in places for s, _ in p.spans if v.end() <= s < v.end() + 60
                 and ctx.sentence_of(s) == ctx.sentence_of(v.start())]
        if any(s == v.end() for p in chain for s, _ in p.spans):
            return chain
    return []


@cache
def _at() -> re.Pattern[str]:
    return bounded(lexicon().phrases("venue_words.txt"), not_after=r"\w", end=r"\s+")


_SPECIFIC = {t: n + 1 for t, n in lexicon().locality_levels.items()}  # commune 3 ... province 1
_DISTRICT = lexicon().types_of_level(1)
_COMMUNES = lexicon().types_with("in_district")  # the communes that lie in a district


def _first_span(p: Place, s0: int) -> int:
    return min((s for s, _ in p.spans if s >= s0), default=1 << 30)


def _implied_district(places: list[Place]) -> dict[str, Any]:
    """The one district all the article's communes lie in, when no district is named."""
    if gazetteer is None or not places or any(p.type not in _COMMUNES for p in places):
        return {"locality": None}
    parents = {(x.get("parent_code"), x.get("structure")) for x in resolve(places)}
    if len(parents) != 1 or not next(iter(parents))[0]:
        return {"locality": None}
    code, structure = next(iter(parents))
    district = gazetteer.place(str(code), structure or "2024")
    if district is None or district.level != 1:
        return {"locality": None}
    return {"locality": None, "place": {"name": district.name, "type": district.type,
                                        "code": district.code, "structure": district.structure}}


def _concerned(ctx: Ctx, m: Meeting, decrees: list[dict[str, Any]], only: bool) -> list[str]:
    """The decrees a meeting concerns: those named in its sentence; for an article's only
    meeting also the numbered ones the text says are reviewed, implemented, disseminated or
    announced ('quán triệt … Nghị định 21/2019/NĐ-CP')."""
    s0, s1 = m.sentence
    named = [d["id"] for d in decrees if any(s0 <= x["start"] < s1 for x in d["mentions"])]
    if named or not only:
        return named
    return [d["id"] for d in decrees if d["number"] and any(
        concern_before(ctx, x["start"]) for x in d["mentions"])]


def concern_before(ctx: Ctx, pos: int) -> bool:
    """Does a concern verb ('thực hiện', 'quán triệt', 'sơ kết') come shortly before `pos`,
    in the same sentence?"""
    s0 = ctx.sentence_of(pos)[0]
    return lexicon().meeting_concerns.search(ctx.folded, max(s0, pos - 90), pos) is not None


def relations(ctx: Ctx, doc: Document, roles: list, meetings: list[Meeting],
               meeting_records: list[dict[str, Any]],
               persons: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """CHAIRED/ATTENDED/SPOKE_AT from roles (to the meeting the statement is about), AUTHORED."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str, str | None]] = set()
    for r in roles:
        m = meeting_for(meetings, r.start)
        if m is None:
            continue
        target = meeting_records[meetings.index(m)]["id"]
        source = persons[fold(r.mention.name)]["id"]
        key = (source, r.type, target, r.qualifier)
        if key in seen:
            continue
        seen.add(key)
        out.append({"type": r.type, "source": source, "target": target,
                    "qualifier": r.qualifier, "confidence": r.confidence,
                    "evidence": _evidence(ctx, r.start, r.end)})
    for p in persons.values():
        span = p.pop("_authored", None)
        if span:
            out.append({"type": "AUTHORED", "source": p["id"], "target": doc.id,
                        "qualifier": None, "confidence": 0.8,
                        "evidence": _evidence(ctx, span[0], span[1])})
    return out


def _evidence(ctx: Ctx, start: int, end: int) -> dict[str, Any]:
    """The span and its text, so records read later without the article keep their evidence."""
    return {"start": start, "end": end, "text": ctx.text[start:end]}
