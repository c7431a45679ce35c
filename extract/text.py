"""Vietnamese text normalisation: abbreviations and display forms.

NFC, tone marks, `fold` and every matching key live in `extract.keys` (re-exported here for the
extraction modules); display and evidence keep the original surface.
"""

from __future__ import annotations

import re
from functools import lru_cache

from vnkg.extraction.keys import (  # re-exported: their home is keys
    fold,
    fold_same_length,
    nfc,
    tone,
)

__all__ = ["canonical", "expand_abbreviations", "fold", "fold_same_length", "nfc", "tone"]

_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def expand_abbreviations(s: str) -> str:
    """Expand the genre's abbreviations (UBND, Bộ CHQS, BĐBP, T.Ư ...) keeping the rest as is.

    >>> expand_abbreviations("Chủ tịch UBND huyện")
    'Chủ tịch Ủy ban nhân dân huyện'
    """
    from vnkg.extraction.lexicon import lexicon  # the lexicon module imports this one

    pattern, expansions = lexicon().abbreviations
    out = pattern.sub(lambda m: expansions[m.group(0)], nfc(s))
    return _SPACE.sub(" ", out).strip()


@lru_cache(maxsize=65536)
def canonical(s: str) -> str:
    """Display form of a title or name: NFC, new-style tone marks, abbreviations expanded.

    >>> canonical("Phó Chủ tịch UBND tỉnh")
    'Phó Chủ tịch Ủy ban nhân dân tỉnh'
    """
    return tone(expand_abbreviations(s))
