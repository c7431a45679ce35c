"""Gazetteer resolution: the one unit a name as written in news refers to, chosen by type,
by the places already resolved in the article, and by structure (2024 or 2025).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from vnkg.extraction.gazetteer_data import STRUCTURES, Place, _index
from vnkg.extraction.gazetteer_keys import _exact_key, _loose_key, _parse
from vnkg.extraction.gazetteer_lookup import _filter, place


def _ancestors(p: Place) -> list[Place]:
    out: list[Place] = []
    while p.parent_code is not None:
        parent = place(p.parent_code, p.structure)
        if parent is None:
            break
        out.append(parent)
        p = parent
    return out


def _score(c: Place, within: Sequence[Place]) -> int:
    """How well a candidate fits the places already resolved in the article: 4 the same
    place, 3 inside a context district (or containing a context place, or its predecessor or
    successor), 2 same province, 1 the province's predecessor or successor, else 0."""
    return max((_fit(c, w) for w in within), default=0)


def _fit(c: Place, w: Place) -> int:
    if (w.structure, w.code) == (c.structure, c.code):
        return 4
    if w.structure == c.structure:
        if (w.level == 1 and w in _ancestors(c)) or (c.level == 1 and c in _ancestors(w)):
            return 3
        return 2 if w.province_code == c.province_code else 0
    old, new = (c, w) if c.structure == "2024" else (w, c)
    if new in _index().successors.get(old.code, ()):
        return 3
    links = _index().province_links.get((c.structure, c.province_code), ())
    return 1 if (w.structure, w.province_code) in links else 0


def _choose(cands: list[Place], within: Sequence[Place], loose: bool) -> tuple[Place | None, int]:
    """The candidate that fits the context best, and its score; None when still ambiguous."""
    scores = [_score(c, within) for c in cands]
    top = max(scores)
    pool = [c for c, s in zip(cands, scores, strict=True) if s == top]
    if len(pool) == 1:
        return pool[0], top
    if loose:
        return None, top
    level = min(c.level for c in pool)
    highest = [c for c in pool if c.level == level]
    return (highest[0] if len(highest) == 1 and level < 2 else None), top


def _order(within: Sequence[Place]) -> tuple[str, ...]:
    if within and all(w.structure == "2025" for w in within):
        return ("2025", "2024")
    return STRUCTURES


def resolve_locality(name: str, type: str | None = None, *,
                     within: Sequence[Place] = ()) -> Place | None:
    """The unit a bare name (as written in news) refers to, or None if unknown or ambiguous.

    `type` narrows the level ("thành phố" is a province-level or a provincial city); a type
    word in the name ("TP.HCM", "huyện Ngân Sơn") counts as one; a type the data do not
    confirm falls back to its level ("thị xã Chí Linh", a city since 2019). `within` lists
    places already resolved in the same article; candidates inside them are preferred. With
    no context, a name shared by a province and smaller units means the province. The 2024
    structure is tried first (2025 first when every context place is 2025), then a match
    without diacritics, only if unique.

    >>> resolve_locality("Hoà Bình").code, resolve_locality("TP.HCM").name
    ('17', 'Hồ Chí Minh')
    >>> resolve_locality("Trí Nang", "xã", within=[resolve_locality("Thanh Hóa")]).code
    '15037'
    """
    return _resolve(name, type, tuple(within))


@lru_cache(maxsize=65536)
def _resolve(name: str, type: str | None, within: tuple[Place, ...]) -> Place | None:
    """`resolve_locality`, cached: the index never changes, and articles name the same
    places again and again."""
    bare, kind = _parse(name, type)
    ix = _index()
    known, found, score = _pick(ix.exact, _exact_key(bare), kind, within, False)
    if kind is None and (found is None or (found.level == 2 and score < 2)):
        provinces = [p for s in _order(within) for p in ix.loose[s].get(_loose_key(bare), [])
                     if p.level == 0]
        if len(provinces) == 1:  # "Đăk Nông" is a commune, but news mean the province
            return provinces[0]
    if known:
        return found
    return _pick(ix.loose, _loose_key(bare), kind, within, True)[1]


def _pick(index: dict[str, dict[str, list[Place]]], key: str, kind: str | None,
          within: Sequence[Place], loose: bool) -> tuple[bool, Place | None, int]:
    """(any candidate at all, the choice, its context score), over both structures: the first
    structure that knows the name decides, unless the context supports a unit only in the
    other one."""
    picks = [_choose(cands, within, loose) for s in _order(within)
             if (cands := _filter(index[s].get(key, []), kind))]
    if not picks:
        return False, None, 0
    best = next(((p, score) for p, score in picks if p and score), picks[0])
    return True, best[0], best[1]


def infer_type(name: str) -> str | None:
    """The most likely type of a bare name: the resolved unit's, else the one type that all
    the units bearing it share.

    >>> infer_type("Hải Dương"), infer_type("Krông Ana")
    ('tỉnh', 'huyện')
    """
    found = resolve_locality(name)
    if found is not None:
        return found.type
    bare, kind = _parse(name, None)
    if kind is not None:
        return kind
    cands = [p for s in STRUCTURES for p in _index().exact[s].get(_exact_key(bare), [])]
    kinds = {p.type for p in cands}
    return kinds.pop() if len(kinds) == 1 else None
