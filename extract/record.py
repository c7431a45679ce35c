"""Assemble one schema-valid record (spec/record.schema.json) per article: the entry points.

The work is done by the steps of `extract.pipeline`, in the order declared there.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from vnkg.extraction.document import Document
from vnkg.extraction.pipeline import SCHEMA, run

__all__ = ["SCHEMA", "extract_record", "extract_records"]


def extract_records(docs: Iterable[Document]) -> Iterator[dict[str, Any]]:
    """Stream records for documents, one each, in order."""
    for doc in docs:
        yield extract_record(doc)


def extract_record(doc: Document) -> dict[str, Any]:
    """Extract what one article says as a plain JSON-able record.

    >>> r = extract_record(Document(id="x1", text="Sáng 9/10, Đại tá Lê Văn Tám chủ trì hội nghị."))
    >>> r["persons"][0]["name"], r["relations"][0]["type"]
    ('Lê Văn Tám', 'CHAIRED')
    """
    return run(doc).record
