"""The gazetteer: Vietnamese administrative units before and after 1 July 2025.

Data come from the `vietnamadminunits` package (MIT): the pre-reform structure (63 provinces,
districts, communes; called "2024" here) and the 2025 one (34 provinces, communes, no
districts), with official codes and the old-to-new conversion table.

Names are matched after folding: NFC, lower case, punctuation as spaces, and each syllable's
tone mark moved to the end of the syllable, so "Hoà Bình" and "Hòa Bình", "Thuỷ" and "Thủy"
meet. A match without any diacritics is a last resort, accepted only when unique.

This module is the public face; the work is split by concern:
`gazetteer_keys` (name keys, type words, prefixes and aliases), `gazetteer_data` (the Place
record and the indexes built from the package), `gazetteer_lookup` (by code, by name, across
the reform) and `gazetteer_resolve` (choosing one unit by type and context).
"""

from __future__ import annotations

from vnkg.extraction.gazetteer_data import STRUCTURES, Place
from vnkg.extraction.gazetteer_keys import CITY_TW
from vnkg.extraction.gazetteer_lookup import (
    candidates,
    children,
    iter_places,
    locality_node_id,
    location,
    place,
    place_of_node_id,
    predecessors,
    successors,
)
from vnkg.extraction.gazetteer_resolve import infer_type, resolve_locality
from vnkg.extraction.keys import ascii_key
from vnkg.extraction.keys import tone_key as fold_name

__all__ = [
    "CITY_TW",
    "STRUCTURES",
    "Place",
    "ascii_key",
    "candidates",
    "children",
    "fold_name",
    "infer_type",
    "iter_places",
    "locality_node_id",
    "location",
    "place",
    "place_of_node_id",
    "predecessors",
    "resolve_locality",
    "successors",
]
