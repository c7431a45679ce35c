"""From a record (what one article says, local ids) to a Fragment (global, deterministic ids).

Identity comes from canonical keys (DESIGN.md, "The model"): a person is his normalised name
plus the province (else the unit) of the posts he holds; a unit its canonical name plus its
locality (written, or the one the article implies; a local unit of unknown place, its
article); a locality its gazetteer code, else type + name + parent; a decree its canonical
number; a meeting its date + locality + kind, else the article + its index.
"""

from __future__ import annotations

import re
from typing import Any

from vnkg.extraction.gazetteer import Place as GazetteerPlace
from vnkg.extraction.gazetteer import locality_node_id, place
from vnkg.extraction.keys import decree_key, decree_number, fold, locality_key, make_id, name_key
from vnkg.extraction.text import canonical
from vnkg.graph.ids import article_id
from vnkg.graph.model import Edge, Evidence, Fragment, Node
from vnkg.graph.reference import around, locality_node, map_2025
from vnkg.graph.tenure import tenure_props

Record = dict[str, Any]
ROLE_RELATIONS = ("CHAIRED", "ATTENDED", "SPOKE_AT")


def to_fragment(record: Record, text: str | None = None) -> Fragment:
    """Resolve one record to a Fragment of the graph; `text` (the article's NFC text) gives
    the evidence sentences their words.

    >>> rec = {"doc": {"id": "a1", "sha256": ""}, "persons": [], "units": [],
    ...        "localities": [], "decrees": [], "meetings": [], "relations": []}
    >>> list(to_fragment(rec).nodes)
    ['article/a1']
    """
    doc = record["doc"]
    frag = Fragment(doc["id"], doc.get("published") or _latest_meeting_date(record))
    ids: dict[str, str] = {}
    _article(frag, doc)
    _localities(frag, record, ids)
    _units(frag, record, ids)
    _decrees(frag, record, ids)
    _meetings(frag, record, ids)
    _persons(frag, record, ids, text)
    _relations(frag, record, ids, text)
    return frag


def _article(frag: Fragment, doc: Record) -> None:
    props = {k: doc.get(k) for k in ("title", "url", "published", "path", "outlet")}
    props["name"] = doc.get("title") or doc["id"]
    props["doc_id"] = doc["id"]
    frag.add_node(Node(article_id(doc["id"]), "Article", _clean(props)))


def _localities(frag: Fragment, record: Record, ids: dict[str, str]) -> None:
    by_local = {loc["id"]: loc for loc in record["localities"]}

    def global_id(loc: Record, depth: int = 0) -> str:
        if loc["id"] in ids:
            return ids[loc["id"]]
        parent = by_local.get(loc.get("parent") or "")
        parent_id = global_id(parent, depth + 1) if parent and depth < 5 else None
        known = place(loc["code"], loc.get("structure") or "2024") if loc.get("code") else None
        if known:
            node_id = locality_node_id(known)
        else:
            node_id = make_id("Locality", loc["name"], loc.get("type"), parent_id)
        ids[loc["id"]] = node_id
        return node_id

    for loc in record["localities"]:
        node_id = global_id(loc)
        props = {"name": loc["name"], "type": loc.get("type"), "code": loc.get("code"),
                 "structure": loc.get("structure"), "province": loc.get("province"),
                 "key": locality_key(loc["name"]), **_within(loc, by_local, ids)}
        known = place(loc["code"], loc.get("structure") or "2024") if loc.get("code") else None
        if known:
            props |= map_2025(known)
        frag.add_node(Node(node_id, "Locality", _clean(props)))
    for loc in record["localities"]:
        parent = by_local.get(loc.get("parent") or "")
        if parent and ids[parent["id"]] != ids[loc["id"]]:
            frag.add_edge(Edge("PART_OF", ids[loc["id"]], ids[parent["id"]]))


