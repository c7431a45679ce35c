"""Place names beside person names: 'huyện Lâm Hà', 'tỉnh Đoàn X', 'UBND tỉnh Cao Bằng Phùng A'.

A capitalised run after a level word is usually a place; a place that closes a post can also
be glued to the name that follows it.
"""

from __future__ import annotations

import re

from vnkg.extraction.context import Ctx, Token
from vnkg.extraction.lexicon import lexicon
from vnkg.extraction.places import is_place_name
from vnkg.extraction.text import fold


def drop_place_head(ctx: Ctx, run: list[Token]) -> list[Token]:
    """'UBND tỉnh Cao Bằng Phùng Đức Lượng': a place closing a post, glued to the name after it.

    The head is dropped when it names a place (of the type written before it, if any) and
    what follows is a name of two to four words starting with a family name.
    """
    if len(run) < 4:
        return run
    place_word = after_place_word(ctx, run[0].start) or _committee_level(ctx, run[0].start)
    for k in range(1, len(run) - 1):
        tail = run[k:]
        if len(tail) > 4 or fold(tail[0].text) not in lexicon().surnames:
            continue
        head = ctx.text[run[0].start:run[k - 1].end]
        if (place_word and is_place_name(head, place_word)) or fold(head) in lexicon().provinces:
            return tail
    return run


_COMMITTEE_TYPE = lexicon().committee_levels  # 'thành' ('Thành ủy') -> 'thành phố'
_COMMITTEE = re.compile(rf"(?<!\w)({'|'.join(map(re.escape, _COMMITTEE_TYPE))})\s+ủy\s+$")


def _committee_level(ctx: Ctx, start: int) -> str | None:
    """'Huyện ủy Lâm Hà': the level of a party committee named right before `start`."""
    m = _COMMITTEE.search(ctx.folded, max(0, start - 12), start)
    return _COMMITTEE_TYPE[m.group(1)] if m else None


def inside_unit_name(ctx: Ctx, start: int) -> bool:
    """'tỉnh Đoàn Lai Châu': the capitalised word belongs to a unit name that starts before it."""
    for m in lexicon().units.regex.finditer(ctx.folded, max(0, start - 10), start + 12):
        if m.start() < start < m.end():
            return True
    return False


def after_place_word(ctx: Ctx, start: int) -> str | None:
    """The locality type written right before `start` ('huyện '), if any."""
    m = lexicon().locality_types.regex.search(ctx.folded, max(0, start - 16), start)
    if m is None or ctx.folded[m.end():start].strip() != "":
        return None
    hit = lexicon().locality_types.get(ctx.folded[m.start():m.end()])
    return hit[0] if hit else None
