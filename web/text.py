"""An article's text with its mentions marked: the evidence spans of its statements (by
their character offsets into the NFC text) and the names of the nodes it states.

The store keeps the evidence words and offsets, not whole texts; the text is read again
from the file the build read (the Article node's `path`), as vnkg reads it
(extract.read), so the offsets index it. The segments are plain data; the template escapes
every piece of text.

>>> from vnkg.graph.model import Fragment, Node
>>> frag = Fragment("a1", None)
>>> _ = frag.add_node(Node("person/x", "Person", {"name": "Lò Văn Khiêm"}))
>>> [(s.text, s.node) for s in marked_segments("Ông Lò Văn Khiêm nói.", frag, "a1")]
[('Ông ', None), ('Lò Văn Khiêm', 'person/x'), (' nói.', None)]
"""

from __future__ import annotations

import codecs
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from vnkg.extraction.keys import fold_same_length
from vnkg.extraction.read import jsonl_line, jsonl_line_id
from vnkg.graph.model import Fragment

MARKED = ("Person", "Unit", "Locality", "Decree", "Rank")


@dataclass(frozen=True)
class Segment:
    """A piece of the text: inside an evidence span (`evidence`: its start-end anchor) or
    not, naming a node (`node`, its `label`) or not; `anchors`: the evidence spans opening
    here."""

    text: str
    node: str | None = None
    label: str = ""
    evidence: str | None = None
    anchors: tuple[str, ...] = ()


def article_text(path: str, doc_id: str) -> str | None:
    """The NFC text of article `doc_id` read from `path` as the build read it; None when the
    file is not at hand any more (or no longer holds that article)."""
    if not path:
        return None
    file = Path(path)
    if not file.is_file():
        return None
    stat = file.stat()
    if file.suffix.lower() == ".jsonl":
        return _jsonl_text(str(file.resolve()), stat.st_mtime_ns, doc_id)
    return _read(str(file.resolve()), stat.st_mtime_ns, doc_id)


def _jsonl_text(path: str, mtime: int, doc_id: str) -> str | None:
    """Article `doc_id` of a JSON Lines file, from its one line read as the build read it:
    the whole file (thousands of articles) takes seconds to read again. The line is found by
    a quick index of the file (its ids as JSON gives them); where the line found does not
    make that document as the reader makes it (an id the reader normalises, a line it skips),
    by the exact one, as slow as the reader."""
    for exact in (False, True):
        index = _line_index(path, mtime, exact)
        if index is None:  # UTF-16: the lines cannot be found by their bytes
            return _read(path, mtime, doc_id)
        if doc_id in index:
            offset, number = index[doc_id]
            with open(path, "rb") as fh:
                fh.seek(offset)
                doc = jsonl_line(Path(path), number, fh.readline())
            if doc is not None and doc.id == doc_id:
                return doc.text
    return None


@lru_cache(maxsize=16)
def _line_index(path: str, _mtime: int, exact: bool) -> dict[str, tuple[int, int]] | None:
    """The byte offset and number of each article's line in a JSON Lines file, by its id
    (the first line with that id, as the build keeps): `exact`, the id the reader gives it
    (0.24 s for 5,000 articles); else the line's `id` as JSON reads it (ten times faster),
    which the caller checks. None for a UTF-16 file."""
    out: dict[str, tuple[int, int]] = {}
    offset = 0
    stem = Path(path).stem
    with open(path, "rb") as fh:
        if fh.read(2) in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            return None
        fh.seek(0)
        for number, line in enumerate(fh, 1):
            doc_id = (jsonl_line_id(Path(path), number, line) if exact
                      else _quick_id(stem, number, line))
            if doc_id is not None:
                out.setdefault(doc_id, (offset, number))
            offset += len(line)
    return out


def _quick_id(stem: str, number: int, line: bytes) -> str | None:
    """A line's id as JSON reads it (the reader's rule for a line without one), or None."""
    try:
        row = json.loads(line)
    except ValueError:
        return None
    return str(row.get("id") or f"{stem}-{number}") if isinstance(row, dict) else None


@lru_cache(maxsize=64)
def _read(path: str, _mtime: int, doc_id: str) -> str | None:
    from vnkg.extraction.read import read_documents

    for doc in read_documents([path]):
        if doc.id == doc_id:
            return doc.text
    return None


def _names(text: str, fragment: Fragment) -> list[tuple[int, int, str, str]]:
    """Where each node's name occurs in the text (folded, offsets kept), longest first."""
    folded = fold_same_length(text)
    spans: list[tuple[int, int, str, str]] = []
    taken = [False] * len(text)
    nodes = [(str(n.props.get("name") or ""), n.id, n.label) for n in fragment.nodes.values()
             if n.label in MARKED]
    for name, node_id, label in sorted(nodes, key=lambda n: (-len(n[0]), n[1])):
        needle = fold_same_length(name)
        if len(needle) < 2 or len(needle) != len(name):
            continue
        at = folded.find(needle)
        while at >= 0:
            end = at + len(needle)
            if not any(taken[at:end]) and _bounded(folded, at, end):
                spans.append((at, end, node_id, label))
                taken[at:end] = [True] * (end - at)
            at = folded.find(needle, end)
    return spans


def _bounded(text: str, start: int, end: int) -> bool:
    """The span starts and ends at word boundaries."""
    return (start == 0 or not text[start - 1].isalnum()) and (
        end == len(text) or not text[end].isalnum())


def marked_segments(text: str, fragment: Fragment, doc_id: str) -> list[Segment]:
    """The text cut at every mention's start and end: each piece knows the node it names
    and the evidence span it lies in (the narrowest, where spans overlap), whatever order
    the store gives the fragment in."""
    spans = [(ev.start, ev.end) for e in fragment.edges.values() for ev in e.evidence
             if ev.article == doc_id and 0 <= ev.start < ev.end <= len(text)]
    names = _names(text, fragment)
    cuts = sorted({0, len(text), *(p for s in spans for p in s),
                   *(p for n in names for p in n[:2])})
    starts: dict[int, list[str]] = {}
    for s, e in sorted(set(spans)):
        starts.setdefault(s, []).append(f"ev-{s}-{e}")
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a >= b:
            continue
        named = next((n for n in names if n[0] <= a and b <= n[1]), None)
        inside = min((s for s in spans if s[0] <= a and b <= s[1]),
                     key=lambda s: (s[1] - s[0], s), default=None)  # the narrowest span
        ev = f"ev-{inside[0]}-{inside[1]}" if inside else None
        out.append(Segment(text[a:b], named[2] if named else None, named[3] if named else "",
                           ev, tuple(starts.pop(a, ()))))
    return out
