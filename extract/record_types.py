"""The extraction record as types: TypedDicts mirroring `spec/record.schema.json`, and the
check that a record read from outside (`vnkg load`) has the shape the resolver relies on.

The check walks these types, so the types are the one statement of the shape; it reports
each bad field with its path (`persons[2].positions`) and what the field should be. Extra
properties are allowed everywhere, as in the schema.
"""

from __future__ import annotations

import re
import types
from functools import cache
from typing import (
    Annotated,
    Any,
    Literal,
    NotRequired,
    Required,
    TypedDict,
    Union,
    get_args,
    get_origin,
    get_type_hints,
    is_typeddict,
)

SCHEMA = "vnkg.record/1"
_DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
_RELATION = re.compile(r"^[A-Z][A-Z_]*$")

IsoDate = Annotated[str, _DATE]  # YYYY-MM-DD, YYYY-MM or YYYY
Offset = Annotated[int, "not negative"]
LocalityType = Literal["tỉnh", "thành phố trực thuộc trung ương", "huyện", "quận", "thị xã",
                       "thành phố", "xã", "phường", "thị trấn", "đặc khu", "other"]


class Span(TypedDict):
    """Character offsets into the NFC text, end exclusive (with the text, on evidence)."""

    start: Offset
    end: Offset
    text: NotRequired[str]


class ImpliedPlace(TypedDict):
    """A gazetteer place the article implies for a unit or meeting that names none."""

    name: str
    type: LocalityType
    code: str
    structure: str


class Doc(TypedDict):
    id: str
    sha256: str
    path: NotRequired[str | None]
    url: NotRequired[str | None]
    title: NotRequired[str | None]
    published: NotRequired[IsoDate | None]
    outlet: NotRequired[str | None]


Precision = Literal["day", "month", "year"]


class Bound(TypedDict):
    """A tenure's start or end as the text states it (TENURE_CONTRACT.md): the date at the
    precision written (never an invented day), or None with the `problem` of the date written."""

    date: IsoDate | None
    precision: Precision | None
    surface: str
    cue: Literal["appointed", "elected", "new", "term", "acting", "former", "left", "retired",
                 "transferred"]
    evidence: Span
    problem: str | None


class Tenure(TypedDict):
    status: Literal["current", "new", "acting", "former"] | None
    start: Bound | None
    end: Bound | None


class Position(TypedDict):
    title: str
    surface: str
    role: NotRequired[str | None]
    unit: NotRequired[str | None]
    tenure: NotRequired[Tenure | None]  # extraction writes it only for a post with a cue


class RankEvent(TypedDict):
    """A promotion to `rank` ('được thăng quân hàm Đại tá từ tháng 5/2024')."""

    rank: str
    date: IsoDate | None
    precision: Precision | None
    surface: str
    cue: Literal["promoted"]
    evidence: Span
    problem: str | None


class Person(TypedDict):
    id: str
    name: str
    rank: str | None
    honorific: NotRequired[str | None]
    positions: list[Position]
    mentions: list[Span]
    rank_events: NotRequired[list[RankEvent]]  # only when the text states a promotion


class Unit(TypedDict):
    id: str
    name: str
    surface: str
    kind: NotRequired[str | None]
    locality: NotRequired[str | None]
    place: NotRequired[ImpliedPlace]
    scope: NotRequired[Literal["article"]]
    mentions: list[Span]


class Locality(TypedDict):
    id: str
    name: str
    type: LocalityType | None
    surface: str
    code: NotRequired[str | None]
    parent: NotRequired[str | None]
    mentions: list[Span]


class Decree(TypedDict):
    id: str
    kind: str
    number: str | None
    date: NotRequired[IsoDate | None]
    issuer: NotRequired[str | None]
    title: NotRequired[str | None]
    surface: str
    mentions: list[Span]


class Meeting(TypedDict):
    id: str
    title: str
    kind: NotRequired[str | None]
    date: IsoDate | None
    date_surface: NotRequired[str | None]
    locality: NotRequired[str | None]
    place: NotRequired[ImpliedPlace]
    organizer: NotRequired[str | None]
    decrees: NotRequired[list[str]]
    mentions: list[Span]


class Relation(TypedDict):
    type: Annotated[str, _RELATION]
    source: str
    target: str
    qualifier: NotRequired[str | None]
    confidence: NotRequired[float]
    evidence: Span


class Record(TypedDict):
    """What one document says (one JSON Lines row of `vnkg extract`)."""

    schema: Literal["vnkg.record/1"]
    doc: Doc
    persons: list[Person]
    units: list[Unit]
    localities: list[Locality]
    decrees: list[Decree]
    meetings: list[Meeting]
    relations: list[Relation]


