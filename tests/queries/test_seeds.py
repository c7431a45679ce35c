"""Seeds change how fast a named query runs, never its rows.

Each query runs on the sample articles with the parameter sets of the Neo4j parity test, once
as `run_named` sends it (seeds looked up, their FILTER tests settled) and once as written,
with only the parameters bound.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from loaders.oxigraph_store import OxigraphStore
from queries import bind_params, names, order_rows, read_query
from queries.run import run_named
from tests.loaders.test_store_queries import cases, sample_fragments, sample_values


@pytest.fixture(scope="module")
def seeded() -> Iterator[tuple[OxigraphStore, dict[str, str]]]:
    fragments = sample_fragments()
    with OxigraphStore(None) as rdf:
        rdf.write_fragments(fragments)
        yield rdf, sample_values(fragments)


@pytest.mark.parametrize("name", [n for n in names() if read_query(n).seeds])
def test_seeded_rows_are_the_rows_of_the_query_as_written(
        name: str, seeded: tuple[OxigraphStore, dict[str, str]]) -> None:
    rdf, values = seeded
    query = read_query(name)
    compared = 0
    for params in cases(name, values):
        params = {k: v for k, v in params.items() if v not in ("", None)}
        bound = {f"p_{k}": v for k, v in bind_params(query, params).items()}
        as_written = order_rows(rdf.select(query.text, bound), query.columns, query.lists)
        assert run_named(rdf, name, params) == as_written, f"{name} {params}"
        compared += bool(params and as_written)
    assert compared, f"{name}: no seeded case gave rows, so the comparison says nothing"
