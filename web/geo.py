"""The decree page's map: a province's districts as points, with and without a meeting on the
decree, drawn offline as inline SVG from the gazetteer's coordinates.

The store holds no coordinates (the reference graph keeps codes, names and containment), so
the points come from the gazetteer (`vietnamadminunits`: a point inside each unit) by the
locality's id. A meeting held in a commune counts for its district; one held at the
province's level is in no district and is counted apart. A district the data give no point
takes its province's, said so in its tooltip. No tiles, no request: the server draws it.

>>> m = district_map([("locality/2024-06-061", 2)], ["locality/2024-06-063"])
>>> [(p["name"], p["meetings"]) for p in m["points"]]
[('Ba Bể', 2), ('Bạch Thông', 0)]
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from vnkg.extraction.gazetteer import Place, location, place_of_node_id
from vnkg.graph.reference import ancestry

WIDTH, HEIGHT, PAD, LABEL = 640, 420, 24, 110  # LABEL: room for the names on the right


def load() -> None:
    """Read the gazetteer's units and points now (the server does at start, beside the
    search index): else the first decree map after a start pays for it, 0.4 s at 10,000
    articles, over the pages' 300 ms."""
    from vnkg.extraction.gazetteer_data import coordinates

    place_of_node_id("locality/2024-01-001")  # the units' index
    coordinates()


def district_of(locality_id: str) -> Place | None:
    """The district a locality is in (itself for a district), None for a province or an id
    the gazetteer does not know.

    >>> district_of("locality/2024-06-01888").name
    'Ba Bể'
    """
    found = place_of_node_id(locality_id)
    if found is None:
        return None
    return next((p for p in ancestry(found) if p.level == 1), None)


def point_of(p: Place) -> tuple[tuple[float, float] | None, bool]:
    """(latitude, longitude) of a place or, when it has none, of its nearest ancestor that has;
    and whether it is the place's own."""
    for i, around in enumerate(ancestry(p)):
        found = location(around)
        if found is not None:
            return found, i == 0
    return None, False


def district_map(held: Iterable[tuple[str, int]], gaps: Iterable[str]) -> dict[str, Any]:
    """The map of one province: `held` the (locality id, meetings) of the meetings on the
    decree, `gaps` the ids of its districts with none; the points placed in a
    WIDTH x HEIGHT box (north up), with the count of meetings placed in no district."""
    counts: dict[str, tuple[Place, int]] = {}
    unplaced = 0
    for lid, n in held:
        district = district_of(lid)
        if district is None:
            unplaced += n
            continue
        _, before = counts.get(district.code, (district, 0))
        counts[district.code] = (district, before + n)
    for lid in gaps:
        district = district_of(lid)
        if district is not None:
            counts.setdefault(district.code, (district, 0))
    points = []
    for district, n in sorted(counts.values(), key=lambda t: t[0].name):
        where, own = point_of(district)
        if where is not None:
            points.append({"id": f"locality/2024-{district.province_code}-{district.code}",
                           "name": district.name, "meetings": n, "own": own,
                           "lat": where[0], "lon": where[1]})
    return {"points": _placed(points), "width": WIDTH, "height": HEIGHT,
            "unplaced": unplaced, "with": sum(1 for p in points if p["meetings"]),
            "without": sum(1 for p in points if not p["meetings"])}


def _placed(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The points with x, y in the box: longitude scaled by the cosine of the latitude (a
    plain equirectangular view, fine at a province's size), the same scale on both axes."""
    if not points:
        return []
    lats, lons = [p["lat"] for p in points], [p["lon"] for p in points]
    squeeze = math.cos(math.radians(sum(lats) / len(lats)))
    span_x = max((max(lons) - min(lons)) * squeeze, 1e-6)
    span_y = max(max(lats) - min(lats), 1e-6)
    scale = min((WIDTH - PAD - LABEL) / span_x, (HEIGHT - 2 * PAD) / span_y)
    left = PAD + (WIDTH - PAD - LABEL - span_x * scale) / 2
    top = (HEIGHT - span_y * scale) / 2
    return [{**p, "x": round(left + (p["lon"] - min(lons)) * squeeze * scale, 1),
             "y": round(top + (max(lats) - p["lat"]) * scale, 1)} for p in points]