def _within(loc: Record, by_local: dict[str, Record], ids: dict[str, str]) -> dict[str, Any]:
    """Ids and keys of the locality and of everything around it, from the record's own parent
    chain and the gazetteer (see graph.reference.within)."""
    chain, seen = [loc], {loc["id"]}
    while (parent := by_local.get(chain[-1].get("parent") or "")) and parent["id"] not in seen:
        chain.append(parent)
        seen.add(parent["id"])
    all_ids, keys = {ids[c["id"]] for c in chain}, {locality_key(c["name"]) for c in chain}
    for c in chain:
        known = place(c["code"], c.get("structure") or "2024") if c.get("code") else None
        if known:
            more_ids, more_keys = around(known)
            all_ids |= more_ids
            keys |= more_keys
    return {"within": sorted(all_ids), "within_keys": sorted(keys)}


def _units(frag: Fragment, record: Record, ids: dict[str, str]) -> None:
    """A unit is its name plus its place: the locality record it names, else the place the
    article implies (`place`, a gazetteer code). A local unit whose place is unknown
    (`scope: article`, 'Bộ CHQS tỉnh' in an article naming no province) stays in its article:
    merging it by name would join the commands of two provinces."""
    doc_id = record["doc"]["id"]
    for unit in record["units"]:
        loc = ids.get(unit.get("locality") or "") or _implied_locality(frag, unit)
        props = {"name": unit["name"], "kind": unit.get("kind"), "key": name_key(unit["name"])}
        if unit.get("scope") == "article" and not loc:
            node_id = make_id("Unit", unit["name"], None, "article", doc_id)
            props["article"] = doc_id
        else:
            node_id = make_id("Unit", unit["name"], loc)
        ids[unit["id"]] = node_id
        frag.add_node(Node(node_id, "Unit", _clean(props)))
        if loc:
            frag.add_edge(Edge("LOCATED_IN", node_id, loc))


def _implied_locality(frag: Fragment, rec: Record) -> str | None:
    """The node of the gazetteer place a unit's or meeting's record says the article
    implies (`place`: 'Bộ CHQS tỉnh' of the article's province, the district of a meeting's
    communes), added to the fragment."""
    known = _implied_place(rec)
    if known is None:
        return None
    node = locality_node(known)
    frag.add_node(node)
    return node.id


def _decrees(frag: Fragment, record: Record, ids: dict[str, str]) -> None:
    doc_id = record["doc"]["id"]
    # numbered documents first, so a session-named one can join the numbered one it means
    for dec in sorted(record["decrees"], key=lambda d: not d.get("number")):
        number = dec.get("number")
        full = bool(number) and any(c in number for c in "/-")
        if full:
            # numbers without their year (28-NQ/TW) recur: the 2008 and 2013 ones differ
            year = "" if re.search(r"(19|20)\d\d", number) else (dec.get("date") or "")[:4]
            node_id = make_id("Decree", decree_number(number), year)
        elif number:
            # a bare number ("Nghị định số 21") stays its own node unless dated or attributed
            anchor = dec.get("date") or dec.get("issuer") or doc_id
            node_id = make_id("Decree", number, dec["kind"], anchor)
        else:
            # a named document (Luật Nghĩa vụ quân sự năm 2015): its name is its identity
            node_id = make_id("Decree", decree_title_key(dec), dec["kind"])
        ids[dec["id"]] = ids.get(session_alias(dec, record), node_id)
        if ids[dec["id"]] != node_id:
            continue  # the same document as a numbered one the article also cites
        props = {"name": _decree_name(dec), "number": number, "kind": dec["kind"],
                 "date": dec.get("date"), "issuer": dec.get("issuer"), "title": dec.get("title"),
                 "key": decree_key(number or dec["surface"])}
        frag.add_node(Node(node_id, "Decree", _clean(props)))
        if dec.get("issuer"):
            frag.add_edge(Edge("ISSUED_BY", node_id, _issuer(frag, record, ids, dec["issuer"])))


def _issuer(frag: Fragment, record: Record, ids: dict[str, str], issuer: str) -> str:
    """The unit that issued a decree: the article's unit of that name when it has one
    ("UBND huyện X" is its unit "Ủy ban nhân dân huyện X"), else a unit of its own."""
    key = name_key(issuer)
    same = [ids[u["id"]] for u in record["units"] if name_key(u["name"]) == key]
    if same:
        return same[0]
    name = canonical(issuer)
    node_id = make_id("Unit", name, None)
    frag.add_node(Node(node_id, "Unit", {"name": name, "key": name_key(name)}))
    return node_id


