"""Record parts that link findings together: localities with codes, meetings with their place,
organiser and decrees, relations from roles and bylines."""

from __future__ import annotations

from typing import Any

from extract.context import Ctx, make_id
from extract.document import Document
from extract.meetings import Meeting, iso_or_none, meeting_for
from extract.places import Place, resolve
from extract.text import fold, tone
from extract.units import Unit


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
    """Meeting records: place and organiser named in its sentence, decrees it concerns."""
    out = []
    for i, m in enumerate(meetings):
        s0, s1 = m.sentence
        loc = _first_in(places, s0, s1, loc_ids) if s1 > s0 else None
        org = None
        for u in units:
            if any(s0 <= s < m.start for s, _ in u.spans):
                org = unit_ids.get(fold(u.name)) or org
        in_sentence = [d["id"] for d in decrees
                       if any(s0 <= x["start"] < s1 for x in d["mentions"])]
        linked = in_sentence or ([d["id"] for d in decrees if d["number"]]
                                 if len(meetings) == 1 else [])
        out.append({"id": make_id("meeting", f"{doc.id}#{i}"), "title": m.title, "kind": m.kind,
                    "date": iso_or_none(m.date), "date_surface": m.date_surface,
                    "locality": loc, "organizer": org, "decrees": linked,
                    "mentions": [{"start": s, "end": e} for s, e in m.spans]})
    return out


def _first_in(places: list[Place], s0: int, s1: int, loc_ids: dict[str, str]) -> str | None:
    hits = [(s, p) for p in places for s, _ in p.spans if s0 <= s < s1]
    if not hits:
        return None
    return loc_ids.get(fold(min(hits, key=lambda h: h[0])[1].name))


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
