"""Fixtures for the view tests: a small invented graph (two provinces, districts, meetings on
one decree, officials with ranks and posts) with a hostile name and evidence text in it.

All names and sentences are made up for the tests.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest

import vnkg
from tests.ci import unavailable
from tests.paths import ROOT
from tests.viz.graph_clients import (
    GraphClients,
    Read,
    run_gephi,
    run_igraph,
    run_networkx,
    run_networkx33,
    run_node,
    write_table,
)
from vnkg.graph.model import Edge, Evidence, Fragment, Graph, Node, PropValue
from vnkg.graph.nx import to_networkx
from vnkg.loaders.store import open_store
from vnkg.viz.export import write_view
from vnkg.viz.views import overview

PAYLOAD = '<img src=x onerror="window.pwned=1">'
HOSTILE_NAME = f"Trần Văn {PAYLOAD}"
HOSTILE_TEXT = f'Đại tá {PAYLOAD} phát biểu "chỉ đạo" </script><script>window.pwned=2</script>'

PLACES: list[tuple[str, str, str, str | None]] = [  # id, name, type, parent
    ("loc/tinh-lam-binh", "Lâm Bình", "tỉnh", None),
    ("loc/huyen-son-ha", "Sơn Hà", "huyện", "loc/tinh-lam-binh"),
    ("loc/huyen-thuy-hoa", "Thuỷ Hoà", "huyện", "loc/tinh-lam-binh"),
    ("loc/huyen-na-ri", "Na Rì", "huyện", "loc/tinh-lam-binh"),
    ("loc/xa-son-ha-1", "xã Tân Sơn", "xã", "loc/huyen-son-ha"),
    ("loc/tinh-bac-son", "Bắc Sơn", "tỉnh", None),
    ("loc/huyen-dong-lac", "Đồng Lạc", "huyện", "loc/tinh-bac-son"),
]
PEOPLE: list[tuple[str, str, str | None]] = [  # id, name, rank
    ("person/hoang-van-khanh", "Hoàng Văn Khánh", "rank/dai-ta"),
    ("person/lo-thi-thuy", "Lò Thị Thuỷ", None),
    ("person/ma-duc-long", "Ma Đức Long", "rank/thuong-ta"),
    ("person/hostile", HOSTILE_NAME, "rank/dai-ta"),
]
Role = tuple[str, str, str | None]
MEETINGS: list[tuple[str, str, str, str, str, list[Role]]] = [
    # id, name, date, place, article, [(person, role, qualifier)]
    ("meeting/a1", "Hội nghị triển khai Nghị định 21", "2024-03-05", "loc/huyen-son-ha", "art/1",
     [("person/hoang-van-khanh", "CHAIRED", None), ("person/lo-thi-thuy", "ATTENDED", None),
      ("person/ma-duc-long", "SPOKE_AT", "tham luận")]),
    ("meeting/a2", "Diễn tập khu vực phòng thủ xã Tân Sơn", "2024-06-20", "loc/xa-son-ha-1",
     "art/2", [("person/ma-duc-long", "CHAIRED", None), ("person/lo-thi-thuy", "ATTENDED", None),
               ("person/hoang-van-khanh", "ATTENDED", None)]),
    ("meeting/a3", "Sơ kết công tác quốc phòng", "2025-01-10", "loc/huyen-dong-lac", "art/3",
     [("person/hostile", "CHAIRED", None), ("person/hoang-van-khanh", "SPOKE_AT", "chỉ đạo")]),
]
DECREE = "decree/21-2019-nd-cp"
# what a graph file must carry unchanged: XML and JSON syntax, an apostrophe, a line break
FILE_HOSTILE_NAME = 'Lò "Văn" <b>Ẩn</b> & \'Tư\'\nthứ hai'
FILE_HOSTILE_ID = 'person/"q"<&\'\nid'
CLIENTS = ROOT / "tools" / "graphfiles"
GRAPH_FORMATS = ("graphml", "gexf", "json")


def _ev(article: str, text: str) -> list[Evidence]:
    return [Evidence(article, 0, len(text), text)]


def _build_graph() -> Graph:
    """The invented model graph."""
    frag = Fragment("art/1", "2024-03-05")
    frag.add_node(Node(DECREE, "Decree", {"name": "Nghị định 21/2019/NĐ-CP",
                                          "number": "21/2019/NĐ-CP", "kind": "Nghị định"}))
    for pid, name, kind, parent in PLACES:
        frag.add_node(Node(pid, "Locality", {"name": name, "type": kind}))
        if parent:
            frag.add_edge(Edge("PART_OF", pid, parent))
    for pid, name, rank in PEOPLE:
        frag.add_node(Node(pid, "Person", {"name": name}))
        if rank:
            frag.add_node(Node(rank, "Rank", {"name": "Đại tá" if "dai" in rank else "Thượng tá"}))
            evidence = _ev("art/1", f"{name} nhận quân hàm")
            frag.add_edge(Edge("HAS_RANK", pid, rank, evidence=evidence))
    frag.add_node(Node("unit/bchqs-son-ha", "Unit", {"name": "Ban CHQS huyện Sơn Hà"}))
    frag.add_node(Node("pos/cht-son-ha", "Position", {"name": "Chỉ huy trưởng"}))
    frag.add_edge(Edge("HOLDS", "person/hoang-van-khanh", "pos/cht-son-ha"))
    frag.add_edge(Edge("IN_UNIT", "pos/cht-son-ha", "unit/bchqs-son-ha"))
    frag.add_edge(Edge("LOCATED_IN", "unit/bchqs-son-ha", "loc/huyen-son-ha"))
    g = Graph()
    g.add_fragment(frag)
    for mid, name, date, place, art, roles in MEETINGS:
        f = Fragment(art, date)
        f.add_node(Node(mid, "Meeting", {"name": name, "date": date, "kind": "hội nghị"}))
        f.add_edge(Edge("HELD_IN", mid, place))
        f.add_edge(Edge("CONCERNS", mid, DECREE, evidence=_ev(art, f"Quán triệt {name}.")))
        for pid, role, qualifier in roles:
            props: dict[str, PropValue] = {"qualifier": qualifier} if qualifier else {}
            text = HOSTILE_TEXT if pid == "person/hostile" else f"Đồng chí dự {name}."
            f.add_edge(Edge(role, pid, mid, props, _ev(art, text)))
        for pid, *_ in roles:
            f.add_node(Node(pid, "Person", {}))
        f.add_node(Node(place, "Locality", {}))
        f.add_node(Node(DECREE, "Decree", {}))
        g.add_fragment(f)
    return g


def _sample_nx() -> nx.MultiDiGraph:
    return to_networkx(_build_graph())


@pytest.fixture(scope="session")
def sample_nx() -> Callable[[], nx.MultiDiGraph]:
    """Makes the invented graph, as `graph.nx.to_networkx` projects it (a new one each call)."""
    return _sample_nx


@pytest.fixture(scope="session")
def payload() -> str:
    """Markup that runs script if a page ever inserts it as HTML."""
    return PAYLOAD


@pytest.fixture(scope="session")
def hostile_name() -> str:
    """The name of the invented official whose name carries `payload`."""
    return HOSTILE_NAME


@pytest.fixture(scope="session")
def decree() -> str:
    """The id of the decree every invented meeting concerns."""
    return DECREE


def _hostile_file_nx() -> nx.MultiDiGraph:
    """The invented graph whose hostile official has a name and an id of XML and JSON syntax
    and a line break, and a qualifier of the same on his SPOKE_AT."""
    g = _sample_nx()
    nx.relabel_nodes(g, {"person/hostile": FILE_HOSTILE_ID}, copy=False)
    g.nodes[FILE_HOSTILE_ID]["name"] = FILE_HOSTILE_NAME
    g.add_edge(FILE_HOSTILE_ID, "meeting/a3", key="SPOKE_AT", type="SPOKE_AT",
               qualifier=FILE_HOSTILE_NAME, sources=["art/3"])
    return g


@pytest.fixture(scope="session")
def hostile_file_nx() -> Callable[[], nx.MultiDiGraph]:
    """Makes the invented graph with `file_hostile_name` on a node whose id is hostile too."""
    return _hostile_file_nx


@pytest.fixture(scope="session")
def file_hostile_name() -> str:
    """Quotes, an apostrophe, <, & and a newline: every graph file keeps it unchanged."""
    return FILE_HOSTILE_NAME


@pytest.fixture(scope="session")
def graph_clients() -> GraphClients:
    """The Gephi toolkit, graphology, d3-force and networkx 3.3, fetched by
    tools/graphfiles/fetch.sh: skipped with the reason when missing, a failure under CI=true."""
    java, node = shutil.which("java"), shutil.which("node")
    classpath = CLIENTS / "target" / "classpath.txt"
    wheels = sorted((CLIENTS / "target" / "wheels").glob("networkx-3.3-*.whl"))
    missing = [what for what, ok in [
        ("java", java), ("node", node), ("the Gephi toolkit", classpath.is_file()),
        ("graphology and d3-force", (CLIENTS / "node_modules" / "d3-force").is_dir()),
        ("networkx 3.3", wheels)] if not ok]
    if missing or not java or not node:
        unavailable(f"graph-file readers missing ({', '.join(missing)}): "
                    "run `bash tools/graphfiles/fetch.sh`")
    return GraphClients(CLIENTS, java, node, classpath.read_text("utf-8").strip(), wheels[0])


@pytest.fixture(scope="session")
def graph_files(tmp_path_factory: pytest.TempPathFactory, sample_store: Path
                ) -> dict[str, tuple[nx.MultiDiGraph, dict[str, Path]]]:
    """Two views, each as GraphML, GEXF and JSON: "hostile" (the overview of the invented graph
    with the hostile official, written by `write_view`) and "articles" (the sample articles'
    overview, written by `vnkg.view` from their store). Name -> (view graph, format -> file)."""
    out = tmp_path_factory.mktemp("graph-files")
    hostile = overview(_hostile_file_nx())
    with open_store(sample_store) as store:
        articles = overview(to_networkx(store.read_graph()))
    files: dict[str, tuple[nx.MultiDiGraph, dict[str, Path]]] = {
        "hostile": (hostile, {}), "articles": (articles, {})}
    for fmt in GRAPH_FORMATS:
        files["hostile"][1][fmt] = write_view(hostile, out / f"hostile.{fmt}")
        files["articles"][1][fmt] = vnkg.view("overview", output=out / f"articles.{fmt}", fmt=fmt,
                                              store=sample_store)
    return files


@pytest.fixture(scope="session")
def client_reads(graph_clients: GraphClients, artifacts: Path,
                 graph_files: dict[str, tuple[nx.MultiDiGraph, dict[str, Path]]]
                 ) -> dict[str, dict[str, Read]]:
    """What each reader read of each file it opens: reader -> file path -> read (see
    tests/viz/graph_clients.py). Also writes the table test-artifacts/graph-clients.md."""
    def of(*formats: str) -> list[Path]:
        return [paths[f] for _, paths in graph_files.values() for f in formats]

    reads = {
        "Gephi toolkit": run_gephi(graph_clients, of("graphml", "gexf")),
        "graphology": run_node(graph_clients, "graphology", of("graphml", "gexf", "json")),
        "d3-force": run_node(graph_clients, "d3", of("json")),
        "python-igraph": run_igraph(of("graphml")),
        "networkx": run_networkx(of("graphml", "gexf", "json")),
        "networkx 3.3": run_networkx33(graph_clients, of("graphml", "gexf", "json")),
    }
    write_table(artifacts / "graph-clients.md", reads, graph_clients.versions(), graph_files)
    return reads
