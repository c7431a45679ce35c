"""The `vnkg` command line: each command is a function of the Python API (vnkg.api).

Exit status: 0 when everything was read and loaded, 1 when some input was skipped (each
problem is printed as one line: file, line, reason), 2 for a usage error, 3 when the store
is in use by another process (another build: wait for it, or pass --wait SECONDS).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from graph.records import write_records
from graph.workers import check_jobs
from loaders.store import StoreBusyError
from vnkg import api, commands
from vnkg.output import print_problems, print_rows

EPILOG = """examples:
  vnkg build examples/articles --store vnkg-data
  vnkg query person-meetings --param person="Triệu Đức Phong"
  vnkg query chairs --param person="bui khac thieu"
  vnkg view overview -o overview.html
exit status: 0 all loaded, 1 some input skipped (listed), 2 usage error,
             3 store in use by another process (see --wait)"""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `vnkg` command."""
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        status = int(args.run(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return status
    except BrokenPipeError:  # the reader went away (| head): nothing more to say
        _quiet_stdout()
        return 0
    except (KeyError, ValueError, PermissionError, FileNotFoundError, ConnectionError) as err:
        _say(args.command, str(err.args[0] if err.args else err))
        return 2
    except StoreBusyError as err:
        _say(args.command, f"{err} (--wait SECONDS waits for it)")
        return 3
    except KeyboardInterrupt:
        resume = (": the articles written so far are kept, and running the same command "
                  "again resumes") if args.command in ("build", "load") else ""
        fresh_line = "\n" if sys.stderr.isatty() else ""  # after a progress line
        print(f"{fresh_line}vnkg {args.command}: interrupted{resume}", file=sys.stderr)
        return 130


# the API names its parameters in backquotes; the command line says its options instead
_OPTION_OF = commands.option_names()


def _say(command: str, message: str) -> None:
    """Print an error of the API on one line, its parameters named as this command's options.

    >>> _say("view", "this view needs `number`: a decree's number or id")  # doctest: +SKIP
    vnkg view: this view needs --number: a decree's number or id
    """
    for param, option in _OPTION_OF.items():
        message = message.replace(param, option)
    print(f"vnkg {command}: {message}", file=sys.stderr)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so Python's final flush does not fail on the closed pipe."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vnkg", description="Vietnamese government and military news → knowledge graph.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (helptext, example, setup, run) in _COMMANDS.items():
        p = sub.add_parser(name, help=helptext, description=helptext,
                           epilog=f"example:\n  {example}",
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        setup(p)
        p.set_defaults(run=run)
    return parser


def _store(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", default=str(api.DEFAULT_STORE),
                   help="folder of the embedded RDF store (default: %(default)s)")
    p.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                   help="wait this long for a store another process holds (default: 0)")
    p.add_argument("--sparql-endpoint", metavar="URL", default=None,
                   help="use a SPARQL 1.1 server (query URL; updates go to its /update "
                        "twin) instead of the embedded store")


def _setup_extract(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", help=".txt, .html, .jsonl files or folders")
    _max_bytes(p)
    p.add_argument("-o", "--output", help="write records here (default: standard output)")


def _run_extract(args: argparse.Namespace) -> int:
    problems: list[api.Problem] = []
    records = api.extract(args.paths, problems=problems, max_bytes=args.max_bytes)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as out:
            n = write_records(records, out)
        print(f"wrote {n} records to {args.output}", file=sys.stderr)
    else:
        write_records(records, sys.stdout)
    return print_problems(problems)


def _max_bytes(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-bytes", type=int, default=api.MAX_BYTES, metavar="N",
                   help="skip (and report) files larger than this (default: %(default)s)")


def _setup_build(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", help=".txt, .html, .jsonl files or folders")
    _max_bytes(p)
    p.add_argument("--jobs", type=_jobs, default=1, metavar="N",
                   help="extract on N worker processes while this one writes; the store "
                        "ends up the same as with 1 (default: 1, one process)")
    _store(p)
    _reference(p)
    _backend(p)


def _jobs(text: str) -> int:
    """--jobs N: a whole number of 1 or more, else a usage error that says so."""
    try:
        return check_jobs(int(text))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"takes a whole number of 1 or more (worker processes), not {text!r}") from None


def _backend(p: argparse.ArgumentParser) -> None:
    p.add_argument("--backend", choices=("rdf", "neo4j", "both"), default="rdf",
                   help="where to load or query: the RDF store (default), Neo4j, or both")
    p.add_argument("--neo4j", metavar="URI", default=None,
                   help="Neo4j Bolt URI (default: $NEO4J_URI); the login comes from "
                        "$NEO4J_USER and $NEO4J_PASSWORD only")


def _reference(p: argparse.ArgumentParser) -> None:
    p.add_argument("--no-reference", dest="reference", action="store_false",
                   help="do not load the gazetteer's localities (both maps) as reference data")
    p.add_argument("--overrides", default=str(api.DEFAULT_OVERRIDES), metavar="FILE",
                   help="pin or split nodes (JSON, see the README; default: %(default)s, "
                        "used when it exists)")


def _run_build(args: argparse.Namespace) -> int:
    report = api.build(args.paths, store=args.store, progress=commands.progress("articles"),
                       sparql_endpoint=args.sparql_endpoint, reference=args.reference,
                       overrides=args.overrides, backend=args.backend, neo4j=args.neo4j,
                       wait=args.wait, max_bytes=args.max_bytes, jobs=args.jobs)
    commands.summary(report, args.store)
    return print_problems(report.problems)


def _setup_load(p: argparse.ArgumentParser) -> None:
    p.add_argument("records", help="a JSON Lines file of records (vnkg extract's output)")
    _store(p)
    _reference(p)
    _backend(p)


def _run_load(args: argparse.Namespace) -> int:
    report = api.load(args.records, store=args.store, progress=commands.progress("records"),
                      sparql_endpoint=args.sparql_endpoint, reference=args.reference,
                      overrides=args.overrides, backend=args.backend, neo4j=args.neo4j,
                      wait=args.wait)
    commands.summary(report, args.store)
    return print_problems(report.problems)


def _setup_query(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", help="a named query: " + ", ".join(commands.query_names()))
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                   help="bind a parameter (repeatable); a parameter left out means any")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    _store(p)
    _backend(p)


def _run_query(args: argparse.Namespace) -> int:
    params = commands.parse_params(args.param)
    if args.backend == "both":
        raise ValueError("query takes --backend rdf or neo4j")
    rows = api.query(args.name, params=params, store=args.store,
                     sparql_endpoint=args.sparql_endpoint, backend=args.backend,
                     neo4j=args.neo4j, wait=args.wait)
    from queries import read_query

    print_rows(rows, read_query(args.name).columns, args.format)
    if not rows and params and args.backend == "rdf":
        sys.stdout.flush()
        for line in api.why_empty(args.name, params=params, store=args.store,
                                  sparql_endpoint=args.sparql_endpoint, wait=args.wait):
            print(f"vnkg query: {line}", file=sys.stderr)
    return 0


def _setup_sparql(p: argparse.ArgumentParser) -> None:
    p.add_argument("text", help="a SPARQL query, or @FILE to read it from a file")
    p.add_argument("--write", action="store_true", help="allow SPARQL updates")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    _store(p)


def _run_sparql(args: argparse.Namespace) -> int:
    text = Path(args.text[1:]).read_text("utf-8") if args.text.startswith("@") else args.text
    rows = api.sparql(text, store=args.store, write=args.write,
                      sparql_endpoint=args.sparql_endpoint, wait=args.wait)
    print_rows(rows, tuple(rows[0]) if rows else (), args.format)
    return 0


def _setup_cypher(p: argparse.ArgumentParser) -> None:
    p.add_argument("text", help="a Cypher query, or @FILE to read it from a file")
    p.add_argument("--write", action="store_true", help="allow writes (read-only otherwise)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--neo4j", metavar="URI", default=None,
                   help="Neo4j Bolt URI (default: $NEO4J_URI); login from $NEO4J_USER, "
                        "$NEO4J_PASSWORD")


def _run_cypher(args: argparse.Namespace) -> int:
    text = Path(args.text[1:]).read_text("utf-8") if args.text.startswith("@") else args.text
    rows = api.cypher(text, neo4j=args.neo4j, write=args.write)
    print_rows(rows, tuple(rows[0]) if rows else (), args.format)
    return 0


def _setup_view(p: argparse.ArgumentParser) -> None:
    commands.setup_view(p)
    _store(p)


def _setup_export(p: argparse.ArgumentParser) -> None:
    p.add_argument("format", choices=commands.EXPORT_FORMATS,
                   help="whole graph: turtle, nquads (named graphs kept), jsonld, csv (a "
                        "folder for neo4j-admin import), cypher; the overview view: html, "
                        "graphml, gexf, json, png")
    p.add_argument("-o", "--output", required=True, help="output file (csv: a folder)")
    p.add_argument("--no-reference", dest="reference", action="store_false",
                   help="leave out the gazetteer's reference localities (turtle, nquads, "
                        "jsonld; csv, cypher and the view formats never hold them)")
    _store(p)


def _run_export(args: argparse.Namespace) -> int:
    for path in api.export(args.format, output=args.output, store=args.store,
                           sparql_endpoint=args.sparql_endpoint, reference=args.reference,
                           wait=args.wait):
        print(f"wrote {path}", file=sys.stderr)
    return 0


def _setup_eval(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", help="records (.jsonl from vnkg extract) or articles")
    p.add_argument("--gold", required=True, help="gold annotations (JSON Lines)")
    p.add_argument("--show", type=int, default=20, help="how many misses to list")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--answers", action="store_true",
                   help="also score the answers of the named queries (chairs, decree-trace) "
                        "from a temporary store of the texts")


def _setup_stats(p: argparse.ArgumentParser) -> None:
    _store(p)
    p.add_argument("--merges", action="store_true",
                   help="also the merge log: who was joined across articles and why")
    p.add_argument("--json", action="store_true")


def _run_stats(args: argparse.Namespace) -> int:
    result = api.stats(store=args.store, sparql_endpoint=args.sparql_endpoint,
                       merges=args.merges, wait=args.wait)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        commands.print_stats(result)
    return 0


# how each command of the table (commands.COMMANDS: names, help, examples, options and
# their API parameters) is set up on the parser, and run
_WIRING: dict[str, tuple[Callable[[argparse.ArgumentParser], None],
                         Callable[[argparse.Namespace], Any]]] = {
    "build": (_setup_build, _run_build), "extract": (_setup_extract, _run_extract),
    "load": (_setup_load, _run_load), "query": (_setup_query, _run_query),
    "sparql": (_setup_sparql, _run_sparql), "cypher": (_setup_cypher, _run_cypher),
    "view": (_setup_view, commands.run_view), "export": (_setup_export, _run_export),
    "eval": (_setup_eval, commands.run_eval), "stats": (_setup_stats, _run_stats),
}
Command = tuple[str, str, Callable[[argparse.ArgumentParser], None],
                Callable[[argparse.Namespace], Any]]
_COMMANDS: dict[str, Command] = {name: (c.help, c.example, *_WIRING[name])
                                 for name, c in commands.COMMANDS.items()}

if __name__ == "__main__":
    sys.exit(main())
