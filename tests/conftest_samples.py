"""Pytest plugin: the articles the store and query tests load, and what they ask of them.

`sample_fragments` are the sample articles (examples/articles) extracted and resolved,
`corpus_fragments` the seed and dev articles of the shared corpus; `parameter_values` finds
parameter values in fragments and `query_cases` gives the parameter sets each named query is
run with.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from tests.paths import EXAMPLES
from vnkg.extraction import extract_record
from vnkg.extraction.document import Document
from vnkg.extraction.read import read_documents
from vnkg.graph.model import Fragment, Graph
from vnkg.graph.resolve import to_fragment

Values = dict[str, str]
Cases = Callable[[str, Values], list[dict[str, Any]]]


def _fragments(docs: list[Document]) -> list[Fragment]:
    return [to_fragment(extract_record(doc), doc.text) for doc in docs]


@pytest.fixture(scope="session")
def sample_fragments() -> list[Fragment]:
    """The fragments of the sample articles, extracted once for the session (the stores
    and Graph.add_fragment copy what they take: never change them in a test)."""
    return _fragments(list(read_documents([EXAMPLES])))


@pytest.fixture(scope="module")
def corpus_fragments(corpus_docs: dict[str, list[Document]]) -> list[Fragment]:
    """The fragments of the seed and dev articles of the shared corpus."""
    return _fragments(corpus_docs["seeds"] + corpus_docs["dev"])


@pytest.fixture(scope="session")
def parameter_values() -> Callable[[list[Fragment]], Values]:
    """Finds parameter values in fragments: the busiest person, decree, unit and province,
    and the person with most ranks."""
    return _values


def _values(fragments: list[Fragment]) -> Values:
    graph = Graph()
    for frag in fragments:
        graph.add_fragment(frag)
    picks = {"person": _most(graph, ("CHAIRED",), 0, "Person"),
             "decree": _most(graph, ("CONCERNS",), 1, "Decree"),
             "unit": _most(graph, ("IN_UNIT",), 1, "Unit"),
             "ranked": _most(graph, ("HAS_RANK",), 0, "Person")}
    values = {"person_id": picks["person"] or ""}
    for kind, node_id in picks.items():
        props = graph.nodes[node_id].props if node_id else {}
        values[kind] = str(props.get("number") or props.get("name") or "")
    provinces = Counter(graph.nodes[key[2]].props.get("province") for key in graph.edges
                        if key[1] == "HELD_IN")
    values["province"] = str(provinces.most_common(1)[0][0]) if provinces else ""
    return values


def _most(graph: Graph, rel_types: tuple[str, ...], end: int, label: str) -> str | None:
    """The node of `label` at end 0 (source) or 1 (target) of the most `rel_types` edges."""
    counts = Counter(key[2 * end] for key in graph.edges if key[1] in rel_types
                     and graph.nodes[key[2 * end]].label == label)
    return counts.most_common(1)[0][0] if counts else None


@pytest.fixture(scope="session")
def query_cases() -> Cases:
    """`query_cases(name, values)`: the parameter sets a named query is compared on, none
    first, with `values` from `parameter_values`."""
    return _cases


def _cases(name: str, v: Values) -> list[dict[str, Any]]:
    person, decree, unit, province = v["person"], v["decree"], v["unit"], v["province"]
    table: dict[str, list[dict[str, Any]]] = {
        "chairs": [{}, {"person": person}, {"decree": decree},
                   {"from": "2023-01-01", "to": "2024-12-31"}, {"locality": province}],
        "person-meetings": [{}, {"person": person}, {"person": v["person_id"]}],
        "decree-trace": [{}, {"decree": decree}, {"decree": decree, "province": province},
                         {"decree": decree, "map": "2025"}, {"province": province, "map": "2025"}],
        "decree-gaps": [{}, {"decree": decree, "province": province}, {"province": province}],
        "career": [{}, {"person": person}],
        "unit-people": [{}, {"unit": unit}],
        "co-attendance": [{}, {"person": person, "min": 1}, {"min": 2}],
        "locality-timeline": [{}, {"locality": province}, {"locality": province, "map": "2025"}],
        "decrees-cited": [{}, {"province": province}, {"map": "2025"},
                          {"province": province, "map": "2025"}],
        "sources": [{}, {"id": v["person_id"]}, {"id": person}],
        "holders": [{}, {"unit": unit}, {"unit": unit, "date": "2023-03-15"}, {"date": "2024"}],
        "succession": [{}, {"unit": unit}],
        "rank-history": [{}, {"person": person}, {"person": v["person_id"]},
                         {"person": v["ranked"]}],
        "officials-at": [{}, {"locality": province, "date": "2024-05"}, {"locality": province}],
    }
    return table[name]
