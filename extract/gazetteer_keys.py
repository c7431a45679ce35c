"""How the gazetteer reads names and type words: the index keys, the type vocabulary.

Names are matched after folding (`extract.keys`): the exact key is the tone key without
spaces, the loose key the ascii key with y = i. A leading type word ("TP.", "huyện") is the
unit's type (lexicon `gazetteer_prefixes.tsv`); some names are known by another name
(lexicon `gazetteer_aliases.tsv`). This module owns no data of the package.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import cache, lru_cache

from vnkg.extraction.keys import ascii_key
from vnkg.extraction.keys import tone_key as fold_name
from vnkg.extraction.keys import tone_word as _fold_word
from vnkg.extraction.lexicon import lexicon

_LEVELS = lexicon().locality_levels  # type -> 0 province, 1 district, 2 commune
PROVINCE, CITY_TW = lexicon().types_of_level(0)  # a province; a province-level city
CITY_WORD = lexicon().locality_written[CITY_TW]  # a city of either level is written 'thành phố'


def _exact_key(text: str) -> str:
    return fold_name(text).replace(" ", "")  # "Krông Ana" meets "Krông A Na"


def _loose_key(text: str) -> str:
    return ascii_key(text).replace("y", "i")  # "Kì Anh" meets "Kỳ Anh"


@cache
def _prefixes() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First folded word -> [(folded words of the prefix, type)], longest first."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for prefix, kind in lexicon().rows("gazetteer_prefixes.tsv"):
        words = tuple(fold_name(prefix).split())
        out[words[0]].append((words, kind))
    for options in out.values():
        options.sort(key=lambda wk: -len(wk[0]))
    return dict(out)


@cache
def _aliases() -> dict[str, tuple[str, str]]:
    return {fold_name(a): (n, t) for a, n, t in lexicon().rows("gazetteer_aliases.tsv")}


def _short(name: str) -> str:
    """The package marks same-named siblings "Kỳ Anh (Huyện)"; the type already says that."""
    return re.sub(r"\s*\([^)]*\)$", "", name)


def _province_type(full: str) -> str:
    """'Thành phố Hà Nội' is a province-level city, any other province-level name a province."""
    return CITY_TW if full.startswith(CITY_WORD[0].upper() + CITY_WORD[1:]) else PROVINCE


def _strip_prefix(text: str) -> tuple[str, str | None]:
    """("TP. Hồ Chí Minh") -> ("Hồ Chí Minh", "thành phố"): a leading type word is the type."""
    words = [w for w in re.split(r"[\W_]+", unicodedata.normalize("NFC", text)) if w]
    if not words:
        return text, None
    for prefix, kind in _prefixes().get(_fold_word(words[0].lower()), ()):
        n = len(prefix)
        if len(words) > n and tuple(_fold_word(w.lower()) for w in words[:n]) == prefix:
            return " ".join(words[n:]), kind
    return text, None


def _canonical_type(text: str) -> str:
    """A type word as written ("TP", "Thị Xã") as the schema's type; unknown words stay."""
    words = tuple(fold_name(text).split())
    options = _prefixes().get(words[0], []) if words else []
    return next((kind for prefix, kind in options if prefix == words), " ".join(words))


@lru_cache(maxsize=65536)
def _parse(name: str, type: str | None) -> tuple[str, str | None]:
    """The bare official-looking name and the type to match, from a name as written.

    A trailing parenthesis ("huyện Lang Chánh (cũ)") is a remark, not part of the name."""
    kind = _canonical_type(type) if type else None
    name = _short(name) or name
    if fold_name(name) not in _aliases():
        name, prefix_kind = _strip_prefix(name)
        kind = kind or prefix_kind
    if fold_name(name) in _aliases():
        name, alias_kind = _aliases()[fold_name(name)]
        kind = kind or alias_kind
    return name, kind

