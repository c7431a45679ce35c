"""Positions written after (or before) a name: split a run of posts into single posts.

A run is split at commas, semicolons, spaced dashes and 'kiêm'; never inside an organisation
name ('Hội đồng thi đua, khen thưởng ...', 'Phó Chủ nhiệm Hậu cần – Kỹ thuật ...'); it stops at
the first verb or cue ('chủ trì', 'phát biểu', 'đã', ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from vnkg.extraction.lexicon import bounded, lexicon


@dataclass
class Post:
    """One post as written: its span, the role word(s) and the unit part, if any."""

    start: int
    end: int
    surface: str
    role: str
    unit_start: int | None = None
    role_end: int | None = None  # end of the role words: the title uses the canonical role




@cache
def role_at() -> re.Pattern[str]:
    alt = lexicon().pattern("roles.tsv")
    return re.compile(rf"(?:nguyên\s+)?(?:(?:phó|quyền)\s+)?(?:{alt})(?![\w])")


@cache
def stop_regex() -> re.Pattern[str]:
    cue_alt = lexicon().pattern("cues.tsv")
    stop_alt = lexicon().pattern("post_stops.txt")
    rank_alt = lexicon().pattern("ranks.tsv")
    # 'và bổ nhiệm Đại tá X': a clause about the next person, one or two verbs before its rank
    return re.compile(
        rf"(?<![\w/])(?:(?<!ban )(?<!bcđ )chỉ\s+đạo|{cue_alt}|{stop_alt}"
        rf"|và(?:\s+[^\W\d_]+){{0,2}}\s+(?:{rank_alt}|đồng\s+chí|đ/c|ông|bà))(?!\w)"
    )


@cache
def photo_note() -> re.Pattern[str]:
    """A caption note on where the person stands in the photo: '(thứ hai từ trái)', '(đứng)'."""
    words = lexicon().pattern("photo_notes.txt")
    return re.compile(rf"\s*\((?=[^()]{{0,30}}\))(?=[^()]*?(?<!\w)(?:{words})(?!\w))[^()]*\)")


@cache
def _tail_join() -> re.Pattern[str]:
    """A joining word ending a post cut at the next person's posts: 'Chủ tịch UBND huyện và'."""
    alt = lexicon().pattern("post_tail_joins.txt")
    return re.compile(rf"(?:[\s,;]+(?i:{alt}))+\s*$")


_BOUNDARY = re.compile(r"\s*(?:[,;]|[-–—](?=\s)|\s[-–—])\s*(?:kiêm\s+|đồng\s+thời\s+là\s+)?"
                       r"|\s+kiêm\s+|\s+đồng\s+thời\s+là\s+|\.(?=\s|$)|\n|:|\(|\)|“|”|\"|$")
_LOWER_START = re.compile(r"[^\W\d_]")


@cache
def _place_words() -> re.Pattern[str]:
    """A level word, or a national scope ('trung ương', 'toàn quân'): a post's organisation."""
    return bounded([*lexicon().phrases("level_words.txt"), "trung ương", "toàn quân"],
                   not_after=r"\w")


def _excluded_stop(folded: str, m: re.Match[str]) -> bool:
    lex = lexicon()
    return not lex.is_cue(folded, m.start()) and bool(lex.cues.regex.match(folded, m.start()))


def _stop_in(folded: str, start: int, end: int) -> int:
    """First stop starting before `end` (it may run past it: 'và bổ nhiệm | Đại tá X')."""
    for m in stop_regex().finditer(folded, start, min(len(folded), end + 40)):
        if m.start() >= end:
            break
        if not _excluded_stop(folded, m):
            return m.start()
    return end


def _continues_org(text: str, folded: str, sep: str, start: int, end: int) -> bool:
    """Does the piece after a separator continue the previous organisation name?"""
    piece = folded[start:end]
    if not piece or not _LOWER_START.match(piece) or stop_regex().match(folded, start):
        return False
    lex = lexicon()
    if lex.honorifics.regex.match(folded, start) or lex.ranks.regex.match(folded, start):
        return False
    if ";" in sep:
        return False
    if "-" in sep or "–" in sep or "—" in sep:
        return len(piece.split()) <= 12
    lower_start = text[start].islower()
    has_org = bool(lexicon().units.regex.search(piece) or _place_words().search(piece))
    return lower_start and has_org and len(piece.split()) <= 10


