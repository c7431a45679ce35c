"""Shared fixtures for the extraction tests: the shared dev corpus beside the checkout."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
CORPUS = SHARED / "corpus"
SCHEMA = SHARED / "spec" / "record.schema.json"


def need_shared(path: Path) -> Path:
    """The path, or skip (fail under CI=true) when the shared folder is absent."""
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing: CI needs the shared folder beside the checkout")
        print(f"skipping: {path} not found (the shared folder is not beside the checkout)")
        pytest.skip(f"{path} not found")
    return path
