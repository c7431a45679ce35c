"""Shared fixtures: the repository, ../shared beside it (spec and corpus), and a store built
from the samples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extract.document import Document
from extract.read import read_documents
from tests.ci import unavailable
from tests.paths import EXAMPLES, ROOT, SHARED

CORPUS_SETS = {"dev": "dev.jsonl", "dev2": "dev2.jsonl", "seeds": "seeds"}

pytest_plugins = ["tests.conftest_sparql", "tests.conftest_neo4j", "tests.conftest_browser"]


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
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An RDF store built once from the sample articles (read-only for the tests using it)."""
    import vnkg

    path = tmp_path_factory.mktemp("store") / "vnkg-data"
    report = vnkg.build([EXAMPLES], store=path)
    assert report.ok, report.problems
    return path
