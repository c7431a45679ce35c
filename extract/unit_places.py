"""Where a unit written without its place lies (spec/gold.md: units are told apart by place).

'Bộ CHQS tỉnh', 'UBND huyện', 'Huyện ủy' mean the article's own province or district. When no
place of that level is written, the article implies one if all its resolved localities lie in
one province (or one district): 'huyện Ngân Sơn' implies tỉnh Bắc Kạn. A local unit whose
place cannot be known is marked `scope: article`, so the graph never merges it with a unit of
the same name in another article (another province).
"""

from __future__ import annotations

import re
from typing import Any

from vnkg.extraction.lexicon import lexicon
from vnkg.extraction.place_names import _gazetteer
from vnkg.extraction.places import Place
from vnkg.extraction.text import fold
from vnkg.extraction.units import Unit

_UPPER_WORDS = sorted({w for t, w in lexicon().locality_written.items()  # province, district
                       if lexicon().locality_levels[t] < 2}, key=len, reverse=True)
_LEVEL_END = re.compile(rf"(?<!\w)({'|'.join(map(re.escape, _UPPER_WORDS))})\s*$", re.IGNORECASE)
_COMMITTEE_TYPE = lexicon().committee_levels  # 'thành' ('Thành ủy') -> 'thành phố'
_COMMITTEE_END = re.compile(rf"(?<!\w)({'|'.join(map(re.escape, _COMMITTEE_TYPE))}) (?:ủy|uỷ)\s*$",
                            re.IGNORECASE)
_NUMBERED = re.compile(r"\s(?:\d{1,3}|[IVX]{1,4})$")


def implied_places(records: list[dict[str, Any]]) -> dict[str, Place]:
    """The article's one province and one district, by type ('tỉnh', 'huyện', ...), from the
    gazetteer codes of its locality records; none when they lie in several."""
    provinces: dict[str, Any] = {}
    districts: dict[str, Any] = {}
    for r in records:
        p = _gazetteer.place(r["code"], r.get("structure") or "2024") if r.get("code") else None
        if p is None:
            continue
        prov = _gazetteer.place(p.province_code, p.structure)
        if prov is not None:
            provinces.setdefault(fold(prov.name), prov)
        if p.structure == "2024" and p.level >= 1:
            d = p if p.level == 1 else _gazetteer.place(p.parent_code or "", "2024")
            if d is not None:
                districts[d.code] = d
    out: dict[str, Place] = {}
    for group in (provinces, districts):
        if len(group) == 1:
            g = next(iter(group.values()))
            kind = lexicon().locality_written.get(g.type, g.type)  # a city of either level
            if kind in out:
                del out[kind]  # a city and a province-level city: 'thành phố' is ambiguous
                continue
            out[kind] = Place(g.name, kind, g.name, [], False, g.code, g.structure)
    return out


def unit_level(name: str) -> str | None:
    """The level a unit name ends on without a place: 'Bộ Chỉ huy quân sự tỉnh' -> 'tỉnh',
    'Huyện ủy' -> 'huyện'."""
    m = _LEVEL_END.search(name)
    if m:
        return m.group(1).lower()
    c = _COMMITTEE_END.search(name)
    return _COMMITTEE_TYPE[c.group(1).lower()] if c else None


def unit_place(u: Unit, name: str, main: dict[str, Place]) -> dict[str, Any]:
    """Extra record fields of a unit with no locality record: the implied place's gazetteer
    code ('place'), or `scope: article` for a local unit whose place is unknown: a bare head
    ('Ban Chỉ đạo', 'Công an') or one ending on a level word ('Bộ CHQS tỉnh')."""
    if u.locality is not None:
        return {}
    level = unit_level(u.name)
    implied = main.get(level) if level else None
    if implied is not None and implied.code and fold(name).endswith(fold(implied.name)):
        return {"place": {"name": implied.name, "type": implied.type, "code": implied.code,
                          "structure": implied.structure}}
    named = u.named and level is None and u.kind != "steering_committee"  # boards are ad hoc
    if u.national or _NUMBERED.search(name) or named:
        return {}  # 'Quân khu 2', 'Ủy ban Quốc phòng và An ninh': known by the name alone
    return {"scope": "article"}
