"""The examples in the docstrings of every module run and hold (viz has its own test)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

from tests.conftest import ROOT

PACKAGES = ["extract", "graph", "loaders", "queries", "vnkg"]
MODULES = sorted(
    f"{package}.{info.name}"
    for package in PACKAGES
    for info in pkgutil.iter_modules([str(ROOT / package)])
) + PACKAGES


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"
