"""Seeds change how fast a named query runs, never its rows.

Each query runs on the sample and tenure articles with the parameter sets of the Neo4j
parity test, once as `run_named` sends it (seeds looked up, their FILTER tests settled) and
once as written, with only the parameters bound (as the store binds them, and inside each
subquery marked `# seeded`, which no binding of the enclosing query reaches).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pytest
from pyoxigraph import Literal, NamedNode, Quad
from rdflib import URIRef

from vnkg.graph.model import Fragment
from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.queries import bind_params, names, order_rows, read_query
from vnkg.queries.run import prepare_named, run_named
from vnkg.queries.seeds import parse_seeds, seed_values, with_params


@pytest.fixture(scope="module")
def seeded(sample_fragments: list[Fragment], tenure_fragments: list[Fragment],
           parameter_values: Callable[[list[Fragment]], dict[str, str]]
           ) -> Iterator[tuple[OxigraphStore, dict[str, str]]]:
    """The samples and the tenure articles (ranks, stated bounds), as the parity test has."""
    samples = [*sample_fragments, *tenure_fragments]
    with OxigraphStore(None) as rdf:
        rdf.write_fragments(samples)
        yield rdf, parameter_values(samples)


@pytest.mark.parametrize("name", [n for n in names() if read_query(n).seeds])
def test_seeded_rows_are_the_rows_of_the_query_as_written(
        name: str, seeded: tuple[OxigraphStore, dict[str, str]],
        query_cases: Callable[[str, dict[str, str]], list[dict[str, Any]]]) -> None:
    rdf, values = seeded
    query = read_query(name)
    compared = 0
    for params in query_cases(name, values):
        params = {k: v for k, v in params.items() if v not in ("", None)}
        bound = {f"p_{k}": v for k, v in bind_params(query, params).items()}
        as_written = order_rows(rdf.select(with_params(query.text, bound), bound),
                                query.columns, query.lists)
        assert run_named(rdf, name, params) == as_written, f"{name} {params}"
        compared += bool(params and as_written)
    assert compared, f"{name}: no seeded case gave rows, so the comparison says nothing"


@pytest.mark.parametrize("name", ["decree-trace", "decrees-cited"])
@pytest.mark.parametrize("on", [{}, {"map": "2024"}, {"map": "2025"}])
def test_a_province_seeded_on_its_map_settles_the_province_filter(
        name: str, on: dict[str, str], seeded: tuple[OxigraphStore, dict[str, str]]) -> None:
    # the FILTER's EXISTS, tested on every row, made decree-trace take seconds at 100k
    rdf, values = seeded
    text, _ = prepare_named(rdf, name, {"province": values["province"], **on})
    assert 'COALESCE(?p_province, "")' not in text  # the "any" test, made true
    assert "VALUES ?m" in text


def test_decree_gaps_seeds_its_counts_in_their_own_groups(
        seeded: tuple[OxigraphStore, dict[str, str]]) -> None:
    # Oxigraph evaluates the counts' OPTIONALs once over the whole store: 3 s at 100k unseeded
    rdf, values = seeded
    text, _ = prepare_named(rdf, "decree-gaps",
                            {"decree": values["decree"], "province": values["province"]})
    where, counts = text.split("# seeded ?um:")
    in_province, nowhere = counts.split("# seeded ?zd:")
    assert "VALUES ?pr" in where and "VALUES ?m " in where
    assert "VALUES ?um" not in where and "VALUES ?zd" not in where
    assert in_province.count("VALUES ?um") == 2 and "VALUES ?zd" not in in_province
    assert nowhere.count("VALUES ?zd") == 1 and "VALUES ?um" not in nowhere
    # no seed reaches the test that the decree is known, so the decree's FILTERs stay
    assert where.count('STR(COALESCE(?p_decree, "")) = ""') == 2


def test_variables_seeded_by_the_same_lookups_share_one_answer() -> None:
    calls: list[str] = []

    def run(text: str, bindings: Mapping[str, Any]) -> list[str]:
        calls.append(text)
        return ["https://vnkg.dev/id/meeting/a"]

    seeds = parse_seeds("decree ?m concerns; decree ?um concerns; decree ?zd")
    values = seed_values(run, seeds, {"decree": "1/2024/NĐ-CP"})
    assert values["m"] == values["um"] == [URIRef("https://vnkg.dev/id/meeting/a")]
    assert len(calls) == 2  # the meetings about it once, for both variables; the decree once


@pytest.mark.parametrize("value", ['say "hi"', "a\\\\b\\\"c", "two\nlines\r", "} } ; DROP ALL #",
                                   "'''x'''", '"""y"""', "Hòa <b>&amp;</b> \u0000"])
def test_a_value_bound_inside_a_seeded_subquery_is_a_term_never_query_text(value: str) -> None:
    """A parameter a `# seeded` subquery gets is serialised as one term: it matches itself
    and nothing else, whatever quotes, escapes, braces or line breaks it holds."""
    text = ("SELECT ?n ?p_v WHERE { { SELECT ?n (COUNT(*) AS ?c) WHERE { # seeded\n"
            "?n <https://vnkg.dev/ns#name> ?p_v } GROUP BY ?n } }")
    with OxigraphStore(None) as rdf:
        assert rdf.oxigraph is not None
        for i, name in enumerate((value, value + "x", "x")):
            rdf.oxigraph.add(Quad(NamedNode(f"https://vnkg.dev/id/n{i}"),
                                  NamedNode("https://vnkg.dev/ns#name"), Literal(name)))
        before = rdf.count()
        rows = rdf.select(with_params(text, {"p_v": value}), {"p_v": value})
        assert [r["n"] for r in rows] == ["n0"]
        assert rdf.count() == before
