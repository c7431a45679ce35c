"""The Neo4j exports give, in a real Neo4j, the rows the embedded store gives: the CSV export
imported with the real neo4j-admin (tools/neo4j/import.sh) into a fresh database, on the
sample articles, the reference gazetteer and a hostile article (ids with `;`, `"` and `\\`,
a title spanning two lines); and the Cypher script run statement by statement, on the same
articles without the gazetteer (its 14,000 localities take minutes as a script; the CSV
path holds them). Every named query with the parameters of the parity test and the hostile
ones. (The Bolt loader against the embedded store is tests/loaders/test_store_queries.py.)"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from vnkg.graph.model import Fragment
from vnkg.loaders.export import export_graph
from vnkg.loaders.neo4j_store import Neo4jStore
from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.loaders.rdf import REFERENCE
from vnkg.loaders.store import Store
from vnkg.queries import names
from vnkg.queries.run import run_named

Cases = list[tuple[str, dict[str, Any]]]
Answers = dict[str, list[list[dict[str, Any]]]]


def _answers(store: Store, cases: Cases) -> list[list[dict[str, Any]]]:
    return [run_named(store, name, params) for name, params in cases]


def _run_script(driver: Driver, path: Path) -> int:
    """Run a Cypher script one statement per line, as `cypher-shell -f` would."""
    count = 0
    with driver.session() as session, path.open(encoding="utf-8") as f:
        for line in f:
            statement = line.strip()
            if statement and not statement.startswith("//"):
                session.run(statement.removesuffix(";")).consume()  # type: ignore[arg-type]
                count += 1
    return count


@pytest.fixture(scope="module")
def cases(export_store: Path, hostile_fragment: Fragment,
          parameter_values: Callable[[list[Fragment]], dict[str, str]],
          query_cases: Callable[[str, dict[str, str]], list[dict[str, Any]]]) -> Cases:
    """Every named query with the parameters of the parity test, and the hostile ones."""
    with OxigraphStore(export_store) as store:
        frags = [store.read_fragment(a) for a in store.articles() if a != REFERENCE]
    values = parameter_values(frags)
    person = next(n for n in hostile_fragment.nodes.values() if n.label == "Person")
    hostile: Cases = [("chairs", {"person": person.props["name"]}),
                      ("sources", {"id": person.id}),
                      ("person-meetings", {"person": person.id}),
                      ("sources", {"id": "meeting/hostile;1"})]
    listed = [(name, {k: v for k, v in params.items() if v not in ("", None)})
              for name in names("cypher") for params in query_cases(name, values)]
    return listed + hostile


@pytest.fixture(scope="module")
def answers(export_store: Path, csv_neo4j: tuple[Neo4jStore, float], neo4j_driver: Driver,
            cases: Cases, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Answers]:
    """The rows of every case on the embedded store and on each Neo4j import path."""
    out: dict[str, Answers] = {}
    seconds: dict[str, float] = {}
    imported, seconds["csv export + neo4j-admin import"] = csv_neo4j
    with OxigraphStore(export_store) as embedded:
        out["embedded"] = {"": _answers(embedded, cases)}
        fragments = [embedded.read_fragment(a) for a in embedded.articles()]
    out["csv"] = {"": _answers(imported, cases)}
    without = OxigraphStore(tmp_path_factory.mktemp("no-reference") / "s")
    assert without.write_fragments([f for f in fragments if f.article != REFERENCE]).failed == []
    out["embedded, no reference"] = {"": _answers(without, cases)}
    without.close()
    script = tmp_path_factory.mktemp("script") / "graph.cypher"
    with OxigraphStore(export_store) as embedded:
        start = time.monotonic()
        export_graph(embedded, "cypher", script, reference=False)
        seconds["cypher export"] = time.monotonic() - start
    bolt = Neo4jStore.from_driver(neo4j_driver)
    bolt.clear()
    start = time.monotonic()
    assert _run_script(neo4j_driver, script) > 0
    seconds["cypher script run"] = time.monotonic() - start
    out["cypher"] = {"": _answers(bolt, cases)}
    bolt.clear()
    print("timings (s):", {k: round(v, 1) for k, v in seconds.items()})
    return out


def test_the_cases_cover_every_named_query(cases: Cases) -> None:
    assert {name for name, _ in cases} == set(names("cypher")) == set(names("sparql"))


@pytest.mark.parametrize(("path", "base"), [("csv", "embedded"),
                                            ("cypher", "embedded, no reference")])
def test_every_named_query_gives_the_embedded_rows(path: str, base: str,
                                                   answers: dict[str, Answers],
                                                   cases: Cases) -> None:
    expected, got = answers[base][""], answers[path][""]
    differ = [f"{name} {params}" for (name, params), want, have
              in zip(cases, expected, got, strict=True) if want != have]
    assert differ == [], f"{path}: {len(differ)} of {len(cases)} cases differ: {differ}"


def test_the_comparison_is_not_vacuous(answers: dict[str, Answers], cases: Cases) -> None:
    rows = dict(zip((f"{n} {p}" for n, p in cases), answers["embedded"][""], strict=True))
    hostile = [r for key, r in rows.items() if key.startswith("sources {'id': 'person/lò")]
    assert hostile and hostile[0][0]["evidence"].endswith('"hội nghị"')
    assert hostile[0][0]["title"] == 'Hội nghị\nhai dòng; "trích" \\ cuối'
    assert any(rows[k] for k in rows if k.startswith("decree-gaps"))
    assert sum(map(len, answers["embedded"][""])) > 100
    assert sum(map(len, answers["embedded, no reference"][""])) > 100
