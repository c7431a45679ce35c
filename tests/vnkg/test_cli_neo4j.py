"""The command line against a real Neo4j: --backend neo4j|both, named Cypher queries,
read-only `vnkg cypher`, credentials from the environment only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest_neo4j import Neo4jSession
from tests.paths import EXAMPLES
from vnkg.cli import main
from vnkg.loaders.neo4j import clear
from vnkg.loaders.neo4j_server import local_auth

ARTICLES = [str(EXAMPLES / "04-ba-be-so-ket-nd21-2024.txt"),
            str(EXAMPLES / "05-cho-don-so-ket-nd21-2024.txt")]


@pytest.fixture()
def env(neo4j_session: Neo4jSession, monkeypatch: pytest.MonkeyPatch) -> Neo4jSession:
    clear(neo4j_session.driver)
    user, password = local_auth()
    monkeypatch.setenv("NEO4J_URI", neo4j_session.uri)
    monkeypatch.setenv("NEO4J_USER", user)
    monkeypatch.setenv("NEO4J_PASSWORD", password)
    return neo4j_session


def _json(capsys: pytest.CaptureFixture[str]) -> object:
    return json.loads(capsys.readouterr().out)


def test_both_backends_in_step(env: Neo4jSession, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    store = ["--store", str(tmp_path / "s")]
    assert main(["build", *ARTICLES, *store, "--backend", "both", "--no-reference"]) == 0
    capsys.readouterr()
    assert main(["query", "chairs", *store, "--format", "json"]) == 0
    from_rdf = _json(capsys)
    assert main(["query", "chairs", "--backend", "neo4j", "--format", "json"]) == 0
    assert _json(capsys) == from_rdf and from_rdf
    assert main(["build", *ARTICLES, *store, "--backend", "both", "--no-reference"]) == 0
    assert "0 written, 2 unchanged" in capsys.readouterr().err


def test_cypher_is_read_only_unless_write(env: Neo4jSession,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cypher", "CREATE (:Scratch {x: 1})"]) == 2
    assert main(["cypher", "MATCH (n:Scratch) RETURN count(n) AS n", "--format", "json"]) == 0
    assert _json(capsys) == [{"n": 0}]
    assert main(["cypher", "CREATE (:Scratch {x: 1})", "--write"]) == 0
    capsys.readouterr()
    assert main(["cypher", "MATCH (n:Scratch) RETURN count(n) AS n", "--format", "json"]) == 0
    assert _json(capsys) == [{"n": 1}]


def test_wrong_password_is_a_clear_error_without_the_password(
        env: Neo4jSession, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-Wrong-pw")
    assert main(["query", "chairs", "--backend", "neo4j"]) == 2
    err = capsys.readouterr().err
    assert "refused the login" in err and "s3cret-Wrong-pw" not in err


def test_help_does_not_take_credentials(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    out = capsys.readouterr().out
    assert "--password" not in out and "NEO4J_PASSWORD" in out


def test_the_interchange_exports_are_the_same_from_neo4j(env: Neo4jSession, tmp_path: Path
                                                        ) -> None:
    store = ["--store", str(tmp_path / "s")]
    assert main(["build", *ARTICLES, *store, "--backend", "both", "--no-reference"]) == 0
    for fmt in ("popolo", "ftm"):
        rdf, neo4j = tmp_path / f"rdf.{fmt}", tmp_path / f"neo4j.{fmt}"
        assert main(["export", fmt, "-o", str(rdf), *store]) == 0
        assert main(["export", fmt, "-o", str(neo4j), "--backend", "neo4j"]) == 0
        assert rdf.read_bytes() == neo4j.read_bytes() and rdf.stat().st_size > 100
    assert main(["export", "turtle", "-o", str(tmp_path / "g.ttl"), "--backend", "neo4j"]) == 2
