"""The gazetteer's data: the Place record and the indexes built from `vietnamadminunits`.

The package (MIT) holds the pre-reform structure (63 provinces, districts, communes; called
"2024" here) and the 2025 one (34 provinces, communes, no districts), with official codes
and the old-to-new conversion table. The indexes are built once, lazily, straight from the
package's data files (its own modules load far more than we need).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from vnkg.extraction.gazetteer_keys import (
    _LEVELS,
    _exact_key,
    _loose_key,
    _province_type,
    _short,
    _strip_prefix,
)

STRUCTURES = ("2024", "2025")


@dataclass(frozen=True)
class Place:
    """One administrative unit of one structure ("2024": before 1 July 2025, or "2025").

    >>> from vnkg.extraction.gazetteer import place
    >>> p = place("01")
    >>> (p.name, p.type, p.structure)
    ('Hà Nội', 'thành phố trực thuộc trung ương', '2024')
    """

    code: str
    name: str
    type: str
    structure: str
    parent_code: str | None
    province_code: str
    province_name: str

    @property
    def level(self) -> int:
        """0 province, 1 district (2024 only), 2 commune."""
        return 0 if self.parent_code is None else _LEVELS.get(self.type, 2)


@dataclass
class _Index:
    places: dict[tuple[str, str], Place]
    children: dict[tuple[str, str], list[Place]]
    exact: dict[str, dict[str, list[Place]]]      # structure -> folded name -> places
    loose: dict[str, dict[str, list[Place]]]      # structure -> ascii key -> places
    successors: dict[str, list[Place]]            # 2024 code -> 2025 places
    predecessors: dict[str, list[Place]]          # 2025 code -> 2024 places
    province_links: dict[tuple[str, str], set[tuple[str, str]]]


def _data_dir() -> Path:
    spec = find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("vietnamadminunits is missing: pip install vietnamadminunits")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _rows(table: str, district: str) -> list[sqlite3.Row]:
    """The package's rows, only the columns used (`district` is "" for the 2025 table)."""
    cols = ["province", "provinceCode", "provinceShort", "provinceKey", "provinceKeywords",
            "wardCode", "wardShort", "wardType", "wardKey", "wardKeywords"]
    if district:
        cols += ["districtCode", "districtShort", "districtType", "districtKey",
                 "districtKeywords"]
    uri = f"file:{_data_dir() / 'dataset.db'}?mode=ro"
    with sqlite3.connect(uri, uri=True) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute(f"SELECT {', '.join(cols)} FROM [{table}]").fetchall()


class _Builder:
    """Collects places and their name keys while reading the package's rows."""

    def __init__(self) -> None:
        self.ix = _Index({}, defaultdict(list), {s: defaultdict(list) for s in STRUCTURES},
                         {s: defaultdict(list) for s in STRUCTURES}, {}, {}, defaultdict(set))
        self.by_key: dict[tuple[str, str], Place] = {}  # (structure, package key path) -> place

    def add(self, p: Place, pkg_key: str, keywords: str | None) -> None:
        self.ix.places[(p.structure, p.code)] = p
        self.by_key[(p.structure, pkg_key)] = p
        if p.parent_code is not None:
            self.ix.children[(p.structure, p.parent_code)].append(p)
        exact = {_exact_key(p.name), _exact_key(_strip_prefix(p.name)[0])}  # "Quận 1": "1"
        for key in exact:
            self.ix.exact[p.structure][key].append(p)
        loose = {_loose_key(p.name)} | {_loose_key(k) for k in json.loads(keywords or "[]")}
        for key in loose:
            self.ix.loose[p.structure][key].append(p)

    def province(self, s: str, r: sqlite3.Row) -> Place:
        found = self.ix.places.get((s, r["provinceCode"]))
        if found is None:
            found = Place(r["provinceCode"], r["provinceShort"], _province_type(r["province"]),
                          s, None, r["provinceCode"], r["provinceShort"])
            self.add(found, r["provinceKey"], r["provinceKeywords"])
        return found