def record_problems(value: Any) -> list[tuple[str, str]]:
    """What is wrong with a record read from outside: (field path, what it should be).

    >>> record_problems({"schema": SCHEMA, "doc": {"id": "a", "sha256": ""}, "persons": [],
    ...                  "units": [], "localities": [], "decrees": [], "relations": []})
    [('meetings', 'is missing: give a list of meetings ([] if none)')]
    """
    out: list[tuple[str, str]] = []
    _check(value, Record, "", out)
    return out


def _check(value: Any, tp: Any, path: str, out: list[tuple[str, str]]) -> None:
    origin = get_origin(tp)
    if is_typeddict(tp):
        _check_dict(value, tp, path, out)
    elif origin is list:
        if not isinstance(value, list):
            out.append((path, f"is {_kind(value)}: give a list{_of(tp)}"))
            return
        for i, item in enumerate(value):
            _check(item, get_args(tp)[0], f"{path}[{i}]", out)
    elif origin in (Union, types.UnionType):
        objects = [o for o in get_args(tp) if is_typeddict(o)]
        if isinstance(value, dict) and len(objects) == 1:  # 'Bound | None': say which field
            _check_dict(value, objects[0], path, out)
        elif not any(_fits(value, option) for option in get_args(tp)):
            out.append((path, f"is {_kind(value)}: give {_describe(tp)}"))
    elif not _fits(value, tp):
        out.append((path, f"is {_kind(value)}: give {_describe(tp)}"))


def _check_dict(value: Any, tp: Any, path: str, out: list[tuple[str, str]]) -> None:
    if not isinstance(value, dict):
        out.append((path or "the record", f"is {_kind(value)}: give an object"))
        return
    for key, sub, required in _fields(tp):
        where = f"{path}.{key}" if path else key
        if key in value:
            _check(value[key], sub, where, out)
        elif required:
            out.append((where, f"is missing: give {_describe(sub)}"))


@cache
def _fields(tp: Any) -> tuple[tuple[str, Any, bool], ...]:
    """A TypedDict's fields: name, type (NotRequired unwrapped), whether required."""
    out = []
    for key, sub in get_type_hints(tp, include_extras=True).items():
        required = get_origin(sub) is not NotRequired  # (postponed annotations: the class's
        # own __required_keys__ counts every key)
        if get_origin(sub) in (NotRequired, Required):
            sub = get_args(sub)[0]
        out.append((key, sub, required))
    return tuple(out)


def _fits(value: Any, tp: Any) -> bool:
    """Whether a scalar (or a nested value, checked whole) has type `tp`."""
    if tp is type(None):
        return value is None
    if get_origin(tp) is Annotated:
        base, rule = get_args(tp)
        if not _fits(value, base):
            return False
        return value >= 0 if rule == "not negative" else bool(rule.match(value))
    if get_origin(tp) is Literal:
        return value in get_args(tp)
    if tp is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if tp is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if tp is str:
        return isinstance(value, str)
    if is_typeddict(tp) or get_origin(tp) is list:
        problems: list[tuple[str, str]] = []
        _check(value, tp, "", problems)
        return not problems
    return isinstance(tp, type) and isinstance(value, tp)


def _describe(tp: Any) -> str:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        return " or ".join(_describe(t) for t in get_args(tp))
    if origin is list:
        return f"a list{_of(tp)}"
    if origin is Annotated:
        base, rule = get_args(tp)
        if rule is _DATE:
            return "a date (YYYY-MM-DD, YYYY-MM or YYYY)"
        return "an upper-case relation type (CHAIRED)" if rule is _RELATION else \
            "a whole number of 0 or more"
    if origin is Literal:
        return "one of " + ", ".join(repr(a) for a in get_args(tp))
    names = {str: "a string", int: "a whole number", float: "a number", type(None): "null"}
    if tp in names:
        return names[tp]
    return f"an object ({tp.__name__})" if is_typeddict(tp) else str(tp)


def _of(tp: Any) -> str:
    item = get_args(tp)[0]
    plural = {Person: "persons", Unit: "units", Locality: "localities", Decree: "decrees",
              Meeting: "meetings", Relation: "relations", Span: "spans", Position: "positions",
              RankEvent: "rank events", str: "ids"}.get(item)
    return f" of {plural} ([] if none)" if plural else ""


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, str | int | float):
        text = repr(value)
        return text if len(text) <= 40 else text[:37] + "…"
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false",
             int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)
