"""A user's corrections to resolution: pin two nodes together, or split one apart.

The overrides file is small JSON that the next build honours:

    {"same": [["person/nguyen-van-a-1a2b", "person/nguyen-van-a-9f8e"]],
     "different": [{"id": "person/le-van-b-77aa", "articles": ["bai-12", "bai-40"]}]}

`same`: every id of a group becomes the first id. `different`: in the listed articles the
node gets an id of its own (the same for all those articles), so it stops merging with the
node the other articles support.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from vnkg.graph.ids import make_id
from vnkg.graph.model import Edge, Fragment, Node


@dataclass
class Overrides:
    """Aliases (id → id it is pinned to) and splits (id → articles that get their own)."""

    alias: dict[str, str] = field(default_factory=dict)
    split: dict[str, frozenset[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.alias or self.split)


def read_overrides(path: str | Path | None) -> Overrides:
    """Read an overrides file; a missing path gives no overrides, a malformed one an error
    that names the file and what is wrong.

    >>> read_overrides(None)
    Overrides(alias={}, split={})
    """
    if path is None or not Path(path).exists():
        return Overrides()
    try:
        data = json.loads(Path(path).read_text("utf-8"))
        alias = {i: group[0] for group in data.get("same", []) for i in group[1:]}
        split = {entry["id"]: frozenset(entry["articles"]) for entry in data.get("different", [])}
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError, IndexError) as err:
        raise ValueError(f"{path}: not a valid overrides file ({err}); expected "
                         '{"same": [[id, id, ...]], "different": [{"id": ..., "articles": '
                         "[...]}]}") from err
    return Overrides(alias, split)


def apply_overrides(frag: Fragment, overrides: Overrides) -> Fragment:
    """The fragment with pinned ids merged and split ids renamed, for this article."""
    if not overrides:
        return frag
    rename = dict(overrides.alias)
    for node_id, articles in overrides.split.items():
        if frag.article in articles and node_id in frag.nodes:
            label = frag.nodes[node_id].label
            name = str(frag.nodes[node_id].props.get("name") or node_id)
            rename[node_id] = make_id(label, name, node_id, "split", *sorted(articles))
    if not any(i in frag.nodes for i in rename):
        return frag
    out = Fragment(frag.article, frag.published)
    for node in frag.nodes.values():
        out.add_node(Node(rename.get(node.id, node.id), node.label, dict(node.props)))
    for edge in frag.edges.values():
        out.add_edge(Edge(edge.type, rename.get(edge.source, edge.source),
                          rename.get(edge.target, edge.target), dict(edge.props),
                          list(edge.evidence)))
    return out
