"""A fast precomputed layout for big views, so the browser draws with physics off.

Fruchterman–Reingold with sampled repulsion: each step pushes every node away from a few
random others instead of all of them, which is O(nodes + edges) per step in numpy. Links
to hubs (a rank or a decree linked to thousands) pull weakly, or they would glue every
cluster into one ball. The result is scaled so that each node gets about SPACING² of room.
A 20,000-node graph takes a second or two.
"""

from __future__ import annotations

import math
from typing import Any

import networkx as nx
import numpy as np

SAMPLES = 12      # random partners per node per step for repulsion
SPACING = 60.0    # room per node (its square), in vis-network canvas units
GRAVITY = 0.01    # pull to the centre, so separate components stay in view
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
HUB_DEGREE = 30   # a link to a node with more links than this pulls less, in proportion


def fast_layout(g: nx.Graph, iterations: int = 80,
                seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions {node: (x, y)} in canvas units, deterministic for a given seed.

    >>> pos = fast_layout(nx.path_graph(3))
    >>> sorted(pos) == [0, 1, 2] and all(len(p) == 2 for p in pos.values())
    True
    """
    nodes = list(g)
    n = len(nodes)
    if n == 0:
        return {}
    index = {v: i for i, v in enumerate(nodes)}
    pairs = np.array([(index[u], index[v]) for u, v in g.edges() if u != v], dtype=np.int64)
    pairs = pairs.reshape(-1, 2)
    degree = np.bincount(pairs.ravel(), minlength=n)
    # a link to a hub pulls weakly: hubs would glue every cluster into one ball
    weight = np.minimum(1.0, HUB_DEGREE / np.maximum(degree[pairs[:, 0]], degree[pairs[:, 1]]))
    rng = np.random.default_rng(seed)
    pos = _seed_positions(g, index, rng)
    temperature = math.sqrt(n) / 20 + 1
    for step in range(iterations):
        disp = _repulsion(pos, rng) + _attraction(pos, pairs, weight) - GRAVITY * pos
        length = np.maximum(np.linalg.norm(disp, axis=1, keepdims=True), 1e-9)
        cool = temperature * (1 - step / iterations) + 0.05
        pos += disp / length * np.minimum(length, cool)
    pos -= np.median(pos, axis=0)
    half = float(np.median(np.linalg.norm(pos, axis=1))) or 1.0  # outliers do not count
    pos *= SPACING * math.sqrt(n / (2 * math.pi)) / half
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for i, v in enumerate(nodes)}


def _seed_positions(g: nx.Graph, index: dict[Any, int], rng: np.random.Generator) -> np.ndarray:
    """Start each community (label propagation) as its own disc, discs packed in a spiral,
    so clusters need not find each other from a uniform random start (they never do)."""
    simple = nx.Graph(g.edges())
    simple.add_nodes_from(g)
    groups = sorted(nx.community.label_propagation_communities(simple),
                    key=lambda c: (-len(c), min(index[v] for v in c)))
    pos = np.zeros((len(index), 2))
    area = 0.0
    for i, group in enumerate(groups):
        size = len(group)
        radius = math.sqrt(area + size / 2)
        angle = i * GOLDEN_ANGLE
        centre = np.array([math.cos(angle), math.sin(angle)]) * radius * 2
        area += size
        members = [index[v] for v in sorted(group, key=index.__getitem__)]
        spread = math.sqrt(size) * 0.6
        pos[members] = centre + rng.uniform(-spread, spread, size=(size, 2))
    return pos


def _repulsion(pos: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    n = len(pos)
    if n < 2:
        return np.zeros_like(pos)
    out = np.zeros_like(pos)
    scale = (n - 1) / min(SAMPLES, n - 1)
    for _ in range(min(SAMPLES, n - 1)):
        other = rng.integers(0, n, size=n)
        delta = pos - pos[other]
        dist2 = np.maximum((delta ** 2).sum(axis=1, keepdims=True), 1e-2)
        out += delta / dist2 * scale * (other != np.arange(n))[:, None]
    return out


def _attraction(pos: np.ndarray, pairs: np.ndarray, weight: np.ndarray) -> np.ndarray:
    out = np.zeros_like(pos)
    if len(pairs) == 0:
        return out
    delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
    dist = np.linalg.norm(delta, axis=1, keepdims=True)
    force = delta * dist * weight[:, None]
    np.add.at(out, pairs[:, 0], -force)
    np.add.at(out, pairs[:, 1], force)
    return out
