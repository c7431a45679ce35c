"""The examples in the docstrings run and hold: one case per module that has examples."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

from tests.paths import ROOT

ROOMS = {"extract": "vnkg.extraction", "graph": "vnkg.graph", "loaders": "vnkg.loaders",
         "queries": "vnkg.queries", "viz": "vnkg.viz", "checks": "vnkg.checks",
         "web": "vnkg.web", "vnkg": "vnkg"}  # folder: module


def _with_examples() -> list[str]:
    """Modules of the packages whose source holds a docstring example (`>>>`)."""
    found = []
    for room, package in ROOMS.items():
        folder = ROOT / room
        names = [(package, folder / "__init__.py")] + [
            (f"{package}.{info.name}",
             folder / info.name / "__init__.py" if info.ispkg else folder / f"{info.name}.py")
            for info in pkgutil.iter_modules([str(folder)])
            if not (room == "vnkg" and f"vnkg.{info.name}" in ROOMS.values())]
        found += [name for name, path in names if ">>>" in path.read_text("utf-8")]
    return sorted(found)


@pytest.mark.parametrize("name", _with_examples())
def test_docstring_examples(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"no example ran in {name}"
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"
