"""Named officials: a capitalised name anchored by an honorific, a rank, a post or a cue.

A name alone is not enough (place names look the same): it must follow 'đồng chí'/'ông'/a
rank, or start with a family name and sit next to a post ('Bí thư Tỉnh ủy X', 'X - Chủ tịch
...', 'X chủ trì'), or open a list item that a post follows ('...; Siu H’Nga-Tỉnh ủy viên').
"""

from __future__ import annotations

import re
from functools import cache

from vnkg.extraction.context import CAP_WORD, Ctx, Token
from vnkg.extraction.lexicon import lexicon, phrase_pattern
from vnkg.extraction.mentions import Mention, photo_note_end, post_before, settle_posts
from vnkg.extraction.name_places import after_place_word, drop_place_head, inside_unit_name
from vnkg.extraction.places import is_place_name
from vnkg.extraction.posts import role_at
from vnkg.extraction.text import fold

_SEP_TO_POST = re.compile(r"\s*(?:[-–—,;:]|\()?\s*")
_ANCHOR_HINT = re.compile(r"chí|đ/c|ông|bà|chị|anh|úy|tá|tướng|sĩ|binh|đốc")
_LIST_OF_POST = re.compile(r"\bcác\s+(\w[^:;.\n]{2,80}):")
_LIST_BOUNDARY = re.compile(r"(?:^|[;:,(\n]|\bcó|\bvà|\bgồm|\bcác\s+đồng\s+chí)\s*$")


@cache
def _before_name() -> re.Pattern[str]:
    """Honorific and/or rank (and academic titles) right before a name, on folded text."""
    hon = lexicon().pattern("honorifics.tsv")
    rank = lexicon().pattern("ranks.tsv")
    titles = sorted(lexicon().academic_titles, key=len, reverse=True)
    acad = "|".join(re.escape(fold(a)) for a in titles)
    return re.compile(
        rf"(?:(?<![\w/])(?P<hon>{hon})\s*:?\s*)?(?:(?<![\w/])(?P<rank>{rank})(?:\s*,)?\s+)?"
        rf"(?:(?:{acad})\s*,?\s*)*$"
    )


@cache
def _academic() -> re.Pattern[str]:
    """An academic title ('Phó Giáo sư', 'TS.'), which stands before a name, never in it."""
    return re.compile(rf"(?:{phrase_pattern(lexicon().academic_titles)})(?!\w)")


@cache
def _phrase_start() -> re.Pattern[str]:
    """Words that cannot continue a name: a post, a rank, a unit, a cue, a decree kind."""
    alts = [
        lexicon().pattern(f)
        for f in ("roles.tsv", "ranks.tsv", "units.tsv", "decree_kinds.tsv",
                  "locality_types.tsv")
    ]
    # single-word cues ('dự') and honorifics ('Anh') are also given names: not cut there
    alts.append(phrase_pattern([r[0] for r in lexicon().rows("cues.tsv") if " " in r[0]]))
    return re.compile(rf"(?:(?:phó|quyền)\s+)?(?:{'|'.join(alts)})(?![\w])")


def capitalised_runs(ctx: Ctx) -> list[list[Token]]:
    """Maximal runs of capitalised words joined by spaces or tabs (scraped text doubles them),
    never across a line break."""
    runs: list[list[Token]] = []
    cur: list[Token] = []
    text = ctx.text
    for tok in ctx.tokens:
        if cur:
            gap = text[cur[-1].end:tok.start]
            if gap and not gap.strip(" \t"):
                cur.append(tok)
                continue
        if cur:
            runs.append(cur)
        cur = [tok]
    if cur:
        runs.append(cur)
    return runs


@cache
def _name_like_phrase() -> re.Pattern[str]:
    """Document kinds and level words that are also given names ('Vũ Công Văn', 'Lê Văn Luật')."""
    alts = [lexicon().pattern(f)
            for f in ("decree_kinds.tsv", "locality_types.tsv")]
    return re.compile(rf"(?:{'|'.join(alts)})(?![\w])")


def _name_like_at(ctx: Ctx, start: int, end: int) -> bool:
    """Does a document kind or level word written in capitals start at `start`, inside the run?"""
    soft = _name_like_phrase().match(ctx.folded, start)
    return soft is not None and soft.end() < end


def _trim_run(ctx: Ctx, run: list[Token]) -> list[Token]:
    """The run up to the first word that starts a post, rank, unit, cue or document kind.

    A document kind or level word that ends a short run opened by a family name, every word
    of it capitalised, is the end of a given name instead ('đồng chí Vũ Công Văn').
    """
    for k in range(1, len(run)):
        if _phrase_start().match(ctx.folded, run[k].start):
            soft = _name_like_phrase().match(ctx.folded, run[k].start)
            if not (soft and soft.end() == run[-1].end and len(run) <= 4
                    and fold(run[0].text) in lexicon().surnames):
                return run[:k]
    return run


