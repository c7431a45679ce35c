"""What a new user meets at the edges of the command line: names typed without diacritics,
records that are not records, a busy store, a closed pipe, Ctrl-C, a store that is not
there, files vnkg does not read, the counts of `stats`, `export --no-reference` and the
examples of `--help`. Each on a real store (the samples), end to end."""

from __future__ import annotations

import ast
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.paths import EXAMPLES, ROOT
from vnkg.cli import _COMMANDS, EPILOG, main
from vnkg.loaders.oxigraph_store import OxigraphStore

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def _json_rows(capsys: pytest.CaptureFixture[str], argv: list[str]) -> list[dict[str, Any]]:
    assert main([*argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


# names ----------------------------------------------------------------------------------------

def test_a_name_the_view_finds_the_query_finds(sample_store: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    store = ["--store", str(sample_store)]
    assert main(["view", "person", "--name", "bui khac thieu", "-o", str(tmp_path / "p.json"),
                 *store]) == 0
    rows = _json_rows(capsys, ["query", "chairs", "--param", "person=bui khac thieu", *store])
    assert {r["person_name"] for r in rows} == {"Bùi Khắc Thiệu"}
    by_number = _json_rows(capsys, ["query", "chairs", "--param", "decree=21/2019/ND-CP",
                                    *store])
    assert by_number == _json_rows(capsys, ["query", "chairs", "--param",
                                            "decree=21/2019/NĐ-CP", *store]) != []


def test_zero_rows_for_a_name_says_so_and_suggests(sample_store: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    store = ["--store", str(sample_store)]
    assert main(["query", "chairs", "--param", "person=bui khac thiu", *store]) == 0
    err = capsys.readouterr().err
    assert "no person named 'bui khac thiu'" in err and "Bùi Khắc Thiệu" in err
    assert main(["query", "chairs", "--param", "person=Triệu Đức Phong", *store]) == 0
    assert "no rows join them" in capsys.readouterr().err  # he is there, but chaired nothing
    assert main(["view", "person", "--name", "bui khac thiu", *store]) == 2
    assert "the nearest: Bùi Khắc Thiệu" in capsys.readouterr().err


# records entering through load ----------------------------------------------------------------

def test_load_reports_each_bad_line_and_loads_the_rest(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    records = tmp_path / "r.jsonl"
    assert main(["extract", str(EXAMPLES / "05-cho-don-so-ket-nd21-2024.txt"),
                 str(EXAMPLES / "06-na-ri-so-ket-nd21-2024.txt"), "-o", str(records)]) == 0
    good = records.read_text("utf-8").splitlines()
    first = json.loads(good[0])
    del first["meetings"]
    first["persons"][0]["positions"] = "Chủ tịch"
    lines = [json.dumps(first, ensure_ascii=False), "{not json", good[1], "[]"]
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = tmp_path / "s"
    assert main(["load", str(records), "--store", str(store), "--no-reference"]) == 1
    err = capsys.readouterr().err
    assert f"{records}:1: not a vnkg record: field " in err
    assert "field meetings is missing: give a list of meetings ([] if none)" in err
    assert "field persons[0].positions is 'Chủ tịch': give a list of positions" in err
    assert f"{records}:2: not JSON" in err and f"{records}:4: not a vnkg record" in err
    assert "1 documents: 1 written" in err and "fix the line" in err
    with OxigraphStore(store) as rdf:
        assert "06-na-ri-so-ket-nd21-2024" in rdf.articles()


def test_jsonschema_is_not_a_runtime_dependency() -> None:
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    runtime = text.split("dependencies = [", 1)[1].split("]", 1)[0]
    assert "jsonschema" not in runtime
    for package in ("extract", "graph", "loaders", "queries", "viz", "vnkg"):
        for path in (ROOT / package).rglob("*.py"):
            assert "import jsonschema" not in path.read_text("utf-8"), path


# a busy store, a missing store ------------------------------------------------------------

@pytest.mark.parametrize("argv", [
    ["query", "chairs"], ["sparql", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"],
    ["view", "overview", "-o", "{tmp}/o.html"], ["export", "turtle", "-o", "{tmp}/g.ttl"],
    ["export", "popolo", "-o", "{tmp}/p.json"], ["stats"],
])
def test_every_store_command_waits_for_a_busy_store(sample_store: Path, tmp_path: Path,
                                                    argv: list[str],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    with OxigraphStore(sample_store):  # held, as another process would
        start = time.monotonic()
        assert main([*argv, "--store", str(sample_store), "--wait", "0.8"]) == 3
        assert time.monotonic() - start >= 0.8
    assert "in use by another process" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [
    ["query", "chairs"], ["sparql", "SELECT * WHERE { ?s ?p ?o }"], ["stats"],
    ["view", "overview", "-o", "{tmp}/o.html"], ["export", "nquads", "-o", "{tmp}/g.nq"],
    ["export", "ftm", "-o", "{tmp}/g.jsonl"],
])
def test_a_store_that_is_not_there_is_named_not_made(tmp_path: Path, argv: list[str],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "no-such-store"
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    assert main([*argv, "--store", str(missing)]) == 2
    assert f"no store at {missing}" in capsys.readouterr().err
    assert not missing.exists()


# pipes and Ctrl-C ---------------------------------------------------------------------------

def test_a_closed_pipe_ends_quietly(sample_store: Path) -> None:
    cmd = [sys.executable, "-m", "vnkg.cli", "query", "unit-people", "--format", "csv",
           "--store", str(sample_store)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # `| head -1`
    err = proc.stderr.read().decode()
    assert proc.wait(60) == 0, err
    assert err == ""


def _heed_ctrl_c() -> None:
    """In the child before it runs: Ctrl-C as a terminal's foreground job gets it. A shell
    starts a background job (`.ci/run &`) with SIGINT ignored, and its children inherit
    that, so Python would never raise KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _interrupt_a_build(corpus: Path, store: Path) -> subprocess.CompletedProcess[str]:
    """Start `vnkg build`, send its process group the terminal's Ctrl-C once it holds the
    store, and wait for it to end."""
    cmd = [sys.executable, "-m", "vnkg.cli", "build", str(corpus), "--store", str(store),
           "--jobs", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=ENV, start_new_session=True, preexec_fn=_heed_ctrl_c)
    deadline = time.monotonic() + 60
    while not (store / "LOCK").exists() and proc.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # the whole process group, as a terminal does
    out, err = proc.communicate(timeout=60)
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def test_ctrl_c_ends_a_build_with_one_line(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for i in range(20):  # enough articles that the build is still running when interrupted
        for f in sorted(EXAMPLES.glob("*.txt")):
            shutil.copy(f, corpus / f"{i:02d}-{f.name}")
    for attempt in range(3):  # a build that beat the interrupt proves nothing: again, anew
        done = _interrupt_a_build(corpus, tmp_path / f"s{attempt}")
        if done.returncode != 0:
            break
    assert done.returncode == 130, done.stderr
    assert done.stderr.strip().splitlines() == [
        "vnkg build: interrupted: the articles written so far are kept, and running the same "
        "command again resumes"]


# messages below the command line ------------------------------------------------------------

def _strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text("utf-8"))
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, ast.Module | ast.FunctionDef | ast.ClassDef) and n.body
            and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs]


def test_messages_below_the_command_line_name_no_option() -> None:
    cli = {ROOT / "vnkg" / "cli.py", ROOT / "vnkg" / "commands.py",
           ROOT / "viz" / "chromium.py",  # chromium's own command line flags
           ROOT / "loaders" / "neo4j_export.py"}  # neo4j-admin's, in the import arguments
    found = [f"{path.relative_to(ROOT)}:{line}: {text!r}"
             for package in ("extract", "graph", "loaders", "queries", "viz", "vnkg")
             for path in sorted((ROOT / package).rglob("*.py")) if path not in cli
             for line, text in _strings(path) if re.search(r"(?<![\w-])--[a-z]", text)]
    assert found == []


def test_the_command_line_names_its_options_in_api_errors(sample_store: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    import vnkg

    with pytest.raises(ValueError, match="this view needs `node`"):
        vnkg.view("person", output="x.html", store=sample_store)
    assert main(["view", "person", "--store", str(sample_store)]) == 2
    assert "this view needs --name or --id" in capsys.readouterr().err
    assert main(["sparql", "CLEAR ALL", "--store", str(sample_store)]) == 2
    assert "read-only unless --write" in capsys.readouterr().err


# inputs, stats, export, --help -----------------------------------------------------------

def test_unsupported_files_in_a_folder_are_listed(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLES / "05-cho-don-so-ket-nd21-2024.txt", folder)
    (folder / "bao-cao.pdf").write_bytes(b"%PDF-1.4")
    (folder / "ke-hoach.docx").write_bytes(b"PK\x03\x04")
    (folder / ".hidden").write_text("x", encoding="utf-8")
    assert main(["extract", str(folder), "-o", str(tmp_path / "r.jsonl")]) == 1
    err = capsys.readouterr().err
    assert "bao-cao.pdf: unsupported file type '.pdf'" in err
    assert "ke-hoach.docx: unsupported file type '.docx'" in err
    assert ".hidden" not in err and "wrote 1 records" in err


def test_stats_counts_meetings_not_roles(sample_store: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--json", "--store", str(sample_store)]) == 0
    central = json.loads(capsys.readouterr().out)["central"]
    with OxigraphStore(sample_store) as rdf:
        graph = rdf.read_graph()
    roles = ("CHAIRED", "ATTENDED", "SPOKE_AT")
    for row in central:
        meetings = {e.target for e in graph.edges.values()
                    if e.source == row["person"] and e.type in roles}
        assert row["meetings"] == len(meetings), row["name"]
    assert any(len([e for e in graph.edges.values() if e.source == row["person"]
                    and e.type in roles]) > row["meetings"] for row in central)


def test_export_leaves_the_reference_out_on_request(tmp_path: Path) -> None:
    from vnkg.graph.model import Fragment, Node
    from vnkg.graph.rdf import graph_iri
    from vnkg.loaders.rdf import REFERENCE

    store = tmp_path / "s"  # one article, and a small stand-in for the 290k-triple gazetteer
    assert main(["build", str(EXAMPLES / "08-krong-ana-tong-ket-nq28-2008.txt"), "--store",
                 str(store), "--no-reference"]) == 0
    reference = Fragment(REFERENCE, None)
    reference.add_node(Node("locality/2024-99", "Locality", {"name": "Xã Nà Hẩu Cũ"}))
    with OxigraphStore(store) as rdf:
        rdf.write_reference(lambda: reference, "test")
    graph = f"<{graph_iri(REFERENCE)}>"
    at = ["--store", str(store)]
    for fmt in ("nquads", "turtle", "jsonld"):
        assert main(["export", fmt, "-o", str(tmp_path / f"all.{fmt}"), *at]) == 0
        assert main(["export", fmt, "-o", str(tmp_path / f"own.{fmt}"), "--no-reference",
                     *at]) == 0
        everything = (tmp_path / f"all.{fmt}").read_text("utf-8")
        own = (tmp_path / f"own.{fmt}").read_text("utf-8")
        assert "Nà Hẩu Cũ" in everything and "Nà Hẩu Cũ" not in own, fmt
        assert "Bùi Khắc Thiệu" in own, fmt
    assert graph in (tmp_path / "all.nquads").read_text("utf-8")
    for fmt, file in (("csv", "nodes_Locality.csv"), ("cypher", "")):  # as the loader has it
        for name, more in (("all", []), ("own", ["--no-reference"])):
            assert main(["export", fmt, "-o", str(tmp_path / f"{name}-{fmt}"), *more, *at]) == 0
        everything, own = ((tmp_path / f"{n}-{fmt}" / file).read_text("utf-8")
                           for n in ("all", "own"))
        assert "Nà Hẩu Cũ" in everything and "Nà Hẩu Cũ" not in own, fmt
    assert main(["export", "graphml", "-o", str(tmp_path / "x.graphml"), "--no-reference",
                 *at]) == 0  # a view never holds the reference


def test_help_examples_return_rows(sample_store: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    examples = [line.strip() for line in EPILOG.splitlines() if "vnkg query" in line]
    examples += [example for _, example, _, _ in _COMMANDS.values() if "vnkg query" in example]
    assert len(examples) >= 3
    for example in examples:
        argv = [a for a in shlex.split(example)[1:] if a not in ("--format", "csv")]
        rows = _json_rows(capsys, [*argv, "--store", str(sample_store)])
        assert rows, example


# one import name ------------------------------------------------------------------------

def test_the_rooms_are_imported_under_the_vnkg_name_only() -> None:
    import vnkg.extraction
    import vnkg.graph

    assert vnkg.extraction.__name__ == "vnkg.extraction" and vnkg.graph.__name__ == "vnkg.graph"
    assert callable(vnkg.extract)  # the API's `vnkg extract`, not shadowed by a package
    bare = re.compile(r"^\s*(?:>>> )?(?:from|import) (?:extract|graph|loaders|queries|viz)\b",
                      re.M)
    found = [str(path.relative_to(ROOT)) for folder in ("extract", "graph", "loaders", "queries",
                                                         "viz", "vnkg", "tests", "benchmarks")
             for path in sorted((ROOT / folder).glob("**/*.py"))
             if bare.search(path.read_text("utf-8"))]
    assert found == []
    setup = (ROOT / "pyproject.toml").read_text("utf-8")
    packages = setup.split("packages = [", 1)[1].split("]", 1)[0]
    assert all(name.strip().strip('"').startswith("vnkg") for name in packages.split(","))
