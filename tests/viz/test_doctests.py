"""The examples in the viz docstrings run and hold."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["viz.decree", "viz.export", "viz.layout", "viz.match", "viz.pagedata",
           "viz.render", "viz.style", "viz.views", "viz.walk", "viz.chromium"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"
