"""The reference graph: every administrative unit of both structures and how they relate.

It is loaded like an article's fragment (article id "reference", no date), so the stores keep
it apart from the news and a re-load replaces it whole. Localities found in articles use the
same ids (`extract.gazetteer.locality_node_id`), so they join these nodes.
"""

from __future__ import annotations

from functools import lru_cache

from vnkg.extraction.gazetteer import (
    STRUCTURES,
    Place,
    iter_places,
    locality_node_id,
    place,
    place_of_node_id,
    successors,
)
from vnkg.extraction.keys import locality_key
from vnkg.graph.model import Edge, Fragment, Node, PropValue

REFERENCE_ARTICLE = "reference"
REFORM_DATE = "2025-07-01"


def locality_node(p: Place) -> Node:
    """The Locality node of a gazetteer place; `key` is the matching key the queries use.

    >>> locality_node(place("01")).props["type"]
    'thành phố trực thuộc trung ương'
    """
    props: dict[str, str | int | float | bool | None | list[str]] = {
        "name": p.name, "type": p.type, "code": p.code, "structure": p.structure,
        "province": p.province_name, "key": locality_key(p.name), **within(p), **map_2025(p),
    }
    return Node(id=locality_node_id(p), label="Locality", props=props)


def gazetteer_props(node_id: str) -> dict[str, PropValue] | None:
    """The properties the reference graph gives locality `node_id` (a copy), or None when
    the id is not a gazetteer unit's.

    >>> gazetteer_props("locality/2024-01")["name"], gazetteer_props("locality/xa-abc")
    ('Hà Nội', None)
    """
    props = _gazetteer_props(node_id)
    if props is None:
        return None
    return {k: list(v) if isinstance(v, list) else v for k, v in props.items()}


@lru_cache(maxsize=1 << 15)
def _gazetteer_props(node_id: str) -> dict[str, PropValue] | None:
    if not node_id.startswith("locality/"):
        return None
    p = place_of_node_id(node_id)
    if p is None or locality_node_id(p) != node_id:
        return None
    return locality_node(p).props


def described(node: Node) -> bool:
    """Whether the reference graph describes `node` as it is: a gazetteer locality with the
    gazetteer's own properties, which an article's graph in a store holding the gazetteer
    need only name (its type and id), not describe again.

    >>> described(locality_node(place("01"))), described(Node("locality/2024-01", "Locality"))
    (True, False)
    """
    return node.label == "Locality" and _gazetteer_props(node.id) == node.props


def map_2025(p: Place) -> dict[str, str | int | float | bool | None | list[str]]:
    """`in_2025`, `within_2025` and `within_keys_2025` of a place: the id of the unit it is
    reported under on the 2025 map (on_2025_map), and that unit's `within` lists."""
    new = on_2025_map(p)
    ids, keys = around(new)
    return {"in_2025": locality_node_id(new), "within_2025": sorted(ids),
            "within_keys_2025": sorted(keys)}


def on_2025_map(p: Place) -> Place:
    """The 2025 unit a place is reported under on the 2025 map (the `map=2025` of the
    queries): itself for a 2025 unit; the unit it became when one (a province, a commune: the
    main one of a split); for a district (abolished on 1 July 2025, its communes in several
    new ones) the province they are in.

    >>> on_2025_map(place("061")).name, on_2025_map(place("01888")).name
    ('Thái Nguyên', 'Chợ Rã')
    """
    after = successors(p)
    if not after:
        return p
    if len(after) == 1 or p.level != 1:
        return after[0]
    return place(after[0].province_code, "2025") or after[0]


def ancestry(p: Place) -> list[Place]:
    """The place and the units containing it, innermost first (commune, district, province).

    >>> [a.name for a in ancestry(place("001"))]
    ['Ba Đình', 'Hà Nội']
    """
    chain = [p]
    while chain[-1].parent_code and len(chain) < 5:
        parent = place(chain[-1].parent_code, p.structure)
        if parent is None:
            break
        chain.append(parent)
    return chain


def within(p: Place) -> dict[str, str | int | float | bool | None | list[str]]:
    """`within` (ids) and `within_keys` (matching keys) of a place and every unit around it:
    queries ask "in this province?" with one lookup instead of walking PART_OF paths."""
    ids, keys = around(p)
    return {"within": sorted(ids), "within_keys": sorted(keys)}


def around(p: Place) -> tuple[set[str], set[str]]:
    """The ids and the matching keys of a place and of the units containing it."""
    chain = ancestry(p)
    return {locality_node_id(a) for a in chain}, {locality_key(a.name) for a in chain}


def _part_of(p: Place) -> Edge | None:
    parent = place(p.parent_code, p.structure) if p.parent_code else None
    if parent is None:
        return None
    return Edge("PART_OF", locality_node_id(p), locality_node_id(parent))


def _became(p: Place) -> list[Edge]:
    return [Edge("BECAME", locality_node_id(p), locality_node_id(new),
                 {"effective": REFORM_DATE}) for new in successors(p)]


def reference_fragment() -> Fragment:
    """Every Locality of the 2024 and 2025 structures, `PART_OF` edges child → parent within
    each, and `BECAME` edges (effective 2025-07-01) from each 2024 unit to its successor(s).

    >>> frag = reference_fragment()
    >>> frag.nodes["locality/2024-01"].props["name"], frag.article
    ('Hà Nội', 'reference')
    """
    frag = Fragment(REFERENCE_ARTICLE, None)
    for structure in STRUCTURES:
        for p in iter_places(structure):
            frag.add_node(locality_node(p))
            edge = _part_of(p)
            if edge is not None:
                frag.add_edge(edge)
            for became in _became(p):
                frag.add_edge(became)
    return frag


def reference_version() -> str:
    """What identifies the reference data: the gazetteer package's version and this
    module's own text, so a store rebuilds it only when either changes."""
    import hashlib
    from importlib.metadata import version
    from pathlib import Path

    own = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    return f"vietnamadminunits-{version('vietnamadminunits')}-{own}"
