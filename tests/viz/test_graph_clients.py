"""The graph files opened by the tools people use: each reads every node and edge of the
view, the display names as labels (the hostile one unchanged) and the relation types.

Gephi (toolkit 0.10, its own importers), graphology and d3-force (node), python-igraph,
networkx (the venv's, and 3.3 from its wheel): fetched by tools/graphfiles/fetch.sh; a missing
one skips, and fails under CI=true. The table of what each read lands in
test-artifacts/graph-clients.md (the README's compatibility table comes from it).
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from tests.paths import ROOT
from tests.viz.graph_clients import GraphClients, Read, difference

Files = dict[str, tuple[nx.MultiDiGraph, dict[str, Path]]]
CASES = [("Gephi toolkit", "graphml"), ("Gephi toolkit", "gexf"), ("graphology", "graphml"),
         ("graphology", "gexf"), ("graphology", "json"), ("d3-force", "json"),
         ("python-igraph", "graphml"), ("networkx", "graphml"), ("networkx", "gexf"),
         ("networkx", "json"), ("networkx 3.3", "graphml"), ("networkx 3.3", "json")]


@pytest.mark.parametrize("view", ["hostile", "articles"])
@pytest.mark.parametrize(("client", "fmt"), CASES)
def test_client_reads_the_whole_view(client: str, fmt: str, view: str, graph_files: Files,
                                     client_reads: dict[str, dict[str, Read]]) -> None:
    graph, paths = graph_files[view]
    assert difference(client_reads[client][str(paths[fmt])], graph) == ""


def test_hostile_name_shown_by_every_client(graph_files: Files, file_hostile_name: str,
                                            client_reads: dict[str, dict[str, Read]]) -> None:
    _, paths = graph_files["hostile"]
    for client, fmt in CASES:
        assert file_hostile_name in client_reads[client][str(paths[fmt])]["labels"], (client, fmt)


def test_gephi_keeps_typed_parallel_edges_apart(graph_files: Files,
                                                client_reads: dict[str, dict[str, Read]]) -> None:
    graph, paths = graph_files["articles"]
    parallel = {(u, v) for u, v, k in graph.edges(keys=True) if graph.number_of_edges(u, v) > 1}
    assert parallel, "the sample articles have a chair who also spoke at the same meeting"
    for fmt in ("graphml", "gexf"):
        read = client_reads["Gephi toolkit"][str(paths[fmt])]
        assert read["edges"] == graph.number_of_edges()
        assert not [i for i in read["issues"] if i.startswith(("SEVERE", "CRITICAL"))]


def test_igraph_reads_each_typed_edge_once(graph_files: Files,
                                           client_reads: dict[str, dict[str, Read]]) -> None:
    """On the sample articles (slug ids): igraph 1.0 returns an `&` in an XML attribute, as in
    the hostile node id, as "&#38;" (its labels, element text, are read unchanged)."""
    graph, paths = graph_files["articles"]
    keys = client_reads["python-igraph"][str(paths["graphml"])]["edge keys"]
    assert sorted(keys) == sorted((u, d["type"], v) for u, v, d in graph.edges(data=True))


def test_networkx_33_cannot_read_gexf_13(graph_files: Files,
                                         client_reads: dict[str, dict[str, Read]]) -> None:
    """Known and documented: networkx 3.3 reads GEXF up to 1.2draft; 1.3 needs a later one."""
    _, paths = graph_files["articles"]
    assert "No <graph> element" in client_reads["networkx 3.3"][str(paths["gexf"])]["error"]


def test_readme_table_names_each_client(graph_clients: GraphClients) -> None:
    """Each reader in the README's table, with its version where tools/graphfiles pins it
    (python-igraph and the venv's networkx come with whatever pip installs)."""
    readme = (ROOT / "README.md").read_text("utf-8")
    table = readme.split("## Graph files", 1)[1].split("\n## ", 1)[0]
    for client, version in graph_clients.versions().items():
        assert f"| {client.split(' 3.3')[0]}" in table, client
        if client not in ("python-igraph", "networkx"):
            assert version.split(" ")[0] in table, (client, version)
