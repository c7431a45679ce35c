"""The real readers of graph files, run on files the tests wrote: the Gephi toolkit (Java),
graphology and d3-force (node), networkx 3.3 (a subprocess on its wheel), python-igraph and
the venv's networkx (in process). Each gives, per file, what it read:
{"nodes": int, "edges": int, "labels": [node labels], "kinds": {edge type: count}}, or
{"error": text} when it could not read the file.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import igraph
import networkx as nx

from vnkg.viz.graphfile import file_graph

Read = dict[str, Any]

# networkx 3.3 in a subprocess: GraphML and GEXF as files, JSON with node_link_graph's
# defaults of that version (which read `links`)
NX33 = """
import json, sys
import networkx as nx
assert nx.__version__ == "3.3", nx.__version__
for path in sys.argv[1:]:
    try:
        if path.endswith(".json"):
            g = nx.node_link_graph(json.load(open(path, encoding="utf-8")))
        elif path.endswith(".gexf"):
            g = nx.read_gexf(path)
        else:
            g = nx.read_graphml(path, force_multigraph=True)
    except Exception as err:
        print(json.dumps({"file": path, "error": f"{type(err).__name__}: {err}"}))
        continue
    kinds = {}
    for *_, d in g.edges(data=True):
        kinds[d.get("type", d.get("label"))] = kinds.get(d.get("type", d.get("label")), 0) + 1
    print(json.dumps({"file": path, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                      "labels": [d.get("label") for _, d in g.nodes(data=True)], "kinds": kinds}))
"""


@dataclass(frozen=True)
class GraphClients:
    """Where the readers that tools/graphfiles/fetch.sh installs are."""

    folder: Path
    java: str
    node: str
    gephi_classpath: str
    networkx33: Path

    def versions(self) -> dict[str, str]:
        """Each reader's version, read from what is installed (or pinned, for Gephi)."""
        modules = self.folder / "node_modules"
        pom = (self.folder / "pom.xml").read_text("utf-8")
        gephi = re.search(r"<gephi.version>([^<]+)<", pom)

        def npm(name: str) -> str:
            return str(json.loads((modules / name / "package.json").read_text("utf-8"))["version"])

        return {"Gephi toolkit": gephi.group(1) if gephi else "?",
                "graphology": f"{npm('graphology')} (graphology-graphml "
                              f"{npm('graphology-graphml')}, "
                              f"graphology-gexf {npm('graphology-gexf')})",
                "d3-force": npm("d3-force"), "python-igraph": igraph.__version__,
                "networkx": nx.__version__, "networkx 3.3": "3.3"}


def _lines(command: list[str]) -> dict[str, Read]:
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8",
                          timeout=600, check=False)
    if done.returncode != 0:
        raise AssertionError(f"{command[0]} failed ({done.returncode}): {done.stderr[-2000:]}")
    reads = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return {read.pop("file"): read for read in reads}


def run_gephi(clients: GraphClients, paths: list[Path]) -> dict[str, Read]:
    """Gephi's importers (default settings) on GraphML and GEXF files."""
    return _lines([clients.java, "-Djava.awt.headless=true", "-cp", clients.gephi_classpath,
                   str(clients.folder / "GephiCount.java"), *map(str, paths)])


def run_node(clients: GraphClients, reader: str, paths: list[Path]) -> dict[str, Read]:
    """graphology (GraphML, GEXF, JSON) or d3-force (JSON) under node."""
    return _lines([clients.node, str(clients.folder / "read.mjs"), reader, *map(str, paths)])


def run_networkx33(clients: GraphClients, paths: list[Path]) -> dict[str, Read]:
    """networkx 3.3, imported from its wheel in a fresh interpreter."""
    head = f"import sys; sys.path.insert(0, {str(clients.networkx33)!r})\n"
    return _lines([sys.executable, "-c", head + NX33, *map(str, paths)])


def run_igraph(paths: list[Path]) -> dict[str, Read]:
    """python-igraph's GraphML reader (igraph reads no GEXF nor node-link JSON); "edge keys":
    (source id, type, target id) of each edge (igraph 1.0 fills its edge `id` attribute with
    vertex ids, so the file's edge ids are not compared)."""
    reads = {}
    for path in paths:
        g = igraph.Graph.Read_GraphML(str(path))
        names = g.vs["id"]
        reads[str(path)] = {"nodes": g.vcount(), "edges": g.ecount(), "labels": g.vs["label"],
                            "kinds": dict(Counter(g.es["type"])),
                            "edge keys": [(names[e.source], e["type"], names[e.target])
                                          for e in g.es]}
    return reads


def run_networkx(paths: list[Path]) -> dict[str, Read]:
    """The venv's networkx: read_graphml, read_gexf, node_link_graph(edges="links")."""
    reads = {}
    for path in paths:
        if path.suffix == ".json":
            data = json.loads(path.read_text("utf-8"))
            g = nx.node_link_graph(data, edges="links")
        elif path.suffix == ".gexf":
            g = nx.read_gexf(path)
        else:
            g = nx.read_graphml(path, force_multigraph=True)
        kinds = Counter(d.get("type", d.get("label")) for *_, d in g.edges(data=True))
        reads[str(path)] = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                            "labels": [d.get("label") for _, d in g.nodes(data=True)],
                            "kinds": dict(kinds)}
    return reads


def expected(view: nx.MultiDiGraph) -> Read:
    """What a reader must read of a view's file: its counts, labels and edge types."""
    g = file_graph(view)
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
            "labels": sorted(str(d["label"]) for _, d in g.nodes(data=True)),
            "kinds": dict(Counter(str(d["type"]) for *_, d in g.edges(data=True)))}


def difference(read: Read, view: nx.MultiDiGraph) -> str:
    """"" when `read` is the view whole (counts, node labels, edge types), else what differs."""
    if "error" in read:
        return f"not read: {read['error']}"
    want = expected(view)
    got = {"nodes": read["nodes"], "edges": read["edges"],
           "labels": sorted(str(label) for label in read["labels"]), "kinds": read["kinds"]}
    return "; ".join(f"{key} differ" if key in ("labels", "kinds") else
                     f"{got[key]} {key} instead of {want[key]}"
                     for key in want if got[key] != want[key])


def write_table(path: Path, reads: dict[str, dict[str, Read]], versions: dict[str, str],
                files: dict[str, tuple[nx.MultiDiGraph, dict[str, Path]]]) -> Path:
    """The compatibility table (Markdown) of what each reader read of each file."""
    rows = ["| client | version | file | view | nodes / edges read | result |",
            "| --- | --- | --- | --- | --- | --- |"]
    for client, by_file in reads.items():
        for name, (view, paths) in files.items():
            for fmt, file in paths.items():
                if str(file) not in by_file:
                    continue
                read = by_file[str(file)]
                counts = "-" if "error" in read else f"{read['nodes']} / {read['edges']}"
                result = difference(read, view) or "same nodes, edges, labels and types"
                result = result.replace("|", "/").replace("\n", " ")
                rows.append(f"| {client} | {versions[client]} | {fmt} | {name} | {counts} | "
                            f"{result} |")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path
