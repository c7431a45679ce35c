"""The input document: what extraction reads, after decoding and normalisation."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    """One article, its text already NFC-normalised (offsets in records index this text).

    >>> Document(id="a1", text="Sáng 9/10, ...").id
    'a1'
    """

    id: str
    text: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date at the precision known: YYYY, YYYY-MM or YYYY-MM-DD
    outlet: str | None = None