def parse_posts(text: str, folded: str, pos: int, limit: int) -> tuple[list[Post], int]:
    """Posts written from `pos` (which must start with a role word) up to `limit`.

    Returns the posts and the end offset of the run.

    >>> from vnkg.extraction.text import fold_same_length
    >>> t = "Chính ủy Bộ CHQS tỉnh, Chủ tịch Hội đồng thi đua, khen thưởng tỉnh chủ trì"
    >>> [p.surface for p in parse_posts(t, fold_same_length(t), 0, len(t))[0]]
    ['Chính ủy Bộ CHQS tỉnh', 'Chủ tịch Hội đồng thi đua, khen thưởng tỉnh']
    """
    posts: list[Post] = []
    run_end = note_end = pos
    while pos < limit and len(posts) < 8:
        m = role_at().match(folded, pos)
        if not m:
            break
        seg_end, nxt = _segment_end(text, folded, m.end(), limit)
        stop = _stop_in(folded, pos, seg_end)
        glued = _glued_role(folded, m.end(), stop)
        if glued is not None:  # 'trưởng Công an xã phó Chỉ huy trưởng ...': two posts
            seg_end = stop = glued[0]
            nxt = glued[1]
        note = photo_note().search(text, pos, stop)
        if note and not any(c.isupper() for c in note.group(0)):  # '... huyện (bìa phải)'
            stop = seg_end = note.start()
            nxt, note_end = None, note.end()
        surface = _tail_join().sub("", text[pos:stop]).rstrip(" ,;-–—")
        closing = _unmatched_close(surface)
        if closing is not None:  # '(Chủ tịch UBND xã X)': the bracket ends the run
            surface, seg_end, nxt = surface[:closing].rstrip(), pos + closing, None
        if surface:
            posts.append(_post(folded, pos, pos + len(surface), m, surface))
            run_end = max(pos + len(surface), note_end)
        if stop < seg_end or nxt is None:
            break
        pos = nxt
    return posts, run_end


@cache
def _level_then_word() -> re.Pattern[str]:
    """A level word with a word after it: where a post glued to the next may split."""
    return bounded(lexicon().phrases("level_words.txt"), not_after=r"\w", end=r"(?=\s+\w)")


def _glued_role(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """(end of this post, start of the next) when a post head follows a level word with no
    separator; a role that starts at the level word itself ('tỉnh ủy viên') is not one."""
    for lv in _level_then_word().finditer(folded, start, end):
        if role_at().match(folded, lv.start()):
            continue
        nxt = lv.end() + len(folded[lv.end():end]) - len(folded[lv.end():end].lstrip())
        if nxt < end and role_at().match(folded, nxt):
            return lv.end(), nxt
    return None


def _segment_end(text: str, folded: str, pos: int, limit: int) -> tuple[int, int | None]:
    """End of the current post and the start of the next one (None: the run ends here)."""
    while True:
        b = _BOUNDARY.search(folded, pos, limit) if pos < limit else None
        if b is None or b.start() >= limit:
            return limit, None
        sep = b.group(0)
        if sep.strip() in {"(", ")"}:
            pos = b.end()
            continue
        if b.end() >= limit or sep.strip() in {".", "", ":", "“", "”", '"'}:
            return b.start(), None
        nxt = b.end()
        if role_at().match(folded, nxt):
            return b.start(), nxt
        piece_end = _BOUNDARY.search(folded, nxt, limit)
        pend = _stop_in(folded, nxt, piece_end.start() if piece_end else limit)
        if _continues_org(text, folded, sep, nxt, pend):
            pos = pend if pend > nxt else nxt + 1
            continue
        return b.start(), None


def _post(folded: str, start: int, end: int, m: re.Match[str], surface: str) -> Post:
    role_surface = folded[m.start():m.end()]
    role = _canonical_role(role_surface)
    unit = lexicon().units.regex.search(folded, m.end(), end)
    return Post(start, end, surface, role, unit.start() if unit else None, m.end())


def _unmatched_close(surface: str) -> int | None:
    if ")" not in surface:  # the common case, without a walk over every character
        return None
    depth = 0
    for i, c in enumerate(surface):
        depth += (c == "(") - (c == ")")
        if depth < 0:
            return i
    return None


@lru_cache(maxsize=4096)
def _canonical_role(folded_role: str) -> str:
    words = folded_role.split()
    former = ""
    if words[0] == "nguyên" and len(words) > 1:
        former, words = words[0] + " ", words[1:]
    return former + _base_role(words)


def _base_role(words: list[str]) -> str:
    prefix = ""
    if words[0] in ("phó", "quyền") and len(words) > 1:
        prefix, words = words[0].capitalize() + " ", words[1:]
    base = lexicon().roles.get(" ".join(words))
    return prefix + (base[0] if base else " ".join(words))


def shorter_form(short: str, long: str) -> bool:
    """Is folded title `short` a shorter mention of `long` (its words, in order, fewer)?

    'Thủ tướng' is a shorter form of 'Thủ tướng Chính phủ'; 'Bí thư Huyện ủy' is not one of
    'Bí thư Đảng ủy Quân sự huyện' (the same words, another post).

    >>> shorter_form("thủ tướng", "thủ tướng chính phủ")
    True
    >>> shorter_form("bí thư huyện ủy x", "bí thư đảng ủy quân sự huyện x")
    False
    >>> shorter_form("bí thư đảng ủy xã x", "bí thư đảng ủy quân sự xã x")
    False
    """
    words, pool = short.split(), iter(long.split())
    if len(words) >= len(long.split()) or not all(w in pool for w in words):
        return False
    return _units_in(short) <= _units_in(long)  # 'Đảng ủy xã' is not 'Đảng ủy Quân sự xã'


def _units_in(folded_title: str) -> set[str]:
    return {" ".join(folded_title[m.start():m.end()].split())
            for m in lexicon().units.regex.finditer(folded_title)}

