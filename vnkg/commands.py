"""The command line's helpers: the table of commands, progress, summaries, parameters, views
and eval."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vnkg import api
from vnkg.graph.shards import PARTITION
from vnkg.graph.workers import check_jobs, default_jobs
from vnkg.web import WHOLE_GRAPH

EXPORT_FORMATS = ("turtle", "nquads", "jsonld", "csv", "cypher", "popolo", "ftm", "html",
                  "graphml", "gexf", "json", "png")


@dataclass(frozen=True)
class Option:
    """An option of a command: its spellings, the keyword-only parameter of the API function
    it sets (None: the command line's own, such as how to print), and how argparse reads it
    (`spec`). The parameter is the long spelling with `_` for `-` (`--sparql-endpoint`:
    `sparql_endpoint`), `--no-X` sets `X`, a repeatable `--X` sets `Xs`; any other pairing
    says `why`."""

    flags: tuple[str, ...]
    param: str | None
    why: str = ""
    spec: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Argument:
    """A positional argument: its name on the command line, the API's positional parameter,
    and how argparse reads it."""

    name: str
    param: str
    spec: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Command:
    """A command and its API function: what it does, an example that returns something on
    examples/articles, its positional arguments (the function's positional parameters),
    its options, and the parameters only the API has (`api_only`: what the command line
    fills itself, such as a progress callback)."""

    api: str
    help: str
    example: str
    arguments: tuple[Argument, ...]
    options: tuple[Option, ...]
    api_only: tuple[str, ...] = ()


def _opt(*flags: str, param: str | None = "", why: str = "", **spec: Any) -> Option:
    """An option; its parameter is the rule's unless given (None: the command line's own)."""
    if param == "":
        name = next(f for f in flags if f.startswith("--"))
        param = name.removeprefix("--no-").removeprefix("--").replace("-", "_")
    return Option(flags, param, why, spec)


def _arg(name: str, param: str | None = None, **spec: Any) -> Argument:
    return Argument(name, param or name, spec)


def _jobs(text: str) -> int:
    """--jobs N: a whole number of 1 or more, else a usage error that says so."""
    try:
        return check_jobs(int(text))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"takes a whole number of 1 or more (worker processes), not {text!r}") from None


def _query_names() -> str:
    from vnkg.queries import names

    return "a named query: " + ", ".join(names("sparql"))


STORE = (_opt("--store", default=str(api.DEFAULT_STORE),
              help="folder of the embedded RDF store (default: %(default)s)"),
         _opt("--wait", type=float, default=0.0, metavar="SECONDS",
              help="wait this long for a store another process holds (default: 0)"),
         _opt("--sparql-endpoint", metavar="URL", default=None,
              help="use a SPARQL 1.1 server (query URL; updates go to its /update twin) "
                   "instead of the embedded store"))
REFERENCE = (_opt("--no-reference", dest="reference", action="store_false",
                  help="do not load the gazetteer's localities (both maps) as reference data"),
             _opt("--overrides", default=str(api.DEFAULT_OVERRIDES), metavar="FILE",
                  help="pin or split nodes (JSON, see the README; default: %(default)s, "
                       "used when it exists)"))
BACKEND = (_opt("--backend", choices=("rdf", "neo4j", "both"), default="rdf",
                help="where to load or query: the RDF store (default), Neo4j, or both"),
           _opt("--neo4j", metavar="URI", default=None,
                help="Neo4j Bolt URI (default: $NEO4J_URI); the login comes from "
                     "$NEO4J_USER and $NEO4J_PASSWORD only"))
MAX_BYTES = _opt("--max-bytes", type=int, default=api.MAX_BYTES, metavar="N",
                 help="skip (and report) files larger than this (default: %(default)s)")
PATHS = _arg("paths", nargs="+", help=".txt, .html, .jsonl files or folders")
NODE = "one parameter takes a person's name or a node's id"
FORMAT = _opt("--format", param=None, why="how the rows are printed: the API returns them",
              choices=("table", "csv", "json"), default="table")
JSON = _opt("--json", param=None, why="how the result is printed: the API returns it",
            action="store_true")
WRITE = "allow SPARQL updates"
COMMANDS: dict[str, Command] = {
    "build": Command(
        "build", "read, extract, resolve and load articles into the store",
        "vnkg build examples/articles --store vnkg-data --jobs 2", (PATHS,), (
            MAX_BYTES,
            _opt("--jobs", type=_jobs, default=None, metavar="N",
                 help="extract on N worker processes while this one writes; the store ends "
                      "up the same as with 1, one process (default: the cores this process "
                      f"may use, {default_jobs()} here)"),
            *STORE, *REFERENCE, *BACKEND), api_only=("progress",)),
    "extract": Command(
        "extract", "extract records (JSON Lines) from articles",
        "vnkg extract examples/articles -o records.jsonl", (PATHS,), (
            MAX_BYTES,
            _opt("-o", "--output", param=None, why="where the records go: the API yields "
                 "them (vnkg.write_records writes them)",
                 help="write records here (default: standard output)"),
            _opt("--shards", metavar="DIR", default=None,
                 help="write the records to this folder instead, as gzipped JSON Lines "
                      "shards named from their articles; shards already there are not "
                      "redone, so a stopped run resumes"),
            _opt("--cluster", metavar="ADDRESS", default=None,
                 help="extract on a Dask cluster: its scheduler (tcp://HOST:8786) or local:N "
                      "(N worker processes here); needs --shards"),
            _opt("--partition", type=int, default=PARTITION, metavar="N",
                 help="articles per shard (default: %(default)s)")),
        api_only=("problems",)),
    "load": Command(
        "load", "load records into the store", "vnkg load records.jsonl --store vnkg-data",
        (_arg("records", help="a JSON Lines file of records (vnkg extract's output), "
              "gzipped or not, or a folder of them (vnkg extract --shards)"),),
        (*STORE, *REFERENCE, *BACKEND), api_only=("progress",)),
    "query": Command(
        "query", "run a named query", 'vnkg query chairs --param locality="Bắc Kạn" --format csv',
        (_arg("name", help=_query_names),), (
            _opt("--param", param="params", action="append", default=[], metavar="KEY=VALUE",
                 help="bind a parameter (repeatable); a parameter left out means any"),
            FORMAT, *STORE, *BACKEND)),
    "sparql": Command(
        "sparql", "run a SPARQL query (read-only unless --write)",
        'vnkg sparql "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"',
        (_arg("text", help="a SPARQL query, or @FILE to read it from a file"),),
        (_opt("--write", action="store_true", help=WRITE), FORMAT, *STORE)),
    "cypher": Command(
        "cypher", "run Cypher on Neo4j (read-only unless --write)",
        'vnkg cypher "MATCH (p:Person) RETURN p.name LIMIT 5"',
        (_arg("text", help="a Cypher query, or @FILE to read it from a file"),), (
            _opt("--write", action="store_true", help="allow writes (read-only otherwise)"),
            FORMAT,
            _opt("--neo4j", metavar="URI", default=None,
                 help="Neo4j Bolt URI (default: $NEO4J_URI); login from $NEO4J_USER, "
                      "$NEO4J_PASSWORD"))),
    "view": Command(
        "view", "draw an interactive HTML view of the graph",
        "vnkg view overview -o overview.html",
        (_arg("name", choices=api.VIEWS, help="which view"),), (
            _opt("-o", "--output", why="optional here: NAME.FORMAT by default",
                 help="output file (default: NAME.html)"),
            _opt("--as", param="fmt", why="`as` is a Python keyword", dest="fmt",
                 choices=("html", "graphml", "gexf", "json", "png"), default=None,
                 help="format (default: from the output's suffix, else html)"),
            _opt("--name", param="node", why=NODE, dest="person_name",
                 help="person view: the person's name"),
            _opt("--id", param="node", why=NODE, help="person or meeting view: the node id"),
            _opt("--number", help="decree view: the decree's number"),
            _opt("--hops", type=int, default=2, help="person view: how far to go"),
            _opt("--label", param="labels", action="append",
                 help="overview: keep only these labels"),
            _opt("--province", help="overview, decree: keep only this province"),
            _opt("--from", param="date_from", why="`from` is a Python keyword",
                 dest="date_from", help="overview: from this date (ISO)"),
            _opt("--to", param="date_to", why="the pair of --from", dest="date_to",
                 help="overview: to this date (ISO)"),
            _opt("--min", param="min_shared", why="`min` is a Python builtin", type=int,
                 default=1, help="co-attendance: meetings shared"),
            *STORE)),
    "export": Command(
        "export", "export the whole graph (or the overview view) to a file",
        "vnkg export nquads -o graph.nq",
        (_arg("format", "fmt", choices=EXPORT_FORMATS, help=(
            "whole graph: turtle, nquads (named graphs kept), jsonld, csv (a folder for "
            "neo4j-admin import), cypher; officials data: popolo (Popolo JSON), ftm "
            "(FollowTheMoney JSON Lines); the overview view: html, graphml, gexf, json, png")),),
        (_opt("-o", "--output", required=True, help="output file (csv: a folder)"),
         _opt("--no-reference", dest="reference", action="store_false",
              help="leave out the gazetteer's reference localities (every whole-graph "
                   "format; popolo, ftm and the view formats never hold them)"),
         _opt("--jobs", type=_jobs, default=None, metavar="N",
              help="csv, cypher, nquads: read a large store on N processes; the same "
                   "files as with 1 (default: the cores this process may use, "
                   f"{default_jobs()} here)"),
         *STORE, *BACKEND)),
    "eval": Command(
        "evaluate", "score records against gold annotations",
        "vnkg eval --gold gold.jsonl records.jsonl",
        (_arg("inputs", nargs="+", help="records (.jsonl from vnkg extract) or articles"),), (
            _opt("--gold", required=True, help="gold annotations (JSON Lines)"),
            _opt("--show", param=None, why="how many misses to print", type=int, default=20,
                 help="how many misses to list"),
            _opt("--json", param=None, why="how the report is printed: the API returns it",
                 action="store_true", help="print the report as JSON"),
            _opt("--answers", action="store_true",
                 help="also score the answers of the named queries (chairs, decree-trace) "
                      "from a temporary store of the texts")),
        api_only=("problems",)),
    "stats": Command(
        "stats", "counts by label and relation, the most central officials",
        "vnkg stats --store vnkg-data", (), (
            *STORE,
            _opt("--merges", action="store_true",
                 help="also the merge log: who was joined across articles and why"),
            JSON)),
    "serve": Command(
        "serve", "open the explorer: a local, read-only web app over the store",
        "vnkg serve --store vnkg-data", (), (
            *STORE,
            _opt("--neo4j", metavar="URI", default=None,
                 help="read Neo4j at this Bolt URI instead (login from $NEO4J_USER and "
                      "$NEO4J_PASSWORD)"),
            _opt("--host", default="127.0.0.1",
                 help="address to listen on (default: %(default)s, this computer only)"),
            _opt("--port", type=int, default=8765, help="port (default: %(default)s)"),
            _opt("--whole-graph", type=int, default=WHOLE_GRAPH, metavar="N",
                 help="the large graph page draws every node of a store of up to N nodes, "
                      "past it the store's aggregate (default: %(default)s)"))),
    "check": Command(
        "check", "consistency checks that point at likely extraction or merge errors",
        "vnkg check --store vnkg-data --format json", (), (
            _opt("--format", param=None, why="how the findings are printed: the API returns "
                 "them", choices=("table", "json"), default="table",
                 help="a readable table (default) or a JSON report"),
            *STORE,
            _opt("--backend", choices=("rdf", "neo4j"), default="rdf",
                 help="check the RDF store with SHACL (default) or Neo4j with Cypher"),
            BACKEND[1])),
}


def add_arguments(parser: argparse.ArgumentParser, command: Command) -> None:
    """Set up `parser` with the command's arguments and options, as the table says."""
    for arg in command.arguments:
        spec = dict(arg.spec)
        if callable(spec.get("help")):  # worked out when asked (the list of named queries)
            spec["help"] = spec["help"]()
        parser.add_argument(arg.name, **spec)
    for o in command.options:
        parser.add_argument(*o.flags, **o.spec)


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


def parse_params(pairs: list[str]) -> dict[str, str]:
    """`KEY=VALUE` strings to a dict; a pair without `=` is a usage error."""
    params: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--param takes KEY=VALUE, not {pair!r}")
        params[key.strip()] = value.strip()
    return params


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
    from vnkg.extraction.evaluate import format_report
    from vnkg.output import print_problems
    from vnkg.queries.answers import format_answers

    problems: list[api.Problem] = []
    report = api.evaluate(args.inputs, gold=args.gold, problems=problems, answers=args.answers)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_report(report, show=args.show))
        if report.answers:
            print(format_answers(report.answers, show=args.show))
    return print_problems(problems)
