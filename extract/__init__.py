"""Vietnamese extraction engine: articles (Document) in, records (record.schema.json) out.

`extract_record` and `extract_records` are loaded on first use: the engine compiles its
patterns when imported (about 0.2 s), which the commands that only read a store (a view, a
query) never need, while they do use light modules of this package (`keys`)."""

from typing import Any

__all__ = ["extract_record", "extract_records"]


def __getattr__(name: str) -> Any:
    """The engine's entry points, imported when first asked for."""
    if name in __all__:
        from vnkg.extraction import record

        value = getattr(record, name)
        globals()[name] = value  # found directly from now on
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
