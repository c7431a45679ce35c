"""The precomputed layout: deterministic, spread out, quick on thousands of nodes."""

from __future__ import annotations

import time

import networkx as nx
import numpy as np

from vnkg.viz.layout import SPACING, fast_layout


def test_layout_is_deterministic_and_finite() -> None:
    g = nx.les_miserables_graph()
    first, second = fast_layout(g), fast_layout(g)
    assert first == second and set(first) == set(g)
    assert np.isfinite(np.array(list(first.values()))).all()
    assert fast_layout(nx.Graph()) == {}
    assert fast_layout(nx.path_graph(1)) == {0: (0.0, 0.0)}


def test_neighbours_end_closer_than_strangers() -> None:
    g = nx.connected_caveman_graph(30, 8)
    pos = {n: np.array(p) for n, p in fast_layout(g).items()}
    linked = np.mean([np.linalg.norm(pos[u] - pos[v]) for u, v in g.edges()])
    nodes = list(g)
    rng = np.random.default_rng(0)
    pairs = rng.choice(len(nodes), size=(500, 2))
    random = np.mean([np.linalg.norm(pos[nodes[a]] - pos[nodes[b]]) for a, b in pairs])
    assert linked * 3 < random
    assert linked > SPACING / 10  # not collapsed onto one point


def test_five_thousand_nodes_in_seconds() -> None:
    g = nx.barabasi_albert_graph(5000, 2, seed=1)
    start = time.perf_counter()
    pos = fast_layout(g)
    assert len(pos) == 5000 and time.perf_counter() - start < 10
