"""A part the tests need (../shared, a server, a browser) is missing: skip with the reason,
except under CI=true, where a missing part is a failure, never a skip."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def unavailable(message: str) -> NoReturn:
    """Fail under CI=true, else skip; either way with `message`."""
    if in_ci():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)