def session_alias(dec: Record, record: Record) -> str:
    """A resolution named by its session ("Nghị quyết Trung ương 8 khóa XI") is the numbered
    Central Committee resolution the same article cites, when it cites exactly one: the
    local id of that one, else "".

    >>> rec = {"decrees": [{"id": "d2", "kind": "Nghị quyết", "number": "28-NQ/TW",
    ...                     "issuer": "Ban Chấp hành Trung ương Đảng"}]}
    >>> session_alias({"id": "d1", "kind": "Nghị quyết", "number": None,
    ...                "surface": "Nghị quyết Trung ương 8 khóa XI"}, rec)
    'd2'
    """
    if dec.get("number") or not re.match(r"nghị quyết (hội nghị )?trung ương \d+",
                                         fold(dec.get("surface") or "")):
        return ""
    central = [d["id"] for d in record["decrees"]
               if d.get("number") and d.get("kind") == dec.get("kind")
               and "ban chấp hành trung ương" in fold(d.get("issuer") or "")]
    return central[0] if len(central) == 1 else ""


def decree_title_key(dec: Record) -> str:
    """Matching key of a document known by name only: its folded name without the year.

    >>> decree_title_key({"surface": "Luật Nghĩa vụ quân sự năm 2015"})
    'luật nghĩa vụ quân sự'
    """
    return re.sub(r"\s*(năm|ngày)\s+.*$", "", fold(dec["surface"]))


def _decree_name(dec: Record) -> str:
    return f"{dec['kind']} {dec['number']}" if dec.get("number") else dec["surface"]


def _meetings(frag: Fragment, record: Record, ids: dict[str, str]) -> None:
    doc_id = record["doc"]["id"]
    for index, meeting in enumerate(record["meetings"]):
        loc = ids.get(meeting.get("locality") or "") or _implied_locality(frag, meeting)
        date = meeting.get("date") or ""
        if len(date) == 10 and loc:
            node_id = make_id("Meeting", date, loc, meeting.get("kind"))
        else:
            node_id = make_id("Meeting", doc_id, "doc", str(index))
        ids[meeting["id"]] = node_id
        props = {"name": meeting["title"], "title": meeting["title"], "kind": meeting.get("kind"),
                 "date": meeting.get("date"), "date_surface": meeting.get("date_surface"),
                 "key": name_key(meeting["title"])}
        frag.add_node(Node(node_id, "Meeting", _clean(props)))
        if loc:
            frag.add_edge(Edge("HELD_IN", node_id, loc))
        if meeting.get("organizer") in ids:
            frag.add_edge(Edge("ORGANIZED_BY", node_id, ids[meeting["organizer"]]))
        for dec in meeting.get("decrees") or ():
            if dec in ids:
                frag.add_edge(Edge("CONCERNS", node_id, ids[dec]))


def _persons(frag: Fragment, record: Record, ids: dict[str, str], text: str | None) -> None:
    for person in record["persons"]:
        anchor, reason = person_anchor(person, record)
        node_id = make_id("Person", person["name"], anchor)
        ids[person["id"]] = node_id
        props = {"name": person["name"], "rank": person.get("rank"),
                 "key": name_key(person["name"]), "anchor": anchor, "anchored_by": [reason]}
        frag.add_node(Node(node_id, "Person", _clean(props)))
        if person.get("rank"):
            _rank(frag, node_id, person["rank"], None, text)
        for event in person.get("rank_events") or ():
            if event.get("rank"):
                _rank(frag, node_id, event["rank"], event, text)
        for post in person["positions"]:
            _position(frag, node_id, post, ids, text)


def _rank(frag: Fragment, person_id: str, name: str, event: Record | None,
          text: str | None) -> None:
    """HAS_RANK to the rank `name`; a promotion (`event`, a record's rank event) gives the
    relation its stated start."""
    rank_id = make_id("Rank", name)
    frag.add_node(Node(rank_id, "Rank", {"name": name, "key": name_key(name)}))
    tenure = {"start": event} if event else None
    frag.add_edge(Edge("HAS_RANK", person_id, rank_id, *_tenure(frag, tenure, text)))


