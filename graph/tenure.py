"""Tenures: the stated bounds of a HOLDS or HAS_RANK relation, and how articles' bounds merge.

A record's `positions[j].tenure` and `persons[i].rank_events` (the tenure contract) become
properties of the relation, kept apart from the observed `first_seen` / `last_seen`:

- a start *bundle* `start`, `start_precision`, `start_cue`, `start_surface`, `start_source`,
  `start_by`, `start_problem`; an end bundle likewise; and `status` (a list: the statuses
  the articles give).
- `start` / `end` are ISO dates at the precision the text gives ("2023", "2023-03",
  "2023-03-15"), never a day the text does not give.
- A bound stated without a date ("tân Chủ tịch", "nguyên Chủ tịch", "thôi giữ chức") has
  `start` / `end` null and `start_by` / `end_by` = the article's date: the start was no later
  than that date; the tenure had ended by it.
- A bound whose written date cannot exist ("31/2/2024", "tháng 13") is never a date: its
  `_problem` says why, its surface is kept, and `vnkg check` lists it.

When articles state different bounds of one tenure the rule is deterministic: a dated bound
beats an undated one; the earliest stated start and the latest stated end win (ISO strings
compared as strings); between undated bounds the earliest `_by` date wins; ties go to the
smaller source id. A bundle is taken whole, so its cue, surface and source are the winner's.
"""

from __future__ import annotations

from typing import Any

Props = dict[str, Any]
SIDES = ("start", "end")
FIELDS = ("", "_precision", "_cue", "_surface", "_source", "_by", "_problem")
BUNDLES: dict[str, tuple[str, ...]] = {side: tuple(side + f for f in FIELDS) for side in SIDES}
BOUND_PROPS = frozenset(BUNDLES["start"] + BUNDLES["end"])


def tenure_props(tenure: Props | None, source: str, article_date: str | None) -> Props:
    """The relation properties of one record's `tenure` (or rank event), stated by article
    node `source` dated `article_date`.

    >>> tenure_props({"status": "new", "start": {"date": None, "surface": "tân Chủ tịch",
    ...               "cue": "new"}}, "article/a1", "2024-05-02")["start_by"]
    '2024-05-02'
    """
    if not tenure:
        return {}
    props: Props = {}
    if tenure.get("status"):
        props["status"] = [tenure["status"]]
    for side in SIDES:
        bound = tenure.get(side)
        if bound:
            props |= bound_props(side, bound, source, article_date)
    return props


def bound_props(side: str, bound: Props, source: str, article_date: str | None) -> Props:
    """One stated bound as its bundle of properties (every key, None where unknown).

    >>> bound_props("end", {"date": "2025", "precision": "year", "cue": "term",
    ...                     "surface": "nhiệm kỳ 2020–2025"}, "article/a1", None)["end"]
    '2025'
    """
    date = bound.get("date") if not bound.get("problem") else None
    return {side: date, f"{side}_precision": bound.get("precision") if date else None,
            f"{side}_cue": bound.get("cue"), f"{side}_surface": bound.get("surface"),
            f"{side}_source": source, f"{side}_by": None if date else article_date,
            f"{side}_problem": bound.get("problem") or None}


def bundle(props: Props, side: str) -> Props | None:
    """The bundle of `side` in `props` (every key), or None when it states nothing."""
    if not props.get(f"{side}_source"):
        return None
    return {k: props.get(k) for k in BUNDLES[side]}


def better(side: str, new: Props, old: Props | None) -> bool:
    """Whether bundle `new` replaces bundle `old` under the rule of this module.

    >>> better("end", {"end": "2025", "end_source": "b"}, {"end": "2024-06", "end_source": "a"})
    True
    """
    if old is None:
        return True
    date, by, src = new.get(side), new.get(f"{side}_by") or "", new.get(f"{side}_source") or ""
    odate, oby = old.get(side), old.get(f"{side}_by") or ""
    osrc = old.get(f"{side}_source") or ""
    if bool(date) != bool(odate):
        return bool(date)
    if not date:
        return (by, src) < (oby, osrc)
    if side == "start":
        return (date, src) < (odate, osrc)
    return date > odate or (date == odate and src < osrc)


def merge_bounds(old: Props, new: Props) -> None:
    """Merge the bundles of `new` into the props `old` (in place), bundle by bundle."""
    for side in SIDES:
        candidate = bundle(new, side)
        if candidate is not None and better(side, candidate, bundle(old, side)):
            old.update(candidate)
    for key in BOUND_PROPS:
        if old.get(key) is None:
            old.pop(key, None)
