"""The word lists under extract/lexicons/ as one `Lexicon` object, and the regexes built on them.

`lexicon()` gives the default instance (the package's own folder); callers write
`lex = lexicon()` and read its attributes (`lex.ranks`, `lex.provinces`), each loaded once, on
first use. A `Lexicon` over another folder serves tests and experiments.

The lists are read only here (extract.decode still reads its legacy_encodings.tsv itself). A
module that combines lists with its own grammar ('an organising verb, then "các" or "cuộc"')
builds that matcher in a cached function beside the code that uses it, from `lexicon()`.

Every matcher works on the *folded* text (see `extract.text.fold_same_length`): lower case,
new-style tone marks, same length as the NFC text, so match offsets index the original.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any, TypeVar

from vnkg.extraction.text import fold as _key

LEXICONS = Path(__file__).resolve().parent / "lexicons"
_T = TypeVar("_T")


def phrase_pattern(phrases: Iterable[str], not_after: str = "") -> str:
    """Regex matching any of the folded phrases (longest possible), spaces as any whitespace.

    Built as a character trie, so a scan does not try every phrase at every position.
    `not_after` (a character class's body) makes each match start where the character before
    is not of that class: `bounded` says why it is written after each first letter.

    >>> re.fullmatch(phrase_pattern(["dự", "dự và chỉ đạo"]), "dự  và chỉ đạo") is not None
    True
    """
    trie: dict[str, dict] = {}
    for key in {_key(p) for p in phrases if p.strip()}:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(trie, not_after)


def _emit(node: dict[str, dict], not_after: str = "") -> str:
    alts = [(r"\s+" if ch == " " else re.escape(ch)) + _not_after(ch, not_after) + _emit(child)
            for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def _not_after(first: str, not_after: str) -> str:
    """A look-behind over the first letter just matched and the character before it."""
    return rf"(?<![{not_after}]{re.escape(first)})" if not_after else ""


def bounded(phrases: Iterable[str], not_after: str = r"\w/", end: str = r"(?!\w)"
            ) -> re.Pattern[str]:
    """Whole-word matcher of the phrases on folded text: no word character (nor '/', by
    default) before a match, none after it (or what `end`, a regex, asks after it).

    The look-behind stands after each phrase's first letter rather than before the whole
    alternation: a pattern that opens with a look-behind makes the regex engine try every
    position of the text, while one that opens with its first letters lets a scan skip to
    them (about twice as fast over an article), with the same matches.

    >>> [m.group(0) for m in bounded(["tỉnh", "huyện"]).finditer("tỉnh x/huyện huyện")]
    ['tỉnh', 'huyện']
    """
    return re.compile(f"(?:{phrase_pattern(phrases, not_after)}){end}")


@dataclass(frozen=True)
class Table:
    """A folded-key lookup table with its whole-word regex."""

    regex: re.Pattern[str]
    values: dict[str, tuple[str, ...]]

    def get(self, surface: str) -> tuple[str, ...] | None:
        return self.values.get(_key(surface))


@cache
def lexicon() -> Lexicon:
    """The lexicon of the package's own word lists, loaded once per process.

    >>> lexicon().ranks.get("Đại tá")
    ('Đại tá',)
    """
    return Lexicon(LEXICONS)


class Lexicon:
    """The word lists of one folder; each attribute is read and compiled on first use."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._memo: dict[tuple[str, str], Any] = {}
        self._year_cues: dict[str, re.Pattern[str]] = {}  # by use, compiled on first use

    def rows(self, name: str) -> list[list[str]]:
        """Tab-separated rows of a lexicon file, comments and blank lines skipped.

        >>> lexicon().rows("ranks.tsv")[0]
        ['binh nhì', 'Binh nhì']
        """
        out = []
        for line in (self.folder / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                out.append([c.strip() for c in line.split("\t")])
        return out

    def words(self, name: str) -> list[str]:
        """The phrases of a one-column word list, as written."""
        return [r[0] for r in self.rows(name)]

    def pattern(self, name: str, use: str | None = None) -> str:
        """Pattern (`phrase_pattern`) of a list's first column; of the rows of one use (second
        column) when `use` is given. Cached per file and use."""
        return self._once(f"pattern:{name}", use or "",
                          lambda: phrase_pattern(self.phrases(name, use)))

    def phrases(self, name: str, use: str | None = None) -> list[str]:
        """A list's first column; the rows of one use (second column) when `use` is given."""
        return [r[0] for r in self.rows(name) if use is None or r[1] == use]

    def word_set(self, name: str, use: str | None = None) -> frozenset[str]:
        """The folded phrases of a list's first column (of one use, when given). Cached.

        >>> "thay mặt" in lexicon().word_set("cue_gaps.tsv", "aside")
        True
        """
        return self._once(f"set:{name}", use or "",
                          lambda: frozenset(_key(r[0]) for r in self.rows(name)
                                            if use is None or r[1] == use))

    def _once(self, kind: str, key: str, build: Callable[[], _T]) -> _T:
        if (kind, key) not in self._memo:
            self._memo[(kind, key)] = build()
        return self._memo[(kind, key)]  # type: ignore[no-any-return]

    def _table(self, name: str) -> Table:
        data = self.rows(name)
        values = {_key(r[0]): tuple(r[1:]) for r in data}
        return Table(bounded([r[0] for r in data]), values)

    def _set(self, name: str) -> frozenset[str]:
        return frozenset(_key(r[0]) for r in self.rows(name))

    @cached_property
    def ranks(self) -> Table:
        return self._table("ranks.tsv")

    @cached_property
    def honorifics(self) -> Table:
        return self._table("honorifics.tsv")

    @cached_property
    def roles(self) -> Table:
        return self._table("roles.tsv")

    @cached_property
    def units(self) -> Table:
        return self._table("units.tsv")

    @cached_property
    def cues(self) -> Table:
        return self._table("cues.tsv")

    @cached_property
    def locality_types(self) -> Table:
        data = self.rows("locality_types.tsv")
        values = {_key(r[0]): tuple(r[1:]) for r in data}
        keys = sorted(values, key=len, reverse=True)
        # abbreviations ending in '.' may be glued to the name: "TP.Hà Nội"
        alt = "|".join(re.escape(k[0]) + _not_after(k[0], r"\w/.")
                       + r"\s+".join(re.escape(w) for w in k[1:].split(" "))
                       + ("" if k.endswith(".") else r"(?!\w)") for k in keys)
        return Table(re.compile(f"(?:{alt})"), values)

    @cached_property
    def decree_kinds(self) -> Table:
        data = self.rows("decree_kinds.tsv")
        values = {_key(r[0]): tuple(r[1:]) for r in data}
        # list indices may be glued in front: "- 2Quyết định 553/QĐ-TTg"
        return Table(bounded([r[0] for r in data], not_after=r"^\W\d"), values)

    @cached_property
    def provinces(self) -> dict[str, str]:
        """Folded bare province-level name -> 'tỉnh' or 'thành phố'."""
        return {_key(r[0]): r[1] for r in self.rows("provinces.tsv")}

    @cached_property
    def province_regex(self) -> re.Pattern[str]:
        return bounded(self.phrases("provinces.tsv"), not_after=r"\w")

    @cached_property
    def locality_aliases(self) -> Table:
        """Written forms like 'TPHCM' -> (bare name, type)."""
        return self._table("locality_aliases.tsv")

    @cached_property
    def level_words(self) -> str:
        """Pattern of a locality's level words written in full ('tỉnh', 'thị xã')."""
        return self.pattern("level_words.txt")

    @cached_property
    def locality_levels(self) -> dict[str, int]:
        """Locality type -> level: 0 province, 1 district, 2 commune (locality_levels.tsv)."""
        return {r[0]: int(r[1]) for r in self.rows("locality_levels.tsv")}

    @cached_property
    def locality_written(self) -> dict[str, str]:
        """Locality type -> the word written before its name ('thành phố' for a province-level
        city)."""
        return {r[0]: r[2] for r in self.rows("locality_levels.tsv")}

    def types_of_level(self, level: int) -> tuple[str, ...]:
        """The locality types of one level, in the table's order."""
        return tuple(t for t, n in self.locality_levels.items() if n == level)

    def types_with(self, trait: str) -> tuple[str, ...]:
        """The locality types of one trait ('numbered', 'in_district'), in the table's order."""
        return tuple(r[0] for r in self.rows("locality_levels.tsv")
                     if trait in (r[3].split(",") if len(r) > 3 else []))

    @cached_property
    def committee_levels(self) -> dict[str, str]:
        """First word of a party committee's name -> its level: 'thành' ('Thành ủy') -> 'thành
        phố'."""
        return {_key(r[0]): r[1] for r in self.rows("committee_levels.tsv")}

    @cached_property
    def academic_titles(self) -> list[str]:
        return self.words("academic_titles.txt")

    @cached_property
    def academic_keys(self) -> frozenset[str]:
        return frozenset(_key(a).rstrip(".") for a in self.academic_titles)

    @cached_property
    def surnames(self) -> frozenset[str]:
        return self._set("surnames.txt")

    @cached_property
    def name_stopwords(self) -> frozenset[str]:
        return self._set("name_stopwords.txt")

    @cached_property
    def name_followers(self) -> frozenset[str]:
        return self._set("name_followers.txt")

    @cached_property
    def unit_tail_stops(self) -> frozenset[str]:
        return self._set("unit_tail_stops.txt")

    @cached_property
    def bare_place_exclusions(self) -> frozenset[str]:
        return self._set("bare_place_exclusions.txt")

    @cached_property
    def place_stopwords(self) -> frozenset[str]:
        return self._set("place_stopwords.txt")

    @cached_property
    def meeting_words(self) -> dict[str, str]:
        """Folded gathering word -> 'conference' or 'activity'."""
        return {_key(r[0]): r[1] for r in self.rows("meeting_words.tsv")}

    @cached_property
    def meeting_kinds(self) -> list[tuple[str, str]]:
        return [(_key(r[0]), r[1]) for r in self.rows("meeting_kinds.tsv")]

    def year_cues(self, use: str) -> re.Pattern[str]:
        """Whole-word matcher of the year_cues.tsv phrases of one use (review, plan, ...)."""
        found = self._year_cues.get(use)
        if found is None:
            found = self._year_cues[use] = bounded(self.phrases("year_cues.tsv", use))
        return found

    @cached_property
    def organise_verbs(self) -> str:
        """Pattern of the verbs that introduce a reported gathering (organise_verbs.txt)."""
        return self.pattern("organise_verbs.txt")

    @cached_property
    def organised_events(self) -> str:
        """Pattern of the words that name a gathering after an organising verb only."""
        return self.pattern("organised_events.txt")

    @cached_property
    def not_meetings(self) -> re.Pattern[str]:
        """Phrases that start like a gathering word but are none ('lễ hội', 'thăm hỏi')."""
        return re.compile(rf"(?<!\w)(?:{self.pattern('not_meetings.txt')})")

    @cached_property
    def delegations(self) -> re.Pattern[str]:
        """Gathering words that name a delegation ('đoàn công tác'): its unit organises it."""
        return re.compile(self.pattern("delegations.txt"))

    @cached_property
    def meeting_concerns(self) -> re.Pattern[str]:
        """Verbs by which a meeting concerns a document (meeting_concerns.txt)."""
        return bounded(self.phrases("meeting_concerns.txt"))

    def byline_words(self, use: str) -> frozenset[str]:
        """'outlet' words that end a byline, 'not_name' signatures, 'label' credit words."""
        return self._byline_words.get(use, frozenset())

    @cached_property
    def _byline_words(self) -> dict[str, frozenset[str]]:
        out: dict[str, set[str]] = {}
        for r in self.rows("byline_words.tsv"):
            out.setdefault(r[1], set()).add(_key(r[0]))
        return {use: frozenset(words) for use, words in out.items()}

    def decree_cues(self, use: str) -> str:
        """Pattern of the 'subject' or 'trigger' phrases of decree_cues.tsv."""
        return self.pattern("decree_cues.tsv", use)

    @cached_property
    def decree_code_kinds(self) -> dict[str, str]:
        """Number code -> kind: 'NĐ' -> 'Nghị định' (used when only a number is written)."""
        out = {}
        for r in self.rows("decree_kinds.tsv"):
            for code in (r[3].split(",") if len(r) > 3 else []):
                if code.strip():
                    out[code.strip()] = r[1]
        return out

    @cached_property
    def cue_exclusions(self) -> re.Pattern[str]:
        return bounded(self.phrases("cue_exclusions.txt"))

    @cached_property
    def cue_compounds(self) -> dict[str, frozenset[str]]:
        """Cue word -> first words that make it part of another word ('vinh dự' = honoured)."""
        out: dict[str, set[str]] = {}
        for first, cue in self.rows("cue_compounds.tsv"):
            out.setdefault(_key(cue), set()).add(_key(first))
        return {k: frozenset(v) for k, v in out.items()}

    def is_cue(self, folded: str, start: int) -> bool:
        """Is the cue matched at `start` a real cue (not 'dự thảo', not 'vinh dự')?"""
        if self.cue_exclusions.match(folded, start):
            return False
        for cue, firsts in self.cue_compounds.items():
            if folded.startswith(cue, start) and folded[max(0, start - 8):start].split()[-1:] in (
                    [f] for f in firsts):
                return False
        return True

    @cached_property
    def abbreviations(self) -> tuple[re.Pattern[str], dict[str, str]]:
        """One case-sensitive whole-word matcher of all abbreviations and their expansions."""
        data = sorted(self.rows("abbreviations.tsv"), key=lambda r: -len(r[0]))
        alts = [re.escape(a) + ("" if a.endswith(".") else r"(?!\w)") for a, _ in data]
        expansions = {a: e + " " if a.endswith(".") else e for a, e in data}
        return re.compile(rf"(?<![\w.])(?:{'|'.join(alts)})"), expansions
