"""Cached loaders of the data files under extract/lexicons/ and the regexes built from them.

Every matcher works on the *folded* text (see `extract.text.fold_same_length`): lower case,
new-style tone marks, same length as the NFC text, so match offsets index the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from extract.text import fold as _key

LEXICONS = Path(__file__).resolve().parent / "lexicons"

def rows(name: str) -> list[list[str]]:
    """Tab-separated rows of a lexicon file, comments and blank lines skipped.

    >>> rows("ranks.tsv")[0]
    ['binh nhì', 'Binh nhì']
    """
    out = []
    for line in (LEXICONS / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append([c.strip() if i else c.strip() for i, c in enumerate(line.split("\t"))])
    return out


def phrase_pattern(phrases: list[str]) -> str:
    """Regex matching any of the folded phrases (longest possible), spaces as any whitespace.

    Built as a character trie, so a scan does not try every phrase at every position.

    >>> re.fullmatch(phrase_pattern(["dự", "dự và chỉ đạo"]), "dự  và chỉ đạo") is not None
    True
    """
    trie: dict[str, dict] = {}
    for key in {_key(p) for p in phrases if p.strip()}:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(trie)


def _emit(node: dict[str, dict]) -> str:
    alts = [(r"\s+" if ch == " " else re.escape(ch)) + _emit(child)
            for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def bounded(alternation: str) -> re.Pattern[str]:
    """Whole-word matcher of an alternation on folded text."""
    return re.compile(rf"(?<![\w/])(?:{alternation})(?![\w])")


@dataclass(frozen=True)
class Table:
    """A folded-key lookup table with its whole-word regex."""

    regex: re.Pattern[str]
    values: dict[str, tuple[str, ...]]

    def get(self, surface: str) -> tuple[str, ...] | None:
        return self.values.get(_key(surface))


def _table(name: str) -> Table:
    data = rows(name)
    values = {_key(r[0]): tuple(r[1:]) for r in data}
    return Table(bounded(phrase_pattern([r[0] for r in data])), values)


@cache
def ranks() -> Table:
    return _table("ranks.tsv")


@cache
def honorifics() -> Table:
    return _table("honorifics.tsv")


@cache
def roles() -> Table:
    return _table("roles.tsv")


@cache
def units() -> Table:
    return _table("units.tsv")


@cache
def cues() -> Table:
    return _table("cues.tsv")


@cache
def locality_types() -> Table:
    data = rows("locality_types.tsv")
    values = {_key(r[0]): tuple(r[1:]) for r in data}
    keys = sorted(values, key=len, reverse=True)
    # abbreviations ending in '.' may be glued to the name: "TP.Hà Nội"
    alt = "|".join(r"\s+".join(re.escape(w) for w in k.split(" ")) + ("" if k.endswith(".")
                   else r"(?!\w)") for k in keys)
    return Table(re.compile(rf"(?<![\w/.])(?:{alt})"), values)


@cache
def decree_kinds() -> Table:
    data = rows("decree_kinds.tsv")
    values = {_key(r[0]): tuple(r[1:]) for r in data}
    # list indices may be glued in front: "- 2Quyết định 553/QĐ-TTg"
    return Table(re.compile(rf"(?<![^\W\d])(?:{phrase_pattern([r[0] for r in data])})(?!\w)"),
                 values)


@cache
def provinces() -> dict[str, str]:
    """Folded bare province-level name -> 'tỉnh' or 'thành phố'."""
    return {_key(r[0]): r[1] for r in rows("provinces.tsv")}


@cache
def province_regex() -> re.Pattern[str]:
    names = [r[0] for r in rows("provinces.tsv")]
    return re.compile(rf"(?<!\w)(?:{phrase_pattern(names)})(?!\w)")


@cache
def locality_aliases() -> Table:
    """Written forms like 'TPHCM' -> (bare name, type)."""
    return _table("locality_aliases.tsv")


@cache
def academic_keys() -> frozenset[str]:
    return frozenset(_key(a).rstrip(".") for a in academic_titles())


def _words(name: str) -> frozenset[str]:
    return frozenset(_key(r[0]) for r in rows(name))


@cache
def surnames() -> frozenset[str]:
    return _words("surnames.txt")


@cache
def name_stopwords() -> frozenset[str]:
    return _words("name_stopwords.txt")


@cache
def meeting_words() -> dict[str, str]:
    """Folded gathering word -> 'conference' or 'activity'."""
    return {_key(r[0]): r[1] for r in rows("meeting_words.tsv")}


@cache
def year_cues(use: str) -> re.Pattern[str]:
    """Whole-word matcher of the year_cues.tsv phrases of one use (review, plan, ...)."""
    return bounded(phrase_pattern([r[0] for r in rows("year_cues.tsv") if r[1] == use]))


@cache
def organise_verbs() -> str:
    """Pattern of the verbs that introduce a reported gathering (organise_verbs.txt)."""
    return phrase_pattern([r[0] for r in rows("organise_verbs.txt")])


@cache
def organised_events() -> str:
    """Pattern of the words that name a gathering after an organising verb only."""
    return phrase_pattern([r[0] for r in rows("organised_events.txt")])


@cache
def not_meetings() -> re.Pattern[str]:
    """Phrases that start like a gathering word but are none ('lễ hội', 'thăm hỏi')."""
    return re.compile(rf"(?<!\w)(?:{phrase_pattern([r[0] for r in rows('not_meetings.txt')])})")


@cache
def delegations() -> re.Pattern[str]:
    """Gathering words that name a delegation ('đoàn công tác'): its unit organises it."""
    return re.compile(phrase_pattern(words("delegations.txt")))


def words(name: str) -> list[str]:
    """The phrases of a one-column word list, as written."""
    return [r[0] for r in rows(name)]


@cache
def meeting_concerns() -> re.Pattern[str]:
    """Verbs by which a meeting concerns a document (meeting_concerns.txt)."""
    return bounded(phrase_pattern([r[0] for r in rows("meeting_concerns.txt")]))


@cache
def meeting_kinds() -> list[tuple[str, str]]:
    return [(_key(r[0]), r[1]) for r in rows("meeting_kinds.tsv")]


@cache
def name_followers() -> frozenset[str]:
    return _words("name_followers.txt")


@cache
def byline_words(use: str) -> frozenset[str]:
    """'outlet' words that end a byline, or 'not_name' signatures."""
    return frozenset(_key(r[0]) for r in rows("byline_words.tsv") if r[1] == use)


@cache
def unit_tail_stops() -> frozenset[str]:
    return _words("unit_tail_stops.txt")


@cache
def decree_cues(use: str) -> str:
    """Pattern of the 'subject' or 'trigger' phrases of decree_cues.tsv."""
    return phrase_pattern([r[0] for r in rows("decree_cues.tsv") if r[1] == use])


@cache
def decree_code_kinds() -> dict[str, str]:
    """Number code -> kind: 'NĐ' -> 'Nghị định' (used when only a number is written)."""
    out = {}
    for r in rows("decree_kinds.tsv"):
        for code in (r[3].split(",") if len(r) > 3 else []):
            if code.strip():
                out[code.strip()] = r[1]
    return out


@cache
def bare_place_exclusions() -> frozenset[str]:
    return _words("bare_place_exclusions.txt")


@cache
def place_stopwords() -> frozenset[str]:
    return _words("place_stopwords.txt")


@cache
def cue_exclusions() -> re.Pattern[str]:
    return bounded(phrase_pattern([r[0] for r in rows("cue_exclusions.txt")]))


@cache
def cue_compounds() -> dict[str, frozenset[str]]:
    """Cue word -> first words that make it part of another word ('vinh dự' = honoured)."""
    out: dict[str, set[str]] = {}
    for first, cue in rows("cue_compounds.tsv"):
        out.setdefault(_key(cue), set()).add(_key(first))
    return {k: frozenset(v) for k, v in out.items()}


def is_cue(folded: str, start: int) -> bool:
    """Is the cue matched at `start` a real cue (not 'dự thảo', not 'vinh dự')?"""
    if cue_exclusions().match(folded, start):
        return False
    for cue, firsts in cue_compounds().items():
        if folded.startswith(cue, start) and folded[max(0, start - 8):start].split()[-1:] in (
                [f] for f in firsts):
            return False
    return True


@cache
def academic_titles() -> list[str]:
    return [r[0] for r in rows("academic_titles.txt")]


@cache
def abbreviations() -> tuple[re.Pattern[str], dict[str, str]]:
    """One case-sensitive whole-word matcher of all abbreviations and their expansions."""
    data = sorted(rows("abbreviations.tsv"), key=lambda r: -len(r[0]))
    alts = [re.escape(a) + ("" if a.endswith(".") else r"(?!\w)") for a, _ in data]
    expansions = {a: e + " " if a.endswith(".") else e for a, e in data}
    return re.compile(rf"(?<![\w.])(?:{'|'.join(alts)})"), expansions
