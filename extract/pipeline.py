"""The extraction engine as one declared pipeline: ordered steps over a document's state.

Each `Step` says what it reads and what it assigns (names of `DocState` fields; `ctx.<field>`
for what a step leaves on the shared `Ctx`, such as the person spans later steps skip). A step
that refines a field another step assigned ('list headers' gives posts to the mentions) assigns
it again, and a step that only reads the field must then come after both. `check_order` proves this
for `STEPS` when this module is imported, so a reordering that breaks a dependency fails loudly.

>>> [s.name for s in STEPS][:3]
['context', 'mentions', 'list headers']
>>> state = run(Document(id="x1", text="Sáng 9/10, Đại tá Lê Văn Tám chủ trì hội nghị."))
>>> state.record["relations"][0]["type"]
'CHAIRED'
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from vnkg.extraction.context import Ctx, make_ctx
from vnkg.extraction.dates import stamp_month
from vnkg.extraction.decrees import Decree, find_decrees
from vnkg.extraction.document import Document
from vnkg.extraction.links import decree_record, localities
from vnkg.extraction.links import meetings as meeting_records
from vnkg.extraction.links import relations as relation_records
from vnkg.extraction.meetings import Meeting, find_meetings, iso_or_none
from vnkg.extraction.persons import Mention, find_mentions
from vnkg.extraction.places import Place, find_localities
from vnkg.extraction.posts import Post, role_at
from vnkg.extraction.promotions import add_rank_events
from vnkg.extraction.record_builder import RecordBuilder, add_authors
from vnkg.extraction.roles import Role, find_roles
from vnkg.extraction.tenure import add_tenures
from vnkg.extraction.text import canonical, fold, nfc
from vnkg.extraction.unit_places import implied_places
from vnkg.extraction.units import Unit, find_units

SCHEMA = "vnkg.record/1"
_HEADER_DATE = re.compile(r"^\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)\b")
# "\bcác", written with the look-behind after the literal word so that a scan jumps to "các"
_LIST_HEADER = re.compile(r"các(?<!\wcác)\s+(?:đồng\s+chí\s+)?([^:;.\n]{3,80}):")


class DocState:
    """What the steps know about one document; a field exists once a step assigned it."""

    doc: Document
    text: str  # NFC
    published: str | None  # the article's date, or the ' date 2024-04' stamp its text opens with
    ctx: Ctx
    mentions: list[Mention]
    places: list[Place]
    loc_ids: dict[str, str]  # folded bare place name -> locality id
    locality_records: list[dict[str, Any]]
    main: dict[str, Place]  # the article's place of each level
    units: list[Unit]
    found_decrees: list[Decree]
    decrees: list[dict[str, Any]]
    meetings: list[Meeting]
    builder: RecordBuilder  # persons' and units' records, sharing one id per unit name
    persons: dict[str, dict[str, Any]]
    unit_ids: dict[str, str]  # folded unit name -> id, once every unit has its record
    unit_records: list[dict[str, Any]]
    roles: list[Role]
    meeting_records: list[dict[str, Any]]
    relations: list[dict[str, Any]]
    record: dict[str, Any]

    def __init__(self, doc: Document) -> None:
        self.doc = doc


@dataclass(frozen=True)
class Step:
    """One stage of the engine: its name, the fields it reads and assigns, and its function."""

    name: str
    reads: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[DocState], None]


class PipelineError(ValueError):
    """A step reads what no earlier step assigned, or names a field the state does not have."""


def check_order(steps: Sequence[Step], given: tuple[str, ...] = ("doc",)) -> None:
    """Raise PipelineError unless each step reads only fields some earlier step assigned, and
    a step that only reads a field (does not refine it) comes after every step assigning it.

    >>> try:
    ...     check_order([Step("roles", ("mentions",), ("roles",), print)])
    ... except PipelineError as err:
    ...     print(err)
    step 'roles' reads 'mentions', which no earlier step assigns
    """
    known = set(DocState.__annotations__) | {f"ctx.{f.name}" for f in dataclasses.fields(Ctx)}
    for step in steps:
        for name in step.reads + step.assigns:
            if name not in known:
                raise PipelineError(f"step {step.name!r} names {name!r}, not a DocState field")
    for i, step in enumerate(steps):
        for name in step.reads:
            if name in given:
                continue
            before = [s.name for s in steps[:i] if name in s.assigns]
            after = [s.name for s in steps[i + 1:] if name in s.assigns
                     and name not in step.assigns]  # a refining step may be refined again
            if not before:
                raise PipelineError(f"step {step.name!r} reads {name!r}, which no earlier step "
                                    "assigns")
            if after:
                raise PipelineError(f"step {step.name!r} reads {name!r} before step "
                                    f"{after[0]!r} assigns it")


def run(doc: Document, steps: Sequence[Step] | None = None) -> DocState:
    """Run the steps (default `STEPS`) over one document and return its state.

    A step that does not assign what it declares raises PipelineError.
    """
    state = DocState(doc)
    for step in STEPS if steps is None else steps:
        step.run(state)
        for name in step.assigns:
            if "." not in name and not hasattr(state, name):
                raise PipelineError(f"step {step.name!r} did not assign {name!r}")
    return state


def header_date(text: str) -> str | None:
    """The ' date 2024-04' stamp some inputs start with (never a URL's year).

    >>> header_date(" date 2024-04 Quang cảnh")
    '2024-04'
    """
    m = _HEADER_DATE.match(text)
    return m.group(1) if m else None


# ---- the steps ------------------------------------------------------------------------------

def _context(s: DocState) -> None:
    s.text = nfc(s.doc.text)
    s.published = iso_or_none(s.doc.published) or header_date(s.text)
    s.ctx = make_ctx(s.doc.id, s.text, s.published)


def _mentions(s: DocState) -> None:
    s.mentions = find_mentions(s.ctx)  # also marks ctx.person_spans


def _list_headers(s: DocState) -> None:
    """'các đồng chí Phó Tổng Tham mưu trưởng: A; B; C và D - ...' gives the post to A, B, C."""
    ctx = s.ctx
    for m in _LIST_HEADER.finditer(ctx.folded):
        if not role_at().match(ctx.folded, m.start(1)):
            continue
        sent_end = ctx.sentence_of(m.start())[1]
        post = Post(m.start(1), m.end(1), ctx.text[m.start(1):m.end(1)].strip(),
                    canonical(ctx.text[m.start(1):m.end(1)].strip()))
        for mention in s.mentions:
            if not m.end() <= mention.start < sent_end:
                continue
            joined_by_and = fold(ctx.text[max(0, mention.lead_start - 4):mention.lead_start]) \
                .strip() == "và"
            if joined_by_and and mention.posts:
                continue
            mention.posts.insert(0, post)


def _places(s: DocState) -> None:
    s.places = find_localities(s.ctx)
    s.loc_ids, s.locality_records = localities(s.places)


def _main_places(s: DocState) -> None:
    """The most mentioned place of each type: what 'UBND tỉnh' means in this article; else
    the one province or district its places lie in (extract.unit_places)."""
    best: dict[str, Place] = {}
    for p in s.places:
        if p.type and (p.type not in best or len(p.spans) > len(best[p.type].spans)):
            best[p.type] = p
    s.main = {**implied_places(s.locality_records), **best}


def _units(s: DocState) -> None:
    s.units = find_units(s.ctx)


def _decrees(s: DocState) -> None:
    s.found_decrees = find_decrees(s.ctx)
    s.decrees = [decree_record(d) for d in s.found_decrees]


def _meetings(s: DocState) -> None:
    # a law's or decree's year is when it was issued and dates no meeting; an unnumbered
    # plan's ('kế hoạch huấn luyện năm 2025') is the period the meeting plans for
    s.meetings = find_meetings(s.ctx, [(d.spans[0][0], d.spans[0][0] + len(d.surface))
                                       for d in s.found_decrees
                                       if d.number or fold(d.kind) != fold("Kế hoạch")])


def _persons(s: DocState) -> None:
    s.builder = RecordBuilder(s.main, s.loc_ids)
    s.persons = s.builder.persons(s.ctx, s.mentions, s.units)


def _authors(s: DocState) -> None:
    add_authors(s.ctx, s.persons)


def _tenure(s: DocState) -> None:
    add_tenures(s.ctx, s.mentions, s.persons, s.builder)


def _rank_events(s: DocState) -> None:
    add_rank_events(s.ctx, s.mentions, s.persons)


def _unit_records(s: DocState) -> None:
    for u in s.units:
        s.builder.unit(u)
    s.unit_ids, s.unit_records = s.builder.unit_ids, s.builder.unit_records


def _roles(s: DocState) -> None:
    s.roles = find_roles(s.ctx, s.mentions)


def _placeholder_meeting(s: DocState) -> None:
    """Roles in an article that names no gathering are roles at the article's event."""
    if s.roles and not s.meetings:
        s.meetings = [Meeting(s.doc.title or "(sự kiện trong bài)", 0, 0,
                              stamp_month(s.published), None, None, (0, 0))]


def _meeting_records(s: DocState) -> None:
    s.meeting_records = meeting_records(s.ctx, s.doc, s.meetings, s.places, s.loc_ids, s.units,
                                        s.unit_ids, s.decrees)


def _relations(s: DocState) -> None:
    s.relations = relation_records(s.ctx, s.doc, s.roles, s.meetings, s.meeting_records,
                                   s.persons)  # takes the '_authored' marks off the persons


def _record(s: DocState) -> None:
    doc = s.doc
    s.record = {
        "schema": SCHEMA,
        "doc": {"id": doc.id, "sha256": hashlib.sha256(s.text.encode("utf-8")).hexdigest(),
                "path": doc.path, "url": doc.url, "title": doc.title,
                "published": iso_or_none(doc.published), "outlet": doc.outlet},
        "persons": list(s.persons.values()),
        "units": s.unit_records,
        "localities": s.locality_records,
        "decrees": s.decrees,
        "meetings": s.meeting_records,
        "relations": s.relations,
    }


_SPANS = "ctx.person_spans"  # places, units and roles skip what lies inside a person's name

STEPS: list[Step] = [
    Step("context", ("doc",), ("text", "published", "ctx"), _context),
    Step("mentions", ("ctx",), ("mentions", _SPANS), _mentions),
    Step("list headers", ("ctx", "mentions"), ("mentions",), _list_headers),
    Step("places", ("ctx", _SPANS), ("places", "loc_ids", "locality_records"), _places),
    Step("main places", ("places", "locality_records"), ("main",), _main_places),
    Step("units", ("ctx", _SPANS), ("units",), _units),
    Step("decrees", ("ctx",), ("found_decrees", "decrees"), _decrees),
    Step("meetings", ("ctx", "found_decrees"), ("meetings",), _meetings),
    # persons first: the units their posts name come first in the record's unit list
    Step("persons", ("ctx", "mentions", "units", "main", "loc_ids"), ("persons", "builder"),
         _persons),
    Step("authors", ("ctx", "persons"), ("persons",), _authors),
    # positions' tenure and persons' rank promotions; a cue's post is matched by its title
    Step("tenure", ("ctx", "mentions", "persons", "builder"), ("persons",), _tenure),
    Step("rank events", ("ctx", "mentions", "persons"), ("persons",), _rank_events),
    Step("unit records", ("units", "builder"), ("unit_ids", "unit_records"), _unit_records),
    Step("roles", ("ctx", _SPANS, "mentions"), ("roles",), _roles),
    Step("placeholder meeting", ("doc", "published", "roles", "meetings"), ("meetings",),
         _placeholder_meeting),
    Step("meeting records", ("ctx", "doc", "meetings", "places", "loc_ids", "units", "unit_ids",
                             "decrees"), ("meeting_records",), _meeting_records),
    Step("relations", ("ctx", "doc", "roles", "meetings", "meeting_records", "persons"),
         ("relations", "persons"), _relations),
    Step("record", ("doc", "text", "persons", "unit_records", "locality_records", "decrees",
                    "meeting_records", "relations"), ("record",), _record),
]

check_order(STEPS)
