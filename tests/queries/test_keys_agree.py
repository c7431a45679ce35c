"""Stored keys, query parameters and views agree: one key per name (extract.keys).

A query finds a node when the node's stored `key` equals its parameter's key
(`param_key`), so every node's key must be the key of its own name given as a parameter;
and every spelling by which a view finds a node must then find it in a query too.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from vnkg.extraction.keys import param_key, strip_marks
from vnkg.graph.model import Graph
from vnkg.graph.nx import to_networkx
from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.queries.run import run_named
from vnkg.viz.match import find_nodes

KIND = {"Person": "person", "Unit": "unit", "Locality": "locality", "Decree": "decree",
        "Meeting": "person", "Position": "person", "Rank": "person"}  # the rest: a name key


@pytest.fixture(scope="module")
def graph(sample_store: Path) -> Graph:
    with OxigraphStore(sample_store) as rdf:
        return rdf.read_graph()


def test_every_node_s_key_is_the_key_of_its_name_as_a_parameter(graph: Graph) -> None:
    checked = 0
    for node in graph.nodes.values():
        if "key" in node.props:
            kind = KIND[node.label]
            assert node.props["key"] == param_key(kind, str(node.props["name"])), node.id
            checked += 1
    assert checked > 200


def test_every_reference_locality_s_keys_are_parameter_keys() -> None:
    from vnkg.graph.reference import reference_fragment

    nodes = list(reference_fragment().nodes.values())
    assert len(nodes) > 10_000
    for node in nodes:
        assert node.props["key"] == param_key("locality", node.props["name"]), node.id
        assert node.props["key"] in node.props["within_keys"], node.id


def _spellings(name: str) -> list[str]:
    """How a user may type a name: as written, in capitals, without diacritics."""
    return [name, name.upper(), strip_marks(name).lower()]


def test_a_spelling_that_finds_a_node_in_a_view_finds_it_in_a_query(graph: Graph) -> None:
    g: nx.MultiDiGraph = to_networkx(graph)
    for node in graph.nodes.values():
        if node.label not in ("Person", "Unit", "Decree") or "key" not in node.props:
            continue
        for typed in _spellings(str(node.props["name"])):
            if node.id in find_nodes(g, typed, [node.label]):
                assert param_key(KIND[node.label], typed) == node.props["key"], (node.id, typed)


@pytest.mark.parametrize(("query", "param", "typed", "name"), [
    ("chairs", "person", "bui khac thieu", "Bùi Khắc Thiệu"),
    ("person-meetings", "person", "TRIEU DUC PHONG", "Triệu Đức Phong"),
    ("chairs", "decree", "21/2019/ND-CP", "21/2019/NĐ-CP"),
    ("decree-trace", "decree", "nghi dinh 21/2019/nd-cp", "Nghị định 21/2019/NĐ-CP"),
    ("chairs", "locality", "ba be", "huyện Ba Bể"),
])
def test_a_name_without_diacritics_finds_the_rows(sample_store: Path, query: str, param: str,
                                                  typed: str, name: str) -> None:
    with OxigraphStore(sample_store) as rdf:
        plain = run_named(rdf, query, {param: typed})
        marked = run_named(rdf, query, {param: name})
    assert plain and plain == marked
