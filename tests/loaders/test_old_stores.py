"""A store written before evidence spans were compact (five statements a span, under
https://vnkg.dev/id/evidence/) is refused on open with what to do, and left as it was:
its spans cannot be read as <ARTICLE#char=S,E>, and its digest stamps would make the next
build rewrite every article anyway (loaders.old_stores.old_evidence_error)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, Store

from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.loaders.sparql_protocol import SparqlClient
from vnkg.loaders.sparql_store import SparqlStore

ARTICLE = "<https://vnkg.dev/id/article/bai-1>"
SPAN = "<https://vnkg.dev/id/evidence/0123456789abcdef>"
STATEMENT = "<https://vnkg.dev/id/statement/fedcba9876543210>"
INT = "<http://www.w3.org/2001/XMLSchema#integer>"
# one statement's evidence as the stores wrote it before: the old form, written by hand
OLD = [f"{STATEMENT} <https://vnkg.dev/ns#subject> <https://vnkg.dev/id/person/p1>",
       f'{STATEMENT} <https://vnkg.dev/ns#relation> "CHAIRED"',
       f"{STATEMENT} <https://vnkg.dev/ns#object> <https://vnkg.dev/id/meeting/m1>",
       f"{STATEMENT} <https://vnkg.dev/ns#evidence> {SPAN}",
       f'{SPAN} <https://vnkg.dev/ns#start> "10"^^{INT}',
       f'{SPAN} <https://vnkg.dev/ns#end> "42"^^{INT}',
       f'{SPAN} <https://vnkg.dev/ns#text> "Hoàng Văn Thạch chủ trì hội nghị"@vi',
       f"{SPAN} <http://www.w3.org/ns/prov#wasDerivedFrom> {ARTICLE}"]
ADVICE = r"older vnkg.*build the same articles again into a new, empty store"


def test_an_old_embedded_store_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    old = Store(str(folder))
    old.load("".join(f"{t} {ARTICLE} .\n{t} .\n" for t in OLD).encode(),
             format=RdfFormat.N_QUADS)
    old.flush()
    before = len(old)
    del old
    gc.collect()
    with pytest.raises(ValueError, match=ADVICE) as refused:
        OxigraphStore(folder)
    assert str(folder) in str(refused.value)
    del refused
    again = Store(str(folder))  # not locked: the refusal released the store
    assert len(again) == before == 2 * len(OLD)


def test_an_old_sparql_server_is_refused(sparql_server: str) -> None:
    client = SparqlClient(sparql_server, sparql_server[: -len("/query")] + "/update", 10.0)
    body = " .\n".join(OLD)
    client.update("DROP SILENT ALL")  # the server is shared: other tests may have filled it
    client.update(f"INSERT DATA {{ GRAPH {ARTICLE} {{ {body} }} {body} }}")
    try:
        with pytest.raises(ValueError, match=ADVICE):
            SparqlStore(sparql_server)
    finally:
        client.update(f"DROP SILENT GRAPH {ARTICLE} ; DROP SILENT DEFAULT")
    with SparqlStore(sparql_server) as store:
        assert store.articles() == []
