"""Deterministic ids: a readable slug plus a short hash of the canonical key, never counters.

The same canonical key gives the same id in every build, on every machine, so a second load
of the same articles changes nothing and a new article about a known official joins his node.
"""

from __future__ import annotations

from vnkg.extraction.keys import make_id, slug  # their home is extract.keys

__all__ = ["article_id", "make_id", "slug"]


def article_id(doc_id: str) -> str:
    """Id of an article node: its document id kept whole (it names the RDF graph too)."""
    return f"article/{doc_id}"
