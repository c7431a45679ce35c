"""Deterministic ids: a readable slug plus a short hash of the canonical key, never counters.

The same canonical key gives the same id in every build, on every machine, so a second load
of the same articles changes nothing and a new article about a known official joins his node.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from extract.text import fold

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str, limit: int = 40) -> str:
    """ASCII slug of Vietnamese text: diacritics dropped, đ → d.

    >>> slug("Nguyễn Trọng Lăng")
    'nguyen-trong-lang'
    """
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return _NON_SLUG.sub("-", text).strip("-")[:limit].strip("-") or "x"


def make_id(label: str, display: str, *key: str | None) -> str:
    """Id of a node: `label/slug-hash`, the hash over the folded canonical key parts.

    >>> make_id("Person", "Nguyễn Văn A", "nguyễn văn a", "tỉnh bắc kạn")[:20]
    'person/nguyen-van-a-'
    """
    canonical = "\x1f".join(fold(k or "") for k in key)
    digest = hashlib.sha256(f"{label}\x1f{canonical}".encode()).hexdigest()[:10]
    return f"{label.lower()}/{slug(display)}-{digest}"


def article_id(doc_id: str) -> str:
    """Id of an article node: its document id kept whole (it names the RDF graph too)."""
    return f"article/{doc_id}"
