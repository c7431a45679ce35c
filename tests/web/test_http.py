"""The explorer over HTTP, on the real server: status pages, headers, read-only, search."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.web.helpers import HOSTILE_NAME, PAYLOAD, PERSON
from vnkg.web.app import CSP

OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def get(url: str, method: str = "GET") -> tuple[int, dict[str, str], str]:
    """Status, headers (lower-case names) and body of one request."""
    request = urllib.request.Request(url, method=method)
    try:
        with OPENER.open(request, timeout=60) as response:
            return (response.status, {k.lower(): v for k, v in response.headers.items()},
                    response.read().decode("utf-8"))
    except urllib.error.HTTPError as err:
        return err.code, {k.lower(): v for k, v in err.headers.items()}, \
            err.read().decode("utf-8")


def search(server: str, text: str) -> list[dict[str, Any]]:
    status, _, body = get(f"{server}/api/search?q={urllib.request.quote(text)}")
    assert status == 200
    hits: list[dict[str, Any]] = json.loads(body)
    return hits


@pytest.mark.parametrize("path", ["/", "/ask", "/ask/chairs?run=1", "/graph",
                                  "/static/app.js", "/person/nobody", "/ask/chairs?to=x"])
def test_every_answer_carries_the_csp(server: str, path: str) -> None:
    _, headers, _ = get(server + path)
    assert headers["content-security-policy"] == CSP
    assert "default-src 'none'" in CSP and "http" not in CSP
    assert headers["x-content-type-options"] == "nosniff"


def test_an_unknown_id_is_a_404_page(server: str) -> None:
    for path in ("/person/no-one-0000000000", "/meeting/none", "/nothing/here", "/ask/nope",
                 "/graph/view/nope"):
        status, headers, body = get(server + path)
        assert status == 404, path
        assert headers["content-type"].startswith("text/html")
        assert "404" in body and "Traceback" not in body


@pytest.mark.parametrize("path, reason", [
    ("/ask/chairs?to=yesterday", "to takes a date"),
    ("/ask/co-attendance?min=-3", "min takes a whole number"),
    ("/ask/chairs?colour=red", "not &#39;colour&#39;"),
    ("/ask/chairs?format=xml", "format takes html, csv or json"),
    ("/graph/view/person", "needs node"),
    ("/graph?min=many", "min takes a whole number"),
])
def test_a_bad_parameter_is_a_400_page_with_the_reason(server: str, path: str,
                                                        reason: str) -> None:
    status, _, body = get(server + path)
    assert status == 400
    assert reason in body and "Traceback" not in body


def test_read_only_no_route_takes_a_write(server: str) -> None:
    for method in ("POST", "PUT", "DELETE"):
        status, _, _ = get(f"{server}/ask/chairs", method)
        assert status == 405


def test_search_ignores_case_tone_marks_diacritics_and_abbreviations(server: str) -> None:
    for typed in ("trieu duc phong", "TRIỆU ĐỨC PHONG", "Trieu Duc"):
        assert "Triệu Đức Phong" in [h["name"] for h in search(server, typed)], typed
    units = search(server, "ubnd huyen ba be")
    assert units and units[0]["label"] == "Unit"
    assert units[0]["name"].startswith(("Ủy ban nhân dân huyện Ba Bể", "UBND huyện Ba Bể"))
    assert any(h["label"] == "Decree" for h in search(server, "21/2019/nd-cp"))
    assert search(server, "x") == []


def test_hostile_names_come_back_as_text(server: str) -> None:
    hits = search(server, "tran van img src")
    assert hits[0]["id"] == PERSON and hits[0]["name"] == HOSTILE_NAME
    _, _, body = get(f"{server}/{PERSON}")
    assert PAYLOAD not in body and "&lt;img src=x onerror=alert(1)&gt;" in body
    _, _, body = get(f"{server}/?q=img+src")
    assert PAYLOAD not in body


def test_csv_and_json_downloads_are_the_named_query_rows(server: str, web_store: Path) -> None:
    import vnkg

    params = "locality=B%E1%BA%AFc+K%E1%BA%A1n"
    status, headers, body = get(f"{server}/ask/chairs?{params}&format=json")
    assert status == 200 and headers["content-type"].startswith("application/json")
    rows = json.loads(body)
    assert rows == vnkg.query("chairs", params={"locality": "Bắc Kạn"}, store=web_store,
                              wait=30)
    assert rows, "the sample articles have chairs in Bắc Kạn"
    _, headers, body = get(f"{server}/ask/chairs?{params}&format=csv")
    assert headers["content-disposition"] == 'attachment; filename="chairs.csv"'
    assert len(body.strip().splitlines()) == len(rows) + 1


def test_a_store_held_by_a_writer_says_it_is_being_updated(server: str,
                                                           web_store: Path) -> None:
    from vnkg.loaders.store import open_store

    with open_store(web_store, wait=30):  # as a build would hold it, once the server lets go
        status, headers, body = get(f"{server}/{PERSON}")
    assert status == 503 and "being updated" in body and headers["retry-after"] == "5"
    assert get(f"{server}/{PERSON}")[0] == 200  # and reads again once it is free


def test_serve_listens_on_loopback_by_default() -> None:
    import inspect

    import vnkg
    from vnkg.commands import COMMANDS

    assert inspect.signature(vnkg.serve).parameters["host"].default == "127.0.0.1"
    host = next(o for o in COMMANDS["serve"].options if o.flags == ("--host",))
    assert host.spec["default"] == "127.0.0.1"
