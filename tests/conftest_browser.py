"""Pytest plugin: a real headless Chromium for the view tests.

`chromium` (session) is the browser's path: when it is missing the test is skipped with the
reason, except under CI=true where that is a failure (CI must install it with
tools/install-chromium.sh). `browser` (session) is one running Chromium; `browser_page`
is a fresh tab per test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ci import unavailable
from vnkg.viz.chromium import Browser, Page, find_chromium

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of the Chromium binary (env VNKG_CHROMIUM, else chromium on PATH)."""
    found = find_chromium()
    if not found:
        unavailable("Chromium not found: run `bash tools/install-chromium.sh` "
                 "(apt-get install chromium) or set VNKG_CHROMIUM")
    return str(found)


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Browser]:
    """One headless Chromium for the session, stopped at the end."""
    with Browser(chromium) as running:
        yield running


@pytest.fixture
def browser_page(browser: Browser) -> Iterator[Page]:
    """A fresh tab, closed after the test."""
    page = browser.page()
    yield page
    page.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """test-artifacts/ at the repository root (git-ignored): screenshots land here."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
