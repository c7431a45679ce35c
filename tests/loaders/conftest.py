"""Fixtures for the store tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def union_gap() -> str:
    """SPARQL counting the statements in the default graph (the union) that no named graph
    holds, and the reverse: 0 when the union is whole."""
    return """SELECT (COUNT(*) AS ?n) WHERE {
  { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }
  UNION { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } } }"""
