"""Units named only as the items of a counted or plural list: 'Ba đồn biên phòng Na Mèo, Tén
Tằn và Pù Nhi phối hợp tuần tra' names three border posts (spec/unseen-text.md, UNI-4).

Only heads that take a proper name (units.tsv tail column 'n' or 'N') open such a list; the
count words are place_cues.tsv's ('ba', 'các', digits).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from vnkg.extraction.context import Ctx
from vnkg.extraction.lexicon import Table, lexicon
from vnkg.extraction.place_names import names_after


@cache
def _count() -> re.Pattern[str]:
    words = lexicon().pattern("place_cues.tsv", "count")
    return re.compile(rf"(?<![\w/.,])(?:\d{{1,3}}|{words})\s+$")


def listed_posts(ctx: Ctx, table: Table) -> Iterator[tuple[str, tuple[int, int]]]:
    """(folded head, span of one item's name) for each item of 'N <head> A, B và C'."""
    for m in ctx.matches(table.regex):
        head = ctx.folded[m.start():m.end()]
        value = table.get(head)
        if value is None or value[2] not in ("n", "N"):
            continue
        if not _count().search(ctx.folded, max(0, m.start() - 12), m.start()):
            continue
        items = names_after(ctx, m.end(), allow_list=True)
        if len(items) < 2:
            continue
        for span in items:
            yield head, span
