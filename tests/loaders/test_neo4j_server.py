"""The local-server helpers: waiting for Bolt fails fast and clearly."""

from __future__ import annotations

import time

import pytest
from neo4j import Driver
from neo4j.exceptions import AuthError

from tests.processes import free_port
from vnkg.loaders.neo4j_server import can_start_local, local_auth, wait_for_bolt


def test_wait_for_bolt_times_out_on_a_closed_port() -> None:
    started = time.monotonic()
    with pytest.raises(TimeoutError, match="did not answer"):
        wait_for_bolt(f"bolt://127.0.0.1:{free_port()}", local_auth(), timeout=1.0)
    assert time.monotonic() - started < 15


def test_wait_for_bolt_answers_and_refuses_a_wrong_password(neo4j_driver: Driver) -> None:
    address = neo4j_driver.get_server_info().address
    uri = f"bolt://{address.host}:{address.port}"
    wait_for_bolt(uri, local_auth(), timeout=10.0)
    with pytest.raises(AuthError):
        wait_for_bolt(uri, (local_auth()[0], "not-the-password"), timeout=10.0)


def test_can_start_local_names_what_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    assert can_start_local() == "not on PATH: java, mvn"
