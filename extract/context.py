"""The per-document working state the extractors share: text, folded text, sentences, tokens."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from vnkg.extraction.keys import local_id as make_id  # noqa: F401 - re-exported (record, links)
from vnkg.extraction.text import fold_same_length

_UPPER = "".join(chr(c) for c in range(0x41, 0x1F00) if chr(c).isupper() and chr(c).isalpha())
CAP_WORD = re.compile(rf"[{re.escape(_UPPER)}][^\W\d_]*(?:['’][^\W\d_]+)*")
# A sentence end: '(?<=[.!?…])["”»)]?[ \t]+|\s*\n\s*|\s*\|\s*', written to start with its first
# character (a space, a closing quote or '|') so that the scan skips every other character fast;
# each branch then looks back at what it consumed.
_SENT_END = re.compile(r"[\s\"”»)|](?:(?<=[.!?…][\"”»)])[ \t]+|(?<=[.!?…][ \t])[ \t]*"
                       r"|(?<=\n)\s*|(?<=\s)\s*\n\s*|(?<=\|)\s*|(?<=\s)\s*\|\s*)")
_ABBR_BEFORE = re.compile(r"(?:\b[A-ZĐ]|TP|TX|TT|ThS|TS|PGS|GS|Tp|St|v\.v)\.$")


class Token(NamedTuple):
    """One capitalised word with its offsets in the NFC text."""

    start: int
    end: int
    text: str


@dataclass
class Ctx:
    """Everything extractors need about one document; built once by `make_ctx`."""

    doc_id: str
    text: str
    folded: str
    published: str | None
    sentences: list[tuple[int, int]]
    tokens: list[Token]  # capitalised words only: names, places and units start with one
    token_starts: list[int] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)
    person_spans: list[tuple[int, int]] = field(default_factory=list)
    memo: dict[tuple[Any, ...], Any] = field(default_factory=dict)  # per-document lookups

    def sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.sentence_starts, pos) - 1
        return self.sentences[max(i, 0)]

    def token_index(self, pos: int) -> int:
        """Index of the first token starting at or after `pos`."""
        return bisect_right(self.token_starts, pos - 1)

    def matches(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """Every match of `pattern` in the folded text, scanned once per document (several
        finders walk the same lexicon matches)."""
        key = ("matches", pattern)
        if key not in self.memo:
            self.memo[key] = list(pattern.finditer(self.folded))
        return self.memo[key]  # type: ignore[no-any-return]

    def in_person(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a person's name (a plain loop: asked for most
        capitalised words, faster than any() over a generator)."""
        for s, e in self.person_spans:  # noqa: SIM110 - 4x faster than any() here
            if s < end and start < e:
                return True
        return False


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: split at sentence punctuation before a capital, at newlines and '|'.

    >>> split_sentences("Sáng 9/10, hội nghị. Đồng chí A dự.")
    [(0, 20), (21, 35)]
    """
    out, start = [], 0
    for m in _SENT_END.finditer(text):
        nxt = text[m.end(): m.end() + 1]
        if "\n" not in m.group(0) and "|" not in m.group(0) and (
            not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in "\"“«(-")
            or _ABBR_BEFORE.search(text[max(0, m.start() - 5): m.start()])
        ):
            continue
        if text[start: m.start()].strip():
            out.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text.rstrip())))
    return out or [(0, len(text))]


def make_ctx(doc_id: str, text: str, published: str | None) -> Ctx:
    """Build the shared state for one NFC text."""
    new = tuple.__new__  # Token's own constructor costs twice the scan, over every word
    tokens = [new(Token, (m.start(), m.end(), m.group())) for m in CAP_WORD.finditer(text)]
    sentences = split_sentences(text)
    return Ctx(doc_id, text, fold_same_length(text), published, sentences, tokens,
               [t.start for t in tokens], [s for s, _ in sentences])

