"""The large graph's answer (web.biggraph) and the versioned cache it is kept in (web.cache):
columns of one length, the same bytes for the same graph whatever order it was built in,
gzip that is the same JSON, a value read again only when the store's version changes, and
the answer made from the page queries (what the server serves) equal, by content, to the one
made from the whole graph read through the graph model (what it served before), on the
sample articles with the reference gazetteer and on the 20,020-node store. The quick look
that sends the overview to the WebGL page (graph-many) and the count (graph-size) count what
the answer draws; past a given count the answer is the store's aggregate (viz.aggregate)."""

from __future__ import annotations

import gzip
import json
import threading
import time
from pathlib import Path
from typing import Any

import networkx as nx

from tests.web.helpers import MEETING
from vnkg.graph.model import Fragment, Node
from vnkg.graph.nx import to_networkx
from vnkg.loaders.store import open_store
from vnkg.viz.aggregate import aggregate_overview
from vnkg.web.biggraph import encode, graph_json, rows_json
from vnkg.web.cache import Shelf, Versioned
from vnkg.web.data import (
    Source,
    content_digest,
    graph_rows,
    graph_size,
    graph_size_past,
    page_query,
)
from vnkg.web.graph import WEBGL_NODES, kept

NODE_COLUMNS = ("ids", "names", "kind", "province", "dates", "x", "y")


def _graph(reverse: bool = False) -> nx.MultiDiGraph:
    """Two invented districts, three meetings and two invented people."""
    nodes = [("locality/a", {"label": "Locality", "name": "Huyện Thử A", "province": "Tỉnh X"}),
             ("locality/b", {"label": "Locality", "name": "Huyện Thử B", "province": "Tỉnh Y"}),
             *((f"meeting/{i}", {"label": "Meeting", "name": f"Hội nghị {i}",
                                 "date": f"2024-0{i + 1}-02"}) for i in range(3)),
             ("person/p", {"label": "Person", "name": "Người Thử Một"}),
             ("person/q", {"label": "Person", "name": "Người Thử Hai"})]
    edges = [("meeting/0", "locality/a", "HELD_IN"), ("meeting/1", "locality/a", "HELD_IN"),
             ("meeting/2", "locality/b", "HELD_IN"), ("person/p", "meeting/0", "ATTENDED"),
             ("person/q", "meeting/2", "CHAIRED")]
    g = nx.MultiDiGraph()
    for n, data in reversed(nodes) if reverse else nodes:
        g.add_node(n, **data)
    for s, t, k in reversed(edges) if reverse else edges:
        g.add_edge(s, t, key=k, type=k)
    return g


def test_columns_hold_every_node_and_edge() -> None:
    data = graph_json(_graph())
    assert {len(data[c]) for c in NODE_COLUMNS} == {7}
    assert len(data["edges"]) == 5 * 3
    at = {n: i for i, n in enumerate(data["ids"])}
    person = at["person/p"]
    assert data["kinds"][data["kind"][person]] == "Person"
    assert data["province"][person] == -1  # no place of its own
    assert data["provinces"][data["province"][at["meeting/0"]]] == "Tỉnh X"  # its place's
    assert data["dates"][at["meeting/1"]] == "2024-02-02"
    assert len(data["colors"]) == len(data["kinds"])
    triples = {(data["ids"][s], data["ids"][t], data["relations"][r])
               for s, t, r in zip(*[iter(data["edges"])] * 3, strict=True)}
    assert ("person/q", "meeting/2", "CHAIRED") in triples


def test_the_answer_is_the_same_bytes_whatever_the_build_order() -> None:
    first, second = (encode(graph_json(g)) for g in (_graph(), _graph(reverse=True)))
    assert first.body == second.body and first.gzipped == second.gzipped
    assert first.nodes == 7
    assert json.loads(gzip.decompress(first.gzipped)) == json.loads(first.body)


def _once(kept: Versioned[int], value: int) -> None:
    """Ask `kept` until it gives `value` (its look runs in a thread)."""
    deadline = time.monotonic() + 10
    while kept.get() != value:
        assert time.monotonic() < deadline, f"still {kept.get()}, not {value}"
        time.sleep(0.01)


