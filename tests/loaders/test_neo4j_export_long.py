"""A CSV export whose field is longer than neo4j-admin reads by default (4 MiB: the `stated`
list of a rank that 100,000 articles name) imports, with the real neo4j-admin."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.ci import unavailable
from tests.paths import ROOT
from vnkg.graph.model import Fragment, Node
from vnkg.loaders.export import export_graph
from vnkg.loaders.neo4j_export import ARGS_FILE
from vnkg.loaders.neo4j_server import can_start_local
from vnkg.loaders.oxigraph_store import OxigraphStore

LONG = 9 * (1 << 20)  # characters of the long field (neo4j-admin read 5 MiB with 4)


def _import(folder: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(ROOT / "tools" / "neo4j" / "import.sh"), str(folder)],
                          env=dict(os.environ, NEO4J_HOME=str(home)), capture_output=True,
                          text=True, timeout=600, check=False)


@pytest.fixture(scope="module")
def long_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The CSV export of one article naming a decree whose name is LONG characters (not a
    unit or a meeting: the key read back with their name, and a meeting's title, would
    double the longest field)."""
    reason = can_start_local()
    if reason:
        unavailable(f"no neo4j-admin to import with (required when CI=true): {reason}")
    frag = Fragment("bai-dai", "2024-05")
    frag.add_node(Node("decree/dai", "Decree", {"name": "Ban quân " * (LONG // 9)}))
    folder = tmp_path_factory.mktemp("long") / "csv"
    with OxigraphStore(None) as store:
        assert store.write_fragments([frag]).failed == []
        export_graph(store, "csv", folder, reference=False)
    return folder


def test_a_field_past_four_mib_imports(long_export: Path, tmp_path: Path) -> None:
    args = (long_export / ARGS_FILE).read_text(encoding="utf-8").split()
    assert "--read-buffer-size=11m" in args  # 9 MiB of name, its `stated` entry longer
    done = _import(long_export, tmp_path / "home")
    assert done.returncode == 0, done.stderr[-2000:]


def test_without_the_larger_buffer_it_does_not(long_export: Path, tmp_path: Path) -> None:
    plain = tmp_path / "csv"
    plain.mkdir()
    for f in long_export.iterdir():
        text = f.read_text(encoding="utf-8")
        if f.name == ARGS_FILE:
            text = "".join(f"{a}\n" for a in text.split() if "read-buffer" not in a)
        (plain / f.name).write_text(text, encoding="utf-8")
    done = _import(plain, tmp_path / "home")
    assert done.returncode != 0
    assert "Error in input data" in done.stdout + done.stderr