def _name_window(ctx: Ctx, run: list[Token]) -> list[Token]:
    """The part of a run that can be a name: a family name and up to three more words.

    A foreign name of five or six words ('Đại tá Bun Mi Sổm Phăn Đa') is kept whole after an
    honorific or rank.
    """
    sur = lexicon().surnames
    while run and len(run) > 2 and lexicon().honorifics.get(run[0].text):
        run = run[1:]
    while run and fold(run[0].text) in lexicon().academic_keys:
        run = run[1:]
    if len(run) <= 4 or (len(run) == 5 and fold(run[0].text) in sur):
        return run  # five words: 'Y Thanh Hà Niê Kđăm'-style names
    if len(run) <= 6 and fold(run[0].text) not in sur and any(_anchor(ctx, run[0].start)[:2]):
        return run
    for s in range(1, len(run) - 1):
        if fold(run[s].text) in sur and 2 <= len(run) - s <= 4:
            return run[s:]
    return run[-4:] if len(run) > 4 else run


def find_mentions(ctx: Ctx) -> list[Mention]:
    """Every anchored person mention, then every later repetition of an accepted name.

    >>> from vnkg.extraction.context import make_ctx
    >>> ctx = make_ctx("d", "Đại tá Lò Văn Tám - Chính ủy Bộ CHQS tỉnh chủ trì.", None)
    >>> [(m.name, m.rank, [p.surface for p in m.posts]) for m in find_mentions(ctx)]
    [('Lò Văn Tám', 'Đại tá', ['Chính ủy Bộ CHQS tỉnh'])]
    """
    mentions: list[Mention] = []
    runs = [w for w in (_name_window(ctx, drop_place_head(ctx, _trim_run(ctx, r)))
                        for r in capitalised_runs(ctx) if len(r) > 1) if len(w) > 1]
    for run in runs:
        m = _judge(ctx, run, set())
        if m:
            mentions.append(m)
    known = {fold(m.name) for m in mentions}
    seen = {m.start for m in mentions}
    for run in runs:
        for k in range(len(run) - 1):  # a known name, or one glued after a place name
            tail = run[k:]
            if tail[0].start not in seen and fold(_span_text(ctx, tail)) in known:
                m = _judge(ctx, tail, known)
                if m:
                    mentions.append(m)
                    seen.add(m.start)
                break
    mentions.sort(key=lambda m: m.start)
    settle_posts(ctx, mentions, {m.start for m in mentions if m.rank or m.honorific})
    ctx.person_spans = [(m.start, m.end) for m in mentions]
    return mentions


def _span_text(ctx: Ctx, run: list[Token]) -> str:
    return ctx.text[run[0].start:run[-1].end]


def _judge(ctx: Ctx, run: list[Token], known: set[str]) -> Mention | None:
    """A mention when the run is an anchored name, else None."""
    if len(run) < 2 or len(run) > 6:  # a given name alone ('đồng chí Hùng') repeats a full one
        return None
    start, end = run[0].start, run[-1].end
    if _academic().match(ctx.folded, start):
        return None
    hon, rank, lead = _anchor(ctx, start)
    if _phrase_start().match(ctx.folded, start) and not (
            (hon or rank) and len(run) <= 4 and _name_like_at(ctx, start, end)):
        return None  # 'đồng chí Công Văn Hải': a name after an anchor despite its first words
    if len(run) > 5 and not (hon or rank):
        return None
    post_pos = _post_start(ctx, end)
    if not (hon or rank):
        accepted = _unanchored(ctx, run, known, post_pos)
        if accepted is None:
            return None
        lead = accepted
    return Mention(start, end, ctx.text[start:end], _rank(rank), _honorific(hon),
                   run_end=end, lead_start=lead, post_pos=post_pos)


def _anchor(ctx: Ctx, start: int) -> tuple[str | None, str | None, int]:
    """(honorific, rank, start of them) written right before a name."""
    window = max(0, start - 60)
    if not _anchor_word_before(ctx.folded, window, start) or \
            not _ANCHOR_HINT.search(ctx.folded, window, start):  # cheap tests before the full one
        return None, None, start
    before = _before_name().search(ctx.folded, window, start)
    hon = before.group("hon") if before else None
    rank = before.group("rank") if before else None
    return hon, rank, before.start() if before and (hon or rank) else start