def person_anchor(person: Record, record: Record) -> tuple[str, str]:
    """What, besides his name, identifies a person across articles, and why: the province of
    his posts; none when his posts are in national bodies (a minister or a general is one
    person wherever he travels); else, with no post at all, the article's province.

    The same name in the same province is one person; in unrelated provinces, two.
    """
    loc_province = {loc["id"]: loc.get("province") or "" for loc in record["localities"]}
    unit_province = {u["id"]: loc_province.get(u.get("locality") or "") or _place_province(u)
                     for u in record["units"]}
    units = [p["unit"] for p in person["positions"] if p.get("unit")]
    provinces = sorted({unit_province.get(u, "") for u in units} - {""})
    if provinces:
        return f"tỉnh {provinces[0]}", "post province"
    if person["positions"]:
        return "", "posts in national bodies"
    main = article_province(record)
    if main:
        return f"tỉnh {main}", "article province"
    return "", "name only"


def _place_province(unit: Record) -> str:
    """The province of the place a unit's record says the article implies, else ""."""
    known = _implied_place(unit)
    return known.province_name if known else ""


def _implied_place(unit: Record) -> GazetteerPlace | None:
    implied = unit.get("place") or {}
    code = implied.get("code")
    return place(code, implied.get("structure") or "2024") if code else None


def article_province(record: Record) -> str | None:
    """The province most of the article's localities lie in (first mentioned on a tie)."""
    counts: dict[str, int] = {}
    for loc in record["localities"]:
        if loc.get("province"):
            counts[loc["province"]] = counts.get(loc["province"], 0) + len(loc["mentions"] or [1])
    return max(counts, key=lambda k: counts[k]) if counts else None


def _position(frag: Fragment, person_id: str, post: Record, ids: dict[str, str],
              text: str | None) -> None:
    unit_id = ids.get(post.get("unit") or "")
    role = post.get("role") or post["title"]
    post_id = make_id("Position", role if unit_id else post["title"], unit_id)
    props = {"name": post["title"], "title": post["title"], "role": post.get("role"),
             "key": name_key(post["title"])}
    frag.add_node(Node(post_id, "Position", _clean(props)))
    frag.add_edge(Edge("HOLDS", person_id, post_id, *_tenure(frag, post.get("tenure"), text)))
    if unit_id:
        frag.add_edge(Edge("IN_UNIT", post_id, unit_id))


def _tenure(frag: Fragment, tenure: Record | None, text: str | None
            ) -> tuple[dict[str, Any], list[Evidence]]:
    """The stated bounds of a tenure (graph.tenure) and the evidence of their cue phrases."""
    if not tenure:
        return {}, []
    props = tenure_props(tenure, article_id(frag.article), frag.published)
    spans = [b["evidence"] for side in ("start", "end")
             if (b := tenure.get(side)) and isinstance(b.get("evidence"), dict)]
    evidence = [Evidence(frag.article, int(s["start"]), int(s["end"]),
                         text[s["start"]:s["end"]] if text else str(s.get("text") or ""))
                for s in spans
                if int(s["end"]) > int(s["start"])]
    return _clean(props), evidence


def _relations(frag: Fragment, record: Record, ids: dict[str, str], text: str | None) -> None:
    doc_id = record["doc"]["id"]
    for rel in record["relations"]:
        source = ids.get(rel["source"])
        if rel["type"] == "AUTHORED" and source:
            target: str | None = article_id(doc_id)
        elif rel["type"] in ROLE_RELATIONS:
            target = ids.get(rel["target"])
        else:
            continue
        if not (source and target):
            continue
        span = rel["evidence"]
        words = text[span["start"]:span["end"]] if text else str(span.get("text") or "")
        evidence = Evidence(doc_id, span["start"], span["end"], words)
        props: dict[str, Any] = {}
        if rel.get("qualifier"):
            props["qualifiers"] = [rel["qualifier"]]
        frag.add_edge(Edge(rel["type"], source, target, props, [evidence]))


def _latest_meeting_date(record: Record) -> str | None:
    dates = [m["date"] for m in record["meetings"] if m.get("date")]
    return max(dates) if dates else None


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if v not in (None, "", [])}
