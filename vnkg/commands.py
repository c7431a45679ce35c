"""The command line's helpers: progress, summaries, parameters, views and eval."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vnkg import api

VIEWS = ("overview", "person", "meeting", "decree", "co-attendance")
EXPORT_FORMATS = ("turtle", "nquads", "jsonld", "csv", "cypher", "html", "graphml", "gexf",
                  "json", "png")


def progress(unit: str) -> Callable[[int], None] | None:
    """A progress callback that rewrites one stderr line, when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int) -> None:
        print(f"\r  {done} {unit}…", end="", file=sys.stderr, flush=True)

    return show


def summary(report: api.BuildReport, store: str) -> None:
    """One line on what a build or load did."""
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"{report.documents} documents: {report.written} written, {report.unchanged} "
          f"unchanged; {report.triples} statements written to {store}", file=sys.stderr)


def parse_params(pairs: list[str]) -> dict[str, str]:
    """`KEY=VALUE` strings to a dict; a pair without `=` is a usage error."""
    params: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--param takes KEY=VALUE, not {pair!r}")
        params[key.strip()] = value.strip()
    return params


def query_names() -> list[str]:
    from queries import names

    return names("sparql")


def setup_view(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", choices=VIEWS, help="which view")
    p.add_argument("-o", "--output", help="output file (default: NAME.html)")
    p.add_argument("--as", dest="fmt", choices=("html", "graphml", "gexf", "json", "png"),
                   default=None, help="format (default: from the output's suffix, else html)")
    p.add_argument("--name", dest="person_name", help="person view: the person's name")
    p.add_argument("--id", help="person or meeting view: the node id")
    p.add_argument("--number", help="decree view: the decree's number")
    p.add_argument("--hops", type=int, default=2, help="person view: how far to go")
    p.add_argument("--label", action="append", help="overview: keep only these labels")
    p.add_argument("--province", help="overview: keep only this province")
    p.add_argument("--from", dest="date_from", help="overview: from this date (ISO)")
    p.add_argument("--to", dest="date_to", help="overview: to this date (ISO)")
    p.add_argument("--min", type=int, default=1, help="co-attendance: meetings shared")


def run_view(args: argparse.Namespace) -> int:
    fmt = args.fmt or (Path(args.output).suffix.lstrip(".") if args.output else "") or "html"
    output = Path(args.output or f"{args.name}.{fmt}")
    path = api.view(args.name, output, store=args.store, fmt=fmt,
                    endpoint=args.sparql_endpoint, wait=args.wait, **_view_options(args))
    print(f"wrote {path}", file=sys.stderr)
    return 0


def _view_options(args: argparse.Namespace) -> dict[str, Any]:
    options = {"labels": args.label, "province": args.province, "date_from": args.date_from,
               "date_to": args.date_to, "number": args.number, "hops": args.hops,
               "min_shared": args.min, "node": args.person_name or args.id}
    return {k: v for k, v in options.items() if v is not None}


def run_eval(args: argparse.Namespace) -> int:
    from extract.evaluate import format_report
    from vnkg.evaluation import format_answers
    from vnkg.output import print_problems

    problems: list[api.Problem] = []
    report = api.evaluate(args.inputs, args.gold, problems, answers=args.answers)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_report(report, show=args.show))
        if report.answers:
            print(format_answers(report.answers, show=args.show))
    return print_problems(problems)


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
