"""The merge log: which mentions resolution joined into one node, which it kept apart, and why.

It is read off the graph itself (every node lists its articles; a person's `anchor` and
`anchored_by` say what joined them), so it is always the log of the store as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vnkg.graph.model import Graph


@dataclass(frozen=True)
class Merge:
    """One node supported by several articles, and the reason they were joined."""

    id: str
    name: str
    articles: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class KeptApart:
    """Several people of one name that resolution did not join, with what tells them apart."""

    name: str
    ids: tuple[str, ...]
    anchors: tuple[str, ...]


def merge_log(graph: Graph, label: str = "Person") -> tuple[list[Merge], list[KeptApart]]:
    """The merges and the same-name nodes kept apart, for nodes of `label`.

    >>> merge_log(Graph())
    ([], [])
    """
    merges: list[Merge] = []
    by_key: dict[str, list[Any]] = {}
    for node in graph.nodes.values():
        if node.label != label:
            continue
        by_key.setdefault(str(node.props.get("key") or node.id), []).append(node)
        articles = tuple(graph.sources_of(node))
        if len(articles) > 1:
            name = str(node.props.get("name"))
            merges.append(Merge(node.id, name, articles, _reason(node.props)))
    apart = [KeptApart(str(nodes[0].props.get("name")), tuple(n.id for n in nodes),
                       tuple(str(n.props.get("anchor") or "—") for n in nodes))
             for nodes in by_key.values() if len(nodes) > 1]
    return sorted(merges, key=lambda m: m.id), sorted(apart, key=lambda k: k.name)


def _reason(props: dict[str, Any]) -> str:
    anchor = props.get("anchor")
    how = props.get("anchored_by") or []
    how_text = " / ".join(how) if isinstance(how, list) else str(how)
    if anchor:
        return f"same name and same {how_text}: {anchor}"
    return f"same name; {how_text or 'nothing else known'}"
