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


def make_id(label: str, *key: str | None) -> str:
    """Id of a node: `label/slug-hash`, both from the folded canonical key parts alone (the
    slug from the first), so every spelling of the same key gives the same id.

    >>> make_id("Person", "Nguyễn Văn A", "tỉnh Bắc Kạn") == make_id("Person", "NGUYỄN VĂN A",
    ...                                                            "Tỉnh Bắc Kạn")
    True
    >>> make_id("Person", "Nguyễn Văn A", "tỉnh Bắc Kạn")[:20]
    'person/nguyen-van-a-'
    """
    folded = [fold(k or "") for k in key]
    digest = hashlib.sha256("\x1f".join([label, *folded]).encode()).hexdigest()[:10]
    return f"{label.lower()}/{slug(folded[0] if folded else '')}-{digest}"


def article_id(doc_id: str) -> str:
    """Id of an article node: its document id kept whole (it names the RDF graph too)."""
    return f"article/{doc_id}"
