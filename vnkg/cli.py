"""The `vnkg` command line: each command is a function of the Python API (vnkg.api).

Exit status: 0 when everything was read and loaded, 1 when some input was skipped (each
problem is printed as one line: file, line, reason), 2 for a usage error, 3 when the store
is in use by another process (another build: wait for it, or pass --wait SECONDS).
`vnkg check` exits with 1 when it finds something, 0 when it finds nothing.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from vnkg import api, commands
from vnkg.extraction.read import count_documents
from vnkg.graph.records import write_records
from vnkg.loaders.store import StoreBusyError
from vnkg.output import (
    format_findings,
    print_problems,
    print_rows,
    print_stats,
    progress,
    shard_summary,
    summary,
)

EPILOG = """examples:
  vnkg build examples/articles --store vnkg-data
  vnkg query person-meetings --param person="Triệu Đức Phong"
  vnkg query chairs --param person="bui khac thieu"
  vnkg view overview -o overview.html
  vnkg serve --store vnkg-data
  vnkg check --store vnkg-data
exit status: 0 all loaded, 1 some input skipped (listed; check: findings), 2 usage error,
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
    """Print an error of the API on one line, its parameters named as this command's options:
    "this view needs `number`" from `view` prints "vnkg view: this view needs --number".
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
    """The parser, every subcommand made from its row of the table (commands.COMMANDS)."""
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


def _run_extract(args: argparse.Namespace) -> int:
    problems: list[api.Problem] = []
    if args.shards:
        if args.output:
            raise ValueError("the records go to --shards or to -o, not both")
        done = api.extract(args.paths, problems=problems, max_bytes=args.max_bytes,
                           cluster=args.cluster, shards=args.shards, partition=args.partition)
        print(shard_summary(done), file=sys.stderr)
        return print_problems(problems)
    records = api.extract(args.paths, problems=problems, max_bytes=args.max_bytes,
                          cluster=args.cluster)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as out:
            n = write_records(records, out)
        print(f"wrote {n} records to {args.output}", file=sys.stderr)
    else:
        write_records(records, sys.stdout)
    return print_problems(problems)


def _run_build(args: argparse.Namespace) -> int:
    report = api.build(args.paths, store=args.store,
                       progress=progress("articles", partial(count_documents, args.paths)),
                       sparql_endpoint=args.sparql_endpoint, reference=args.reference,
                       overrides=args.overrides, backend=args.backend, neo4j=args.neo4j,
                       wait=args.wait, max_bytes=args.max_bytes, jobs=args.jobs)
    summary(report, args.store)
    return print_problems(report.problems)


def _run_load(args: argparse.Namespace) -> int:
    report = api.load(args.records, store=args.store,
                      progress=progress("records", _record_count(args.records)),
                      sparql_endpoint=args.sparql_endpoint, reference=args.reference,
                      overrides=args.overrides, backend=args.backend, neo4j=args.neo4j,
                      wait=args.wait)
    summary(report, args.store)
    return print_problems(report.problems)


def _record_count(records: str) -> Callable[[], int] | None:
    """How to count the records for a progress bar: a plain file's lines; shards (gzipped,
    or a folder) are not read twice for it."""
    return partial(count_documents, [records]) if records.endswith(".jsonl") else None


def _run_query(args: argparse.Namespace) -> int:
    params = commands.parse_params(args.param)
    if args.backend == "both":
        raise ValueError("query takes --backend rdf or neo4j")
    rows = api.query(args.name, params=params, store=args.store,
                     sparql_endpoint=args.sparql_endpoint, backend=args.backend,
                     neo4j=args.neo4j, wait=args.wait)
    from vnkg.queries import read_query

    print_rows(rows, read_query(args.name).columns, args.format)
    if not rows and params and args.backend == "rdf":
        sys.stdout.flush()
        for line in api.why_empty(args.name, params=params, store=args.store,
                                  sparql_endpoint=args.sparql_endpoint, wait=args.wait):
            print(f"vnkg query: {line}", file=sys.stderr)
    return 0


def _run_sparql(args: argparse.Namespace) -> int:
    text = Path(args.text[1:]).read_text("utf-8") if args.text.startswith("@") else args.text
    rows = api.sparql(text, store=args.store, write=args.write,
                      sparql_endpoint=args.sparql_endpoint, wait=args.wait)
    print_rows(rows, tuple(rows[0]) if rows else (), args.format)
    return 0


def _run_cypher(args: argparse.Namespace) -> int:
    text = Path(args.text[1:]).read_text("utf-8") if args.text.startswith("@") else args.text
    rows = api.cypher(text, neo4j=args.neo4j, write=args.write)
    print_rows(rows, tuple(rows[0]) if rows else (), args.format)
    return 0


def _run_export(args: argparse.Namespace) -> int:
    for path in api.export(args.format, output=args.output, store=args.store,
                           sparql_endpoint=args.sparql_endpoint, reference=args.reference,
                           wait=args.wait, backend=args.backend, neo4j=args.neo4j,
                           jobs=args.jobs):
        print(f"wrote {path}", file=sys.stderr)
    if args.format == "csv":
        from vnkg.loaders.neo4j_export import import_commands

        print("import it into a new Neo4j database (NEO4J_HOME: the Neo4j home; the database"
              " is overwritten), from a vnkg checkout:\n"
              f"  NEO4J_HOME=... tools/neo4j/import.sh {shlex.quote(args.output)}\n"
              "or with a Neo4j installation (the second command once the server runs):\n"
              + "".join(f"  {c}\n" for c in import_commands(Path(args.output))),
              file=sys.stderr, end="")
    return 0


def _run_serve(args: argparse.Namespace) -> int:
    api.serve(store=args.store, sparql_endpoint=args.sparql_endpoint, neo4j=args.neo4j,
              host=args.host, port=args.port, wait=args.wait, whole_graph=args.whole_graph)
    return 0


def _run_check(args: argparse.Namespace) -> int:
    found = api.check(store=args.store, sparql_endpoint=args.sparql_endpoint,
                      backend=args.backend, neo4j=args.neo4j, wait=args.wait)
    if args.format == "json":
        print(json.dumps([f.as_dict() for f in found], ensure_ascii=False, indent=2))
    else:
        print(format_findings(found), end="")
    return 1 if found else 0


def _run_stats(args: argparse.Namespace) -> int:
    result = api.stats(store=args.store, sparql_endpoint=args.sparql_endpoint,
                       merges=args.merges, wait=args.wait)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print_stats(result)
    return 0


# how each command of the table (commands.COMMANDS: names, help, examples, arguments,
# options and their API parameters) is run
_RUN: dict[str, Callable[[argparse.Namespace], Any]] = {
    "build": _run_build, "extract": _run_extract, "load": _run_load, "query": _run_query,
    "sparql": _run_sparql, "cypher": _run_cypher, "view": commands.run_view,
    "export": _run_export, "eval": commands.run_eval, "stats": _run_stats,
    "serve": _run_serve,
    "check": _run_check,
}
Command = tuple[str, str, Callable[[argparse.ArgumentParser], None],
                Callable[[argparse.Namespace], Any]]
_COMMANDS: dict[str, Command] = {
    name: (c.help, c.example, partial(commands.add_arguments, command=c), _RUN[name])
    for name, c in commands.COMMANDS.items()}


if __name__ == "__main__":
    sys.exit(main())
