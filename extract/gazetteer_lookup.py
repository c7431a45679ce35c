"""Gazetteer lookups: a unit by its code, its children, its successors and predecessors
across the 2025 reform, its graph id, and every unit a name may refer to.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from vnkg.extraction.gazetteer_data import STRUCTURES, Place, _index, coordinates
from vnkg.extraction.gazetteer_keys import _LEVELS, CITY_TW, CITY_WORD, _exact_key, _parse


def place(code: str, structure: str = "2024") -> Place | None:
    """The unit with this official code in this structure, or None.

    >>> place("001").name
    'Ba Đình'
    """
    return _index().places.get((structure, code))


def children(code: str, structure: str = "2024") -> list[Place]:
    """The units directly inside `code`: districts of a 2024 province, communes of a district
    or of a 2025 province.

    >>> len(children("01", "2024"))  # Hà Nội's districts
    30
    """
    return list(_index().children.get((structure, code), ()))


def iter_places(structure: str = "2024") -> Iterator[Place]:
    """Every unit of one structure, provinces first, in the package's order.

    >>> sum(1 for p in iter_places("2025") if p.level == 0)
    34
    """
    places = [p for (s, _), p in _index().places.items() if s == structure]
    return iter(sorted(places, key=lambda p: p.level))


def successors(p: Place) -> list[Place]:
    """The 2025 unit(s) a 2024 unit became part of (a district: its communes' new communes;
    a commune split between several: the main one first). Empty for a 2025 unit.

    >>> [q.name for q in successors(place("01"))]
    ['Hà Nội']
    """
    return list(_index().successors.get(p.code, ())) if p.structure == "2024" else []


def predecessors(p: Place) -> list[Place]:
    """The 2024 units that became (part of) a 2025 unit; empty for a 2024 unit."""
    return list(_index().predecessors.get(p.code, ())) if p.structure == "2025" else []


def locality_node_id(p: Place) -> str:
    """The graph id of a place: structure, province code, and the unit's own code.

    >>> locality_node_id(place("001"))
    'locality/2024-01-001'
    """
    if p.level == 0:
        return f"locality/{p.structure}-{p.code}"
    return f"locality/{p.structure}-{p.province_code}-{p.code}"


def place_of_node_id(node_id: str) -> Place | None:
    """The place a graph id names (the inverse of locality_node_id), or None.

    >>> place_of_node_id("locality/2024-01-001").name
    'Ba Đình'
    """
    structure, _, codes = node_id.removeprefix("locality/").partition("-")
    return place(codes.rsplit("-", 1)[-1], structure) if structure in STRUCTURES else None


def location(p: Place) -> tuple[float, float] | None:
    """(latitude, longitude) of a unit (a point inside it), or None when the data have none.

    >>> [round(x) for x in location(place("001"))]
    [21, 106]
    """
    return coordinates().get((p.structure, p.code))


def candidates(name: str, type: str | None = None) -> list[Place]:
    """Every unit a name may refer to, in either structure, before any choice by context.

    >>> [(p.type, p.structure) for p in candidates("Hải Dương")][:2]
    [('tỉnh', '2024'), ('thành phố', '2024')]
    """
    return list(_candidates(name, type))


@lru_cache(maxsize=65536)
def _candidates(name: str, type: str | None) -> tuple[Place, ...]:
    """`candidates`, cached: the index never changes."""
    bare, kind = _parse(name, type)
    ix = _index()
    return tuple(p for s in STRUCTURES
                 for p in _filter(ix.exact[s].get(_exact_key(bare), []), kind))


def _type_ok(p: Place, kind: str, strict: bool) -> bool:
    if strict:
        return p.type == kind or (kind == CITY_WORD and p.type == CITY_TW)
    level = _LEVELS.get(kind)
    return level is not None and (p.level == level or (kind == CITY_WORD and p.level == 0))


def _filter(cands: list[Place], kind: str | None) -> list[Place]:
    if kind is None:
        return cands
    strict = [c for c in cands if _type_ok(c, kind, True)]
    return strict or [c for c in cands if _type_ok(c, kind, False)]

