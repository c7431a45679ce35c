"""The command line's helpers: the table of commands, progress, summaries, parameters, views
and eval."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vnkg import api


@dataclass(frozen=True)
class Option:
    """An option of a command: its spellings, and the keyword-only parameter of the API
    function it sets (None: the command line's own, such as how to print). The parameter is
    the long spelling with `_` for `-` (`--sparql-endpoint`: `sparql_endpoint`), `--no-X`
    sets `X`, a repeatable `--X` sets `Xs`; any other pairing says `why`."""

    flags: tuple[str, ...]
    param: str | None
    why: str = ""


@dataclass(frozen=True)
class Command:
    """A command and its API function: what it does, an example that returns something on
    examples/articles, its positional arguments (the function's positional parameters),
    its options, and the parameters only the API has (`api_only`: what the command line
    fills itself, such as a progress callback)."""

    api: str
    help: str
    example: str
    arguments: tuple[str, ...]
    options: tuple[Option, ...]
    api_only: tuple[str, ...] = ()


def _opt(*flags: str, param: str | None = "", why: str = "") -> Option:
    """An option; its parameter is the rule's unless given (None: the command line's own)."""
    if param == "":
        name = next(f for f in flags if f.startswith("--"))
        param = name.removeprefix("--no-").removeprefix("--").replace("-", "_")
    return Option(flags, param, why)


STORE = (_opt("--store"), _opt("--wait"), _opt("--sparql-endpoint"))
REFERENCE = (_opt("--no-reference"), _opt("--overrides"))
BACKEND = (_opt("--backend"), _opt("--neo4j"))
NODE = "one parameter takes a person's name or a node's id"
PRINT = "how the rows are printed: the API returns them"
FORMAT = _opt("--format", param=None, why=PRINT)
JSON = _opt("--json", param=None, why="how the result is printed: the API returns it")
COMMANDS: dict[str, Command] = {
    "build": Command("build", "read, extract, resolve and load articles into the store",
                     "vnkg build examples/articles --store vnkg-data --jobs 2", ("paths",),
                     (_opt("--max-bytes"), _opt("--jobs"), *STORE, *REFERENCE, *BACKEND),
                     api_only=("progress",)),
    "extract": Command("extract", "extract records (JSON Lines) from articles",
                       "vnkg extract examples/articles -o records.jsonl", ("paths",),
                       (_opt("--max-bytes"), _opt("-o", "--output", param=None, why=(
                           "where the records go: the API yields them (vnkg.write_records "
                           "writes them)"))), api_only=("problems",)),
    "load": Command("load", "load records into the store",
                    "vnkg load records.jsonl --store vnkg-data", ("records",),
                    (*STORE, *REFERENCE, *BACKEND), api_only=("progress",)),
    "query": Command("query", "run a named query",
                     'vnkg query chairs --param locality="Bắc Kạn" --format csv', ("name",),
                     (_opt("--param", param="params"), FORMAT, *STORE, *BACKEND)),
    "sparql": Command("sparql", "run a SPARQL query (read-only unless --write)",
                      'vnkg sparql "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"', ("text",),
                      (_opt("--write"), FORMAT, *STORE)),
    "cypher": Command("cypher", "run Cypher on Neo4j (read-only unless --write)",
                      'vnkg cypher "MATCH (p:Person) RETURN p.name LIMIT 5"', ("text",),
                      (_opt("--write"), FORMAT, _opt("--neo4j"))),
    "view": Command("view", "draw an interactive HTML view of the graph",
                    "vnkg view overview -o overview.html", ("name",), (
                        _opt("-o", "--output", why="optional here: NAME.FORMAT by default"),
                        _opt("--as", param="fmt", why="`as` is a Python keyword"),
                        _opt("--name", param="node", why=NODE),
                        _opt("--id", param="node", why=NODE),
                        _opt("--number"), _opt("--hops"), _opt("--label", param="labels"),
                        _opt("--province"),
                        _opt("--from", param="date_from", why="`from` is a Python keyword"),
                        _opt("--to", param="date_to", why="the pair of --from"),
                        _opt("--min", param="min_shared", why="`min` is a Python builtin"),
                        *STORE)),
    "export": Command("export", "export the whole graph (or the overview view) to a file",
                      "vnkg export nquads -o graph.nq", ("fmt",),
                      (_opt("-o", "--output"), _opt("--no-reference"), *STORE)),
    "eval": Command("evaluate", "score records against gold annotations",
                    "vnkg eval --gold gold.jsonl records.jsonl", ("inputs",),
                    (_opt("--gold"), _opt("--show", param=None, why="how many misses to print"),
                     JSON, _opt("--answers")), api_only=("problems",)),
    "stats": Command("stats", "counts by label and relation, the most central officials",
                     "vnkg stats --store vnkg-data", (),
                     (*STORE, _opt("--merges"), JSON)),
}


def option_names() -> dict[str, str]:
    """What the command line calls each API parameter, `param` in backquotes (as the API's
    messages name them) to its spellings; `--no-X` is left out, as it says the opposite."""
    names: dict[str, list[str]] = {}
    for command in COMMANDS.values():
        for o in command.options:
            said = names.setdefault(f"`{o.param}`", [])
            if o.param and not o.flags[-1].startswith("--no-") and o.flags[-1] not in said:
                said.append(o.flags[-1])
    return {param: " or ".join(flags) for param, flags in names.items() if flags}

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
    path = api.view(args.name, output=output, store=args.store, fmt=fmt,
                    sparql_endpoint=args.sparql_endpoint, wait=args.wait, **_view_options(args))
    print(f"wrote {path}", file=sys.stderr)
    return 0


def _view_options(args: argparse.Namespace) -> dict[str, Any]:
    options = {"labels": args.label, "province": args.province, "date_from": args.date_from,
               "date_to": args.date_to, "number": args.number, "hops": args.hops,
               "min_shared": args.min, "node": args.person_name or args.id}
    return {k: v for k, v in options.items() if v is not None}


def run_eval(args: argparse.Namespace) -> int:
    from extract.evaluate import format_report
    from queries.answers import format_answers
    from vnkg.output import print_problems

    problems: list[api.Problem] = []
    report = api.evaluate(args.inputs, gold=args.gold, problems=problems, answers=args.answers)
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
