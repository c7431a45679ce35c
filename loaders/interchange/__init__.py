"""The graph as the interchange formats see it (Popolo, FollowTheMoney), read from any store.

The rows come from queries kept as data beside this module, one `NAME.rq` and one
`NAME.cypher` per kind of object, with the header of the named queries (columns, lists), run
through `Store.select`. So the exports read the embedded Oxigraph store, a SPARQL server and
Neo4j alike, one query at a time, without loading the graph into memory as RDF. Node
properties are read as the named queries read them (SPARQL: the smallest value in the union;
Neo4j: the merged value, also the smallest), so both stores give the same rows.

A tenure's stated bounds (the contract between extraction and graph: `start`,
`start_precision`, `start_cue`, `start_surface`, `start_source`, the same for `end`, and
`status`, on the HOLDS relation) are read whatever their RDF predicate: the `tenures` query
gives every literal on a HOLDS statement, and its predicate is named back by the schema.

>>> from vnkg.loaders.store import open_store
>>> with open_store(None) as store:
...     read_rows(store, "persons")
[]
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from rdflib import URIRef

from vnkg.graph.tenure import BOUND_PROPS, merge_bounds
from vnkg.graph.vocab import PROPERTY_OF_PREDICATE, VNKG
from vnkg.queries import order_rows, read_query

Row = dict[str, Any]
QUERIES = ("persons", "units", "posts", "localities", "meetings", "participations",
           "memberships", "tenures", "articles")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$")
PRECISION = {1: "year", 2: "month", 3: "day"}


def read_rows(store: Any, name: str) -> list[Row]:
    """The rows of export query `name` (one of QUERIES) on `store`, in its language, keyed
    by the declared columns, list columns as sorted lists, in a stable order."""
    if name not in QUERIES:
        raise KeyError(f"no export query {name!r}; known: {', '.join(QUERIES)}")
    query = read_query(name, store.language, package=__name__)
    rows = store.select(query.text, {})
    if name == "tenures":  # SPARQL gives the predicate and one row per value; Neo4j the
        # property's name and its value, a list for a list
        rows = [{**row, "name": _property_name(str(row["name"])), "value": value}
                for row in rows for value in _values(row["value"])]
    return order_rows(rows, query.columns, query.lists)


def iso_date(value: Any) -> tuple[str, str] | None:
    """A date as (ISO at its precision, precision), or None when it is not one; a time of
    day is dropped, and no day or month is ever added.

    >>> iso_date("2023-03"), iso_date("2024-05-31T08:10:00+07:00"), iso_date("31/2/2023")
    (('2023-03', 'month'), ('2024-05-31', 'day'), None)
    >>> iso_date("2023-02-31"), iso_date("2023-13"), iso_date("2025")
    (None, None, ('2025', 'year'))
    """
    m = _ISO.match(str(value or "").strip())
    if not m:
        return None
    parts = [p for p in m.groups() if p]
    try:  # a month or a day that cannot exist is no date
        datetime.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
             int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        return None
    return "-".join(parts), PRECISION[len(parts)]


@dataclass
class Bound:
    """One end of a tenure: the date at its precision, whether the text `stated` it or it
    is the article date it was `observed` at, and for a stated one its cue, words, source."""

    date: str | None
    precision: str | None
    basis: str  # "stated" or "observed"
    cue: str | None = None
    surface: str | None = None
    source: str | None = None


@dataclass
class Membership:
    """A person's post (and its unit) with both bounds, the status and the articles."""

    person: str
    post: str
    unit: str | None
    start: Bound
    end: Bound
    first_seen: str | None
    last_seen: str | None
    status: str | None
    sources: list[str] = field(default_factory=list)


def memberships(store: Any) -> Iterator[Membership]:
    """Every HOLDS relation as a Membership: stated bounds where the relation has a stated
    date, else the observed first and last article dates, each marked which."""
    stated = _tenures(store)
    for row in read_rows(store, "memberships"):
        props = stated.get((row["person"], row["post"]), {})
        yield Membership(row["person"], row["post"], row["unit"],
                         _bound(props, "start", row["first_seen"]),
                         _bound(props, "end", row["last_seen"]),
                         row["first_seen"], row["last_seen"], props.get("status"),
                         row["sources"])


def _bound(props: dict[str, Any], end: str, seen: str | None) -> Bound:
    words = {k: props.get(f"{end}_{k}") for k in ("cue", "surface", "source")}
    source = words["source"]
    if source and not str(source).startswith("article/"):
        words["source"] = f"article/{source}"
    date = iso_date(props.get(end))
    if date:
        return Bound(date[0], date[1], "stated", **words)
    observed = iso_date(seen)
    return Bound(observed[0] if observed else None, observed[1] if observed else None,
                 "observed", **words)


def _tenures(store: Any) -> dict[tuple[str, str], dict[str, Any]]:
    """(person, post) -> the contract's properties on HOLDS. Each `claim` (in RDF an
    article's statement; in Neo4j the relationship, already merged) is one set of bounds;
    the claims merge by graph.tenure's rule, a bound taken whole, so every store gives the
    bounds the Neo4j loader keeps. Of the statuses, the smallest."""
    claims: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in read_rows(store, "tenures"):
        name = row["name"]
        if name in BOUND_PROPS or name == "status":
            props = claims.setdefault((row["person"], row["post"], str(row["claim"])), {})
            value = str(row["value"])
            if name not in props or value < props[name]:
                props[name] = value
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for (person, post, _), props in sorted(claims.items()):
        merged = out.setdefault((person, post), {})
        merge_bounds(merged, props)
        if "status" in props and props["status"] < merged.get("status", "\U0010ffff"):
            merged["status"] = props["status"]
    return out


def _values(value: Any) -> list[Any]:
    """A property's values: a list's items, else the value (None: none)."""
    if isinstance(value, list | tuple):
        return [v for v in value if v is not None]
    return [] if value is None else [value]


def _property_name(name: str) -> str:
    """A property's name from its RDF predicate (Neo4j gives the name itself)."""
    if "://" not in name:
        return name
    known = PROPERTY_OF_PREDICATE.get(URIRef(name))
    return known or (name[len(str(VNKG)):] if name.startswith(str(VNKG)) else name)
