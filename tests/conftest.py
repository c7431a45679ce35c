"""Shared fixtures: the repository, ../shared beside it (spec and corpus), a store built from
the samples, and a small invented fragment to write and read back."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph as RdfGraph

from tests.ci import unavailable
from tests.paths import EXAMPLES, ROOT, SHARED
from vnkg.extraction.document import Document
from vnkg.extraction.keys import name_key
from vnkg.extraction.read import read_documents
from vnkg.graph.model import Edge, Evidence, Fragment, Node
from vnkg.loaders.oxigraph_store import OxigraphStore

CORPUS_SETS = {"dev": "dev.jsonl", "dev2": "dev2.jsonl", "seeds": "seeds"}

pytest_plugins = ["tests.conftest_sparql", "tests.conftest_servers", "tests.conftest_neo4j",
                  "tests.conftest_browser",
                  "tests.conftest_samples", "tests.conftest_tenure"]


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the checkout: required in CI, skipped with a reason elsewhere."""
    if not (SHARED / "spec" / "record.schema.json").is_file():
        unavailable(f"{SHARED} is missing (the corpus and spec live beside the repository)")
    return SHARED


@pytest.fixture(scope="session")
def schema(shared: Path) -> dict[str, Any]:
    return json.loads((shared / "spec" / "record.schema.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def corpus_docs(shared: Path) -> dict[str, list[Document]]:
    """The shared corpus by set name (dev, dev2, seeds), read as the product reads articles
    (`extract.read.read_documents`): ids, NFC text and publication dates as `vnkg` sees them."""
    docs = {}
    for name, source in CORPUS_SETS.items():
        path = shared / "corpus" / source
        if not path.exists():
            unavailable(f"{path} is missing (the corpus lives beside the repository)")
        docs[name] = list(read_documents([path]))
    return docs


@pytest.fixture(scope="session")
def expected() -> dict[str, Any]:
    return json.loads((ROOT / "examples" / "expected.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def base_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphStore]:
    """An embedded store holding what every build starts from (the ontology and the reference
    gazetteer, about 290,000 triples), written once for the session; read it through
    `reference_copy`, never write to it."""
    with OxigraphStore(tmp_path_factory.mktemp("base") / "vnkg-data") as store:
        store.write_base(reference=True)
        yield store


@pytest.fixture(scope="session")
def reference_copy(base_store: OxigraphStore) -> Callable[[Path], Path]:
    """`reference_copy(folder)`: a new store in `folder` (which must not exist) holding the
    ontology and the reference gazetteer, as `write_base(reference=True)` leaves an empty
    store; returns `folder`. A checkpoint of `base_store` (hard links): instant where writing
    the gazetteer again takes seconds. Builds into it skip the base, already stored."""

    def copy(folder: Path) -> Path:
        assert base_store.oxigraph is not None
        folder.parent.mkdir(parents=True, exist_ok=True)
        base_store.oxigraph.backup(str(folder))
        return folder

    return copy


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory,
                 reference_copy: Callable[[Path], Path]) -> Path:
    """An RDF store built once from the sample articles (read-only for the tests using it)."""
    import vnkg

    path = reference_copy(tmp_path_factory.mktemp("store") / "vnkg-data")
    report = vnkg.build([EXAMPLES], store=path)
    assert report.ok, report.problems
    return path


@pytest.fixture(scope="session")
def articles_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An RDF store of the sample articles without the reference gazetteer (read-only)."""
    import vnkg

    path = tmp_path_factory.mktemp("store") / "articles"
    report = vnkg.build([EXAMPLES], store=path, reference=False, overrides=None)
    assert report.ok, report.problems
    return path


@pytest.fixture(scope="session")
def union(articles_store: Path) -> RdfGraph:
    """The stored union of the sample articles (without the gazetteer), as rdflib holds it."""
    graph = RdfGraph()
    with OxigraphStore(articles_store) as store:
        for triple in store.union_triples():
            graph.add(triple)
    return graph


@pytest.fixture(scope="session")
def hostile() -> str:
    """A name of quotes, escapes, SPARQL and HTML syntax: every store keeps it unchanged."""
    return 'Lò "Văn" A\\ } ; DROP <script>alert(1)</script> // @vi'


@pytest.fixture(scope="session")
def sample_fragment() -> Callable[..., Fragment]:
    """Makes the fragment of an invented article: `sample_fragment(article="bai-1",
    name="Hoàng Văn Thạch")`, a person who chairs and speaks at a meeting in Bắc Kạn."""
    return _sample_fragment


def _sample_fragment(article: str = "bai-1", name: str = "Hoàng Văn Thạch") -> Fragment:
    frag = Fragment(article, "2024-05-02")
    frag.add_node(Node(f"article/{article}", "Article",
                       {"name": "Hội nghị", "published": "2024-05-02", "doc_id": article}))
    frag.add_node(Node("person/p1", "Person", {"name": name, "key": name_key(name)}))
    meeting = "Hội nghị sơ kết"
    frag.add_node(Node("meeting/m1", "Meeting", {"name": meeting, "title": meeting,
                                                 "date": "2024-05-02",
                                                 "key": name_key(meeting)}))
    frag.add_node(Node("locality/2024-066", "Locality", {"name": "Bắc Kạn", "type": "tỉnh",
                                                         "code": "066"}))
    frag.add_edge(Edge("CHAIRED", "person/p1", "meeting/m1", {"confidence": 0.9},
                       [Evidence(article, 10, 42, f"{name} chủ trì hội nghị")]))
    frag.add_edge(Edge("SPOKE_AT", "person/p1", "meeting/m1",
                       {"qualifiers": ["khai mạc", "kết luận"]}))
    frag.add_edge(Edge("HELD_IN", "meeting/m1", "locality/2024-066"))
    return frag