def _load_units(b: _Builder) -> None:
    for r in _rows("admin_units_legacy", "district"):
        prov = b.province("2024", r)
        if ("2024", r["districtCode"]) not in b.ix.places:
            dist = Place(r["districtCode"], _short(r["districtShort"]), r["districtType"].lower(),
                         "2024", prov.code, prov.code, prov.name)
            b.add(dist, f"{r['provinceKey']}_{r['districtKey']}", r["districtKeywords"])
        if r["wardCode"]:
            ward = Place(r["wardCode"], _short(r["wardShort"]), r["wardType"].lower(), "2024",
                         r["districtCode"], prov.code, prov.name)
            key = f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey']}"
            b.add(ward, key, r["wardKeywords"])
    for r in _rows("admin_units", ""):
        prov = b.province("2025", r)
        ward = Place(r["wardCode"], r["wardShort"], r["wardType"].lower(), "2025",
                     prov.code, prov.code, prov.name)
        b.add(ward, f"{r['provinceKey']}_{r['wardKey']}", r["wardKeywords"])


def _load_conversion(b: _Builder) -> None:
    data = json.loads((_data_dir() / "converter_2025.json").read_text(encoding="utf-8"))
    links: dict[str, list[Place]] = defaultdict(list)

    def link(old_key: str, new: Place) -> None:
        old = b.by_key[("2024", old_key.rstrip("_"))]
        if new not in links[old.code]:
            links[old.code].append(new)

    for new_prov, olds in data["DICT_PROVINCE"].items():
        for old_prov in olds:
            link(old_prov, b.by_key[("2025", new_prov)])
    for new_prov, wards in data["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, olds in wards.items():
            for old in olds:
                link(old, b.by_key[("2025", f"{new_prov}_{new_ward}")])
    for new_prov, divided in data["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, options in divided.items():
            for opt in sorted(options, key=lambda o: not o["isDefaultNewWard"]):
                link(old, b.by_key[("2025", f"{new_prov}_{opt['newWardKey']}")])
    _finish_links(b.ix, links)


def _finish_links(ix: _Index, links: dict[str, list[Place]]) -> None:
    """Districts became what their communes became; index both directions."""
    for p in ix.places.values():
        if p.structure == "2024" and p.level == 2:
            district = links[p.parent_code or ""]
            seen = set(district)
            district.extend(n for n in links[p.code] if n not in seen)
    for code, news in links.items():
        old = ix.places[("2024", code)]
        ix.successors[code] = news
        for new in news:
            ix.predecessors.setdefault(new.code, []).append(old)
            if old.level == 0:
                ix.province_links[("2024", old.code)].add(("2025", new.code))
                ix.province_links[("2025", new.code)].add(("2024", old.code))


@cache
def coordinates() -> dict[tuple[str, str], tuple[float, float]]:
    """(latitude, longitude) of each unit by (structure, code), as the package gives them (a
    point inside the unit, from geocoding); a unit the package gives none lacks an entry.
    Read on first use only: the map of the explorer's decree page needs them, not the build.
    """
    out: dict[tuple[str, str], tuple[float, float]] = {}
    uri = f"file:{_data_dir() / 'dataset.db'}?mode=ro"
    levels = {"admin_units_legacy": ("2024", ("province", "district", "ward")),
              "admin_units": ("2025", ("province", "ward"))}
    with sqlite3.connect(uri, uri=True) as conn:
        for table, (structure, names) in levels.items():
            cols = ", ".join(f"{n}Code, {n}Lat, {n}Lon" for n in names)
            for row in conn.execute(f"SELECT {cols} FROM [{table}]"):
                for i in range(0, len(row), 3):
                    code, lat, lon = row[i:i + 3]
                    if code and lat is not None and lon is not None:
                        out.setdefault((structure, code), (float(lat), float(lon)))
    return out


@cache
def _index() -> _Index:
    b = _Builder()
    _load_units(b)
    _load_conversion(b)
    return b.ix
