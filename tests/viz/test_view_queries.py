"""The view queries bind a step's nodes, or pairs of nodes, as one VALUES block
(viz.view_queries.select_each, select_pairs): the rows are those of each node or pair asked
alone, in chunks or not."""

from __future__ import annotations

from pathlib import Path

import pytest

from vnkg.graph.vocab import node_iri
from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.viz import view_queries
from vnkg.viz.view_queries import select_each, select_pairs, select_seeded


def _rows(rows: list[dict[str, object]]) -> list[tuple[tuple[str, str], ...]]:
    return sorted(tuple(sorted((k, str(v)) for k, v in row.items())) for row in rows)


@pytest.mark.parametrize("chunk", [500, 3])
@pytest.mark.parametrize(("name", "var"), [("incident", "node"), ("node-count", "node"),
                                           ("node-values", "node"), ("edges-from", "a"),
                                           ("edges-into", "b"), ("outgoing", "a")])
def test_a_step_reads_what_its_nodes_read_one_at_a_time(
        articles_store: Path, monkeypatch: pytest.MonkeyPatch, chunk: int, name: str,
        var: str) -> None:
    monkeypatch.setattr(view_queries, "CHUNK", chunk)
    with OxigraphStore(articles_store) as store:
        nodes = sorted(row["n"] for row in store.select(
            "PREFIX vnkg: <https://vnkg.dev/ns#> SELECT DISTINCT ?n WHERE { ?x vnkg:id ?n }"))
        params = {"skip": node_iri("no-graph")} if name == "node-values" else {}
        together = select_each(store, name, var, nodes, **params)
        alone = [row for n in nodes
                 for row in select_seeded(store, name, {var: [node_iri(n)]}, **params)]
    assert len(nodes) > 3  # more than a chunk of 3
    assert together and _rows(together) == _rows(alone)


@pytest.mark.parametrize("chunk", [500, 2])
@pytest.mark.parametrize("name", ["relation-counts", "relation-graphs"])
def test_pairs_read_what_each_pair_reads_alone(articles_store: Path,
                                               monkeypatch: pytest.MonkeyPatch, chunk: int,
                                               name: str) -> None:
    """A VALUES block of pairs binds each pair, not every pairing of their ends."""
    from vnkg.viz.read_counted import GAZETTEER

    monkeypatch.setattr(view_queries, "CHUNK", chunk)
    with OxigraphStore(articles_store) as store:
        related = store.select("""PREFIX vnkg: <https://vnkg.dev/ns#>
            SELECT DISTINCT ?a ?b WHERE { ?x ?l ?y . ?x vnkg:id ?a . ?y vnkg:id ?b }""")
        pairs = sorted((row["a"], row["b"]) for row in related)[:7]
        crossed = {(a, b) for a, _ in pairs for _, b in pairs}
        together = select_pairs(store, name, pairs, skip=GAZETTEER)
        alone = [row for pair in pairs for row in select_pairs(store, name, [pair],
                                                               skip=GAZETTEER)]
    assert len(crossed) > len(pairs)  # the ends pair otherwise too
    assert together and _rows(together) == _rows(alone)
    assert {(row["a"], row["b"]) for row in together} == set(pairs)
