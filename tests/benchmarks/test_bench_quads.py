"""bench_quads counts a built store's quads and what each store proposal would take off."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from pyoxigraph import NamedNode, Store

from vnkg.graph.vocab import ID, node_iri


def test_the_counts_add_up_on_the_samples(sample_store: Path, bench_quads: ModuleType) -> None:
    res = bench_quads.quad_kinds(str(sample_store))
    assert res["articles"] == 15
    kinds = res["named_by_kind"]
    assert sum(kinds.values()) == pytest.approx(res["named_per_article"], abs=0.05 * len(kinds))
    _, terms, ids = res["savings_per_article"].values()
    # each figure rounded to 0.1 on its own; what the union alone holds stays stored
    assert res["all_three_per_article"] == pytest.approx(
        res["named_per_article"] + res["union_only_per_article"] - terms[1] - ids[0]
        - res["union_only_ids_per_article"], abs=0.25)
    assert res["union_view_repeats"] == pytest.approx(
        res["named_per_article"] / (res["union_per_article"] - res["union_only_per_article"]
                                    + res["graph_only_per_article"]), abs=0.1)
    assert res["graph_only_per_article"] > 0  # the evidence, in the articles' graphs alone
    assert 0 < res["union_only_per_article"] < res["union_per_article"]
    assert res["union_view_repeats"] > 1  # the samples share people, units and places


def test_the_most_stated_node_is_counted_per_graph(sample_store: Path,
                                                   bench_quads: ModuleType) -> None:
    most = bench_quads.quad_kinds(str(sample_store))["most_stated_node"]
    store = Store.read_only(str(sample_store))
    node = NamedNode(node_iri(most["node"]))
    graphs = {q.graph_name for q in store.quads_for_pattern(node, None, None)
              if isinstance(q.graph_name, NamedNode)
              and q.graph_name.value.startswith(f"{ID}article/")
              and not q.graph_name.value.endswith("/reference")}
    assert most["graphs"] == len(graphs) > 1

