"""Rank promotions (TENURE_CONTRACT.md, `persons[i].rank_events`): 'Thượng tá A được thăng
quân hàm Đại tá từ tháng 5/2024', 'A nhận quyết định thăng quân hàm Đại tá', 'thăng cấp bậc
quân hàm từ Trung tá lên Thượng tá', 'trao quyết định phong hàm Thiếu tướng cho Đại tá B'.

The promoted person is the subject before the cue (extract.tenure_events.subject_of), the
one named right after the rank, or the one after 'cho'. The rank reached is the one after
'lên', else the first after the cue; a cue with no rank after it gives no event. The cue
words are the promotion, rank_from, rank_to and rank_lead rows of lexicons/tenure_cues.tsv.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from vnkg.extraction.context import Ctx
from vnkg.extraction.lexicon import bounded, lexicon
from vnkg.extraction.mentions import Mention
from vnkg.extraction.tenure_dates import date_at
from vnkg.extraction.tenure_events import (
    CUES,
    object_at,
    opening_date,
    run_end,
    subject_of,
    words,
)
from vnkg.extraction.text import fold


@cache
def _promotion() -> re.Pattern[str]:
    return bounded(lexicon().phrases(CUES, "promotion"))


@cache
def _rank_after() -> re.Pattern[str]:
    """'(sĩ quan cấp) (từ Trung tá) (lên) Thượng tá' right after a promotion cue."""
    rank = lexicon().pattern("ranks.tsv")
    return re.compile(
        rf"\s*(?:{words('rank_lead').pattern}\s*)?"
        rf"(?:{words('rank_from').pattern}\s+(?:{rank})\s+)?(?:{words('rank_to').pattern}\s+)?"
        rf"(?P<rank>{rank})(?!\w)")


def add_rank_events(ctx: Ctx, mentions: list[Mention],
                    persons: dict[str, dict[str, Any]]) -> None:
    """Append each promotion the text states to its person's `rank_events`.

    >>> from vnkg.extraction.pipeline import run
    >>> from vnkg.extraction.document import Document
    >>> s = run(Document(id="x", text="Thượng tá Lê Văn Tư được thăng quân hàm Đại tá năm 2024."))
    >>> [(e["rank"], e["date"]) for e in s.record["persons"][0]["rank_events"]]
    [('Đại tá', '2024')]
    """
    for cue in ctx.matches(_promotion()):
        found = _promotion_at(ctx, mentions, cue)
        if found is None:
            continue
        who, event = found
        person = persons.get(fold(who.name))
        if person is None:
            continue
        events = person.setdefault("rank_events", [])
        if not any((e["rank"], e["date"]) == (event["rank"], event["date"]) for e in events):
            events.append(event)


def _promotion_at(ctx: Ctx, mentions: list[Mention],
                  cue: re.Match[str]) -> tuple[Mention, dict[str, Any]] | None:
    sent = ctx.sentence_of(cue.start())
    r = _rank_after().match(ctx.folded, cue.end(), sent[1])
    if r is None:
        return None
    who = next((m for m in mentions if m.lead_start == r.start("rank") and m.rank), None) \
        or object_at(ctx, mentions, r.end(), sent[1])
    after = run_end(who) if who else r.end()
    who = who or subject_of(ctx, mentions, cue.start(), sent[0])
    if who is None:
        return None
    date = date_at(ctx.text, ctx.folded, after, sent[1]) \
        or opening_date(ctx, sent[0], min(who.lead_start, cue.start()))
    start, end = cue.start(), max(r.end(), after if who.start > cue.start() else r.end())
    if date is not None:
        start, end = min(start, date.start), max(end, date.end)
    hit = lexicon().ranks.get(r.group("rank"))
    return who, {"rank": hit[0] if hit else ctx.text[r.start("rank"):r.end("rank")],
                 "date": date.date if date else None,
                 "precision": date.precision if date else None,
                 "surface": date.surface if date else ctx.text[cue.start():r.end()],
                 "cue": "promoted", "evidence": {"start": start, "end": end},
                 "problem": date.problem if date else None}