def test_a_kept_value_is_read_again_only_when_the_version_changes() -> None:
    reads: list[int] = []
    version = ["v1"]
    kept = Versioned(lambda: reads.append(1) or len(reads), lambda: version[0], check=0.0)
    assert kept.ready() is None and not reads  # looking does not read
    assert (kept.get(), kept.get(), kept.ready()) == (1, 1, 1)
    time.sleep(0.2)  # the looks of those gets saw the same version
    assert len(reads) == 1
    version[0] = "v2"
    _once(kept, 2)
    time.sleep(0.2)
    assert (kept.get(), len(reads)) == (2, 2)
    slow = Versioned(lambda: reads.append(1) or len(reads), lambda: version[0], check=3600)
    first = slow.get()
    version[0] = "v3"
    assert slow.get() == first  # not looked at again within `check` seconds


def test_a_page_is_answered_with_the_kept_value_while_the_new_one_is_read() -> None:
    version, release = ["v1"], threading.Event()
    reads: list[int] = []

    def load() -> int:
        if reads:  # every read after the first waits for the test
            assert release.wait(10)
        reads.append(1)
        return len(reads)

    kept = Versioned(load, lambda: version[0], check=0.0)
    assert kept.get() == 1
    version[0] = "v2"
    started = time.monotonic()
    assert [kept.get() for _ in range(20)] == [1] * 20  # not held up by the read under way
    assert time.monotonic() - started < 1
    release.set()
    _once(kept, 2)


def test_the_embedded_stores_version_is_read_once_per_opening(
        tmp_path: Path, sample_fragments: list[Fragment]) -> None:
    """Open, the embedded store cannot change (no build can take it), so its list of
    articles is read once while it stays open; reopened after a build, it is read again."""
    path = tmp_path / "s"
    with open_store(path) as store:
        assert not store.write_fragments(sample_fragments[:2]).failed
    source = Source(path, linger=60)
    try:
        with source.store() as store:
            reads: list[int] = []
            listed = store.articles
            store.articles = lambda: reads.append(1) or listed()  # type: ignore[method-assign]
            first = source.version()
            assert source.version() == first and len(reads) == 1
        source.close()
        with open_store(path) as store:
            assert not store.write_fragments(sample_fragments[2:3]).failed
        assert source.version() != first
    finally:
        source.close()


