"""Printing for the command line: rows, problems, progress, what a build did, stats."""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from collections.abc import Callable, Sequence
from typing import IO, Any, TextIO

from tqdm import tqdm

from vnkg.extraction.read import Problem
from vnkg.graph.shards import ShardReport
from vnkg.loaders.batches import BuildReport


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


def progress(unit: str, count: Callable[[], int] | None = None, out: IO[str] | None = None
             ) -> Callable[[int], None] | None:
    """A progress bar on stderr when it is a terminal (or on `out`): done of the total that
    `count` gives (counted only then), the rate and, from the first batches on, an estimate
    of the time left (tqdm)."""
    if out is None and not sys.stderr.isatty():
        return None
    total = count() if count else None
    bar = tqdm(total=total or None, unit=f" {unit}", file=out or sys.stderr, leave=True,
               dynamic_ncols=out is None)

    def show(done: int) -> None:
        bar.update(done - bar.n)
        if total and done >= total:
            # the store closes next: a large build compacts it, a minute at 100k articles
            bar.set_postfix_str("finishing the store")
            bar.close()
        else:
            bar.refresh()  # called once a batch: each call is worth showing

    return show


def summary(report: BuildReport, store: str) -> None:
    """One line on what a build or load did."""
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"{report.documents} documents: {report.written} written, {report.unchanged} "
          f"unchanged; {report.triples} statements written to {store}", file=sys.stderr)


def format_findings(found: Sequence[Any]) -> str:
    """The findings of `vnkg check` (checks.report.Finding) as readable text: per finding, its
    check and what it says, then one line per observation showing it (date, article, who,
    what) and its evidence sentences."""
    lines: list[str] = []
    for n, finding in enumerate(found, 1):
        d = finding.as_dict()
        problem = f": {d['problem']}" if d["problem"] else ""
        lines.append(f"{n}. [{d['check']}] {d['message']}{problem}")
        rows = [{"article date": e["article_date"], "article": e["article"],
                 "who": e["subject_name"] or e["subject"], "relation": e["relation"],
                 "what": e["object_name"] or e["object"], "on": e["date"],
                 "stated": "–".join(b or "?" for b in (e["start"], e["end"]))
                 if e["start"] or e["end"] else ""} for e in d["evidence"]]
        table = format_table(rows, ("article date", "article", "who", "relation", "what",
                                    "on", "stated"))
        lines += ["   " + line for line in table.splitlines()[:-1]]
        for e in d["evidence"]:
            lines += [f"   «{_cut(s, 120)}» ({e['article']})"
                      for s in e["surfaces"] + e["sentences"]]
    lines.append(f"{len(found)} finding{'s' if len(found) != 1 else ''}")
    return "\n".join(lines) + "\n"


def print_stats(result: dict[str, Any]) -> None:
    print(f"articles: {result['articles']}")
    print("nodes:     " + ", ".join(f"{k} {v}" for k, v in result["nodes"].items()))
    print("relations: " + ", ".join(f"{k} {v}" for k, v in result["relations"].items()))
    print("officials at most meetings:")
    for row in result["central"]:
        print(f"  {row['meetings']:4d}  {row['name']}  ({row['person']})")
    if "merges" in result:
        print(f"merged across articles: {len(result['merges'])} people")
        for m in result["merges"]:
            print(f"  {m['name']}  ({m['id']}): {len(m['articles'])} articles; {m['reason']}")
        print(f"same name kept apart: {len(result['kept_apart'])} names")
        for k in result["kept_apart"]:
            print(f"  {k['name']}: " + "; ".join(f"{i} [{a}]" for i, a in
                                                 zip(k["ids"], k["anchors"], strict=True)))


def shard_summary(report: ShardReport) -> str:
    """One line on what a sharded extraction did, and a warning for shards no input named."""
    line = (f"{report.documents} articles in {len(report.written) + len(report.kept)} shards "
            f"under {report.folder}: {len(report.written)} written, {len(report.kept)} "
            "already there")
    if report.stale:
        line += (f"\n{len(report.stale)} other shard(s) in the folder come from other inputs "
                 f"(first: {report.stale[0].name}); loading the folder loads them too")
    return line
