"""Printing rows and problems for the command line."""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any, TextIO

from extract.read import Problem


def print_rows(rows: list[dict[str, Any]], columns: Sequence[str], fmt: str = "table",
               out: TextIO | None = None) -> None:
    """Print rows as an aligned table, CSV, or JSON (a list of objects keyed by column)."""
    out = out or sys.stdout
    if fmt == "json":
        json.dump([{c: r.get(c) for c in columns} for r in rows], out, ensure_ascii=False,
                  indent=2)
        out.write("\n")
    elif fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows([_cell(r.get(c)) for c in columns] for r in rows)
    else:
        out.write(format_table(rows, columns))


def format_table(rows: list[dict[str, Any]], columns: Sequence[str], limit: int = 48) -> str:
    """An aligned plain-text table; long cells are cut at `limit` characters."""
    cells = [[_cut(_cell(r.get(c)), limit) for c in columns] for r in rows]
    widths = [max([_width(c)] + [_width(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = [_line(list(columns), widths), _line(["─" * w for w in widths], widths)]
    lines += [_line(row, widths) for row in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def print_problems(problems: Sequence[Problem]) -> int:
    """Print each problem on one line to stderr; the exit status (1 if any, else 0)."""
    for problem in problems:
        print(f"skipped {problem}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} input(s) skipped; the others were loaded", file=sys.stderr)
    return 1 if problems else 0


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF"
               else 1 for c in text)


def _line(cells: list[str], widths: list[int]) -> str:
    return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)).rstrip()