def _anchor_word_before(folded: str, window: int, start: int) -> bool:
    """Does the last word of an honorific, rank or title end right before `start` (spaces,
    ':' and ',' aside)? What every `_before_name` match with one of them ends with."""
    i = start
    while i > window and (folded[i - 1].isspace() or folded[i - 1] in ":,"):
        i -= 1
    return folded.endswith(_anchor_ends(), window, i)


@cache
def _anchor_ends() -> tuple[str, ...]:
    """The last words of the honorifics, ranks and academic titles, folded."""
    phrases = [r[0] for f in ("honorifics.tsv", "ranks.tsv") for r in lexicon().rows(f)]
    return tuple({fold(p).split()[-1].rstrip(":,") for p in phrases + lexicon().academic_titles
                  if p.strip()})


def _unanchored(ctx: Ctx, run: list[Token], known: set[str], post_pos: int | None) -> int | None:
    """Where a name without honorific or rank starts its mention (its posts may come first)."""
    start, end = run[0].start, run[-1].end
    name = ctx.text[start:end]
    key = fold(name)
    surname_first = fold(run[0].text) in lexicon().surnames
    if key not in known and not surname_first and post_pos is None:
        return None
    cue_after = _cue_after(ctx, end)
    pre_post = post_before(ctx, start) if surname_first or key in known else None
    strong = surname_first and (cue_after or post_pos is not None or (
        pre_post is not None and len(run) >= 3))
    place_word = after_place_word(ctx, start)
    if key in lexicon().provinces or (place_word is not None and (
            not strong or is_place_name(name, place_word))) or inside_unit_name(ctx, start):
        return None
    ok = key in known or (surname_first and (post_pos is not None or cue_after or (
        pre_post is not None and _follow_ok(ctx, end))))
    if not ok and post_pos is not None and fold(run[0].text) not in lexicon().name_stopwords:
        ok = bool(_LIST_BOUNDARY.search(ctx.folded, max(0, start - 30), start))
    if not ok and surname_first and len(run) <= 4 and _follow_ok(ctx, end):
        ok = _in_name_list(ctx, start, end)
    if not ok:
        return None
    return pre_post if pre_post is not None and post_pos is None else start


_CAP_NAME = rf"(?:{CAP_WORD.pattern}[ \t]+)*{CAP_WORD.pattern}"
# 'ông A, B và C': one honorific before a chain of bare names
_HONORIFIC_CHAIN = re.compile(
    rf"(?<!\w)(?:[ôÔ]ng|[bB]à)\s+{_CAP_NAME}(?:\s*(?:,|và)\s*{_CAP_NAME})*\s*(?:,|và)\s*$")


def _in_name_list(ctx: Ctx, start: int, end: int) -> bool:
    """An item of a list of names: 'các đồng chí Phó Chủ tịch UBND huyện: A, B cùng dự'."""
    sent_start = ctx.sentence_of(start)[0]
    before = ctx.folded[sent_start:start]
    if not re.search(r"(?:[:;,]|\bvà)\s*$", before):
        return False
    if re.search(r"đồng\s+chí|đ/c|\bcác\s+(?:ông|bà)\b", before):
        return True
    if _HONORIFIC_CHAIN.search(ctx.text, max(sent_start, start - 200), start):
        name = ctx.text[start:end]
        return len(name.split()) > 2 or not is_place_name(name, None)  # 'ông A, Lâm Hà'
    header = _LIST_OF_POST.search(before)
    return bool(header and role_at().match(ctx.folded, sent_start + header.start(1)))


def _rank(folded_rank: str | None) -> str | None:
    if not folded_rank:
        return None
    hit = lexicon().ranks.get(folded_rank)
    return hit[0] if hit else folded_rank


def _honorific(folded_hon: str | None) -> str | None:
    if not folded_hon:
        return None
    hit = lexicon().honorifics.get(folded_hon)
    return hit[0] if hit else folded_hon


def _post_start(ctx: Ctx, end: int) -> int | None:
    end = photo_note_end(ctx.text, end)
    sep = _SEP_TO_POST.match(ctx.folded, end)
    pos = sep.end() if sep else end
    if "\n" in ctx.text[end:pos]:
        return None
    return pos if role_at().match(ctx.folded, pos) else None


def _cue_after(ctx: Ctx, end: int) -> bool:
    pos = end + 1 if ctx.text[end:end + 1] == " " else end
    m = lexicon().cues.regex.match(ctx.folded, pos)
    return bool(m) and lexicon().is_cue(ctx.folded, pos)


def _follow_ok(ctx: Ctx, end: int) -> bool:
    nxt = ctx.text[end:end + 1]
    if not nxt or nxt != " ":
        return True
    word = re.match(r"\s*(\w+)", ctx.folded[end:end + 20])
    return (not word or word.group(1) in lexicon().name_followers
            or ctx.text[end + 1:end + 2].isupper())