def _both(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The answer from the page queries and the one from the whole graph, of one store."""
    with open_store(path, wait=120) as store:
        return rows_json(*graph_rows(store)), graph_json(to_networkx(store.read_graph()))


def test_the_page_queries_give_the_whole_graphs_answer_on_the_samples(
        web_store: Path) -> None:
    new, old = _both(web_store)
    assert new == old
    at = {n: i for i, n in enumerate(new["ids"])}
    kinds = {k: [i for i, kind in enumerate(new["kind"]) if new["kinds"][kind] == k]
             for k in new["kinds"]}
    assert {"Person", "Meeting", "Locality", "Decree", "Article"} <= set(kinds)
    # not vacuous: provinces and dates that come from a node's links, and no reference data
    assert any(new["province"][i] >= 0 for i in kinds["Meeting"])
    assert any(new["dates"][i] for i in kinds["Person"])
    with open_store(web_store, wait=120) as store:
        assert "reference" in store.articles()  # the gazetteer is there (10,000 places)...
    assert 0 < len(kinds["Locality"]) < 500  # ...and left out: only the places named
    assert new["dates"][at[MEETING]] == "2024-07-01"


def test_the_page_queries_give_the_whole_graphs_answer_on_20k_nodes(big_store: Path) -> None:
    new, old = _both(big_store)
    assert len(new["ids"]) == 20020 and len(new["edges"]) == 19000 * 3
    assert new == old


def _described(answer: dict[str, Any]) -> set[str]:
    """The ids of an answer's nodes that have a label (not an end no article describes)."""
    return {n for n, k in zip(answer["ids"], answer["kind"], strict=True)
            if answer["kinds"][k] != "None"}


def test_the_quick_look_counts_what_the_page_draws(web_store: Path, big_store: Path) -> None:
    with open_store(web_store, wait=120) as store:
        looked = {r["id"] for r in page_query(store, "graph-many", {})}
        answer = rows_json(*graph_rows(store))
        assert not graph_size_past(store, WEBGL_NODES)
    assert looked == _described(answer)  # the gazetteer's 10,000 places left out
    with open_store(big_store, wait=120) as store:
        looked = {r["id"] for r in page_query(store, "graph-many", {})}
        assert graph_size_past(store, WEBGL_NODES)
        assert not graph_size_past(store, WEBGL_NODES + 1)  # it cannot tell past its limit
    assert len(looked) == WEBGL_NODES + 1 and looked <= set(rows_json(*_rows(big_store))["ids"])


def test_the_count_is_of_the_nodes_the_page_draws(web_store: Path, big_store: Path) -> None:
    for path in (web_store, big_store):
        with open_store(path, wait=120) as store:
            counted, answer = graph_size(store), rows_json(*graph_rows(store))
        assert counted == len(_described(answer)), path  # the gazetteer's places left out
    assert counted == 20020


def test_past_the_limit_the_answer_is_the_stores_aggregate(web_store: Path,
                                                           tmp_path: Path) -> None:
    source, shelf = Source(web_store, wait=120), Shelf(tmp_path / "cache", "graph")
    try:  # one shelf: each limit's answer kept apart
        whole, small = kept(source, shelf).get(), kept(source, shelf, whole=10).get()
        assert kept(source, shelf).get() == whole
    finally:
        source.close()
    assert len(list(shelf.folder.iterdir())) == 2
    with open_store(web_store, wait=120) as store:
        counted, overview = graph_size(store), aggregate_overview(store)
    answer = json.loads(small.body)
    assert answer["aggregate"] == {"nodes": counted, "title": overview.graph["title"]}
    assert "aggregate" not in json.loads(whole.body)
    assert small.nodes == counted > 10  # the WebGL page is chosen as for the whole graph
    assert sorted(overview.nodes) == answer["ids"]
    kinds = [answer["kinds"][k] for k in answer["kind"]]
    assert {"Locality", "Unit", "Person"} <= set(kinds)
    # each province its own, and a unit in one is filtered with it
    assert answer["provinces"] and all(
        p >= 0 for p, k in zip(answer["province"], kinds, strict=True) if k == "Locality")
    assert any(p >= 0 for p, k in zip(answer["province"], kinds, strict=True) if k == "Unit")


def _rows(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    with open_store(path, wait=120) as store:
        return graph_rows(store)


def test_a_shelf_keeps_bytes_per_key_and_only_the_newest(tmp_path: Path) -> None:
    shelf = Shelf(tmp_path / "cache", "graph", keep=2)
    assert shelf.get("aa") is None
    for key in ("aa", "bb", "cc"):
        shelf.put(key, key.encode(), len(key))
    assert (shelf.get("aa"), shelf.get("cc")) == (None, (b"cc", 2))
    assert len(list((tmp_path / "cache").iterdir())) == 2


def test_the_answer_kept_on_disk_is_the_one_read_and_follows_the_content(
        tmp_path: Path, sample_fragments: list[Fragment]) -> None:
    """Two stores of the same articles have one digest: a server over either answers from
    the disk what it would read; a changed article changes the digest."""
    paths = [tmp_path / "a", tmp_path / "b"]
    for path in paths:
        with open_store(path) as store:
            assert not store.write_fragments(sample_fragments).failed
    digests = []
    for path in paths:
        with open_store(path) as store:
            digests.append(content_digest(store, b"rules"))
    assert digests[0] == digests[1] and digests[0] is not None
    shelf, sources = Shelf(tmp_path / "cache", "graph"), [Source(p) for p in paths]
    read, shelved = (kept(source, shelf).get() for source in sources)
    assert shelved == read and len(list(shelf.folder.iterdir())) == 1
    sources[1].close()
    with open_store(paths[1]) as store:
        changed = Fragment(sample_fragments[0].article, sample_fragments[0].published)
        changed.add_node(Node("person/nguoi-moi", "Person", {"name": "Người Mới"}))
        store.write_fragments([changed])
        assert content_digest(store, b"rules") != digests[0]
    assert kept(sources[1], shelf).get() != read
    for source in sources:
        source.close()
    assert len(list(shelf.folder.iterdir())) == 2
