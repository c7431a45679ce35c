"""Small helpers for tests: extract an invented text and look at the result by name."""

from __future__ import annotations

from typing import Any

from vnkg.extraction import extract_record
from vnkg.extraction.document import Document


def record(text: str, published: str | None = None) -> dict[str, Any]:
    return extract_record(Document(id="t", text=text, published=published))


def people(rec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in rec["persons"]}


def posts(rec: dict[str, Any], name: str) -> list[str]:
    return [x["surface"] for x in people(rec)[name]["positions"]]


def roles(rec: dict[str, Any]) -> set[tuple[str, str]]:
    names = {p["id"]: p["name"] for p in rec["persons"]}
    return {(names[r["source"]], r["type"]) for r in rec["relations"]}
