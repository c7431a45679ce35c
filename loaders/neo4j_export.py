"""The graph for Neo4j as files: CSV for `neo4j-admin database import full`, and a Cypher
script. Both are written from the rows the Bolt loader writes (loaders.neo4j_rows), merged
the same way (read in bounded memory and in key order: loaders.neo4j_stream), so an
imported database holds what a Bolt load of the same store holds: the reference gazetteer
(unless left out), every article's nodes and relationships, their `sources`, the
relationships' `evidence` and dates, what each article stated, the loader's `VnkgLoad`
records, and the loader's constraints by their names.

CSV: strings are always quoted (quotes doubled), so a newline or a delimiter inside a value
never ends a field; lists are joined by U+001F, a control character no text vnkg writes can
hold (a value that does is refused). `import.args` beside the files holds the matching
options for `neo4j-admin database import full` (`@import.args`; a read buffer that holds the
longest field, past neo4j-admin's 4 MiB at 100,000 articles), `constraints.cypher` the
loader's constraints (Neo4j Community's import cannot create them: run it after), and
`tools/neo4j/import.sh FOLDER` does both with the Neo4j tools/neo4j fetches.
"""

from __future__ import annotations

import pickle
import shlex
import tempfile
from collections.abc import Iterable
from itertools import groupby, islice
from operator import itemgetter
from pathlib import Path
from typing import Any, TextIO

from vnkg.graph.model import UNIQUE
from vnkg.loaders.neo4j import LOAD_LABEL, constraints
from vnkg.loaders.neo4j_stream import SortedRows

ARRAY_DELIMITER = "\x1f"
SCHEMA_FILE = "constraints.cypher"
ARGS_FILE = "import.args"
BATCH = 500  # rows per UNWIND statement of the Cypher script
MIB = 1 << 20
READ_BUFFER = 4 * MIB  # neo4j-admin's default --read-buffer-size: its longest field
_LOAD_ID = "article:ID(VnkgLoad)"


def write_neo4j_csv(rows: SortedRows, folder: Path) -> list[Path]:
    """One nodes file per label, one relationships file per type, the loader's records,
    the constraints (`constraints.cypher`) and the import options (`import.args`), each
    written as its rows come (sorted by key: the same bytes from every store)."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[tuple[Path, int] | None] = []
    for label, node_rows in groupby(rows.nodes(), key=itemgetter(0)):
        records = ({"id:ID": r["id"], ":LABEL": label, "sources": r["articles"],
                    "stated": r["stated"], **r["props"]} for _, r in node_rows)
        written.append(_write_csv(folder / f"nodes_{label}.csv", records))
    loads = ({_LOAD_ID: r["article"], ":LABEL": LOAD_LABEL, "seen_date": r["seen_date"],
              "digest": r["digest"]} for r in rows.loads())
    written.append(_write_csv(folder / f"nodes_{LOAD_LABEL}.csv", loads))
    for rel, edge_rows in groupby(rows.edges(), key=lambda e: e[0][0]):
        records = ({":START_ID": r["source"], ":END_ID": r["target"], ":TYPE": rel,
                    "sources": r["articles"], "evidence": r["evidence"],
                    "first_seen": r["first_seen"], "last_seen": r["last_seen"],
                    **r["props"]} for _, r in edge_rows)
        written.append(_write_csv(folder / f"relationships_{rel}.csv", records))
    files = [w[0] for w in written if w is not None]
    longest = max((w[1] for w in written if w is not None), default=0)
    schema = folder / SCHEMA_FILE
    schema.write_text("".join(f"{c};\n" for c in constraints()), encoding="utf-8")
    args = folder / ARGS_FILE
    args.write_text("".join(f"{a}\n" for a in import_args(files, longest)), encoding="utf-8")
    return [*files, schema, args]


def import_args(files: Iterable[Path], longest: int = 0) -> list[str]:
    """The options of `neo4j-admin database import full` for the files written, named
    relative to their folder (run it there), the database name left to the caller.
    `longest` is the longest field written, in characters: neo4j-admin reads a field whole
    into a buffer of 4 MiB unless told more, and the `stated` list of a rank that 100,000
    articles name is longer (a buffer of whole MiB that holds it, with 1 MiB to spare).

    >>> import_args([Path("x/nodes_Person.csv"), Path("x/relationships_HOLDS.csv")])[1:3]
    ['--relationships=relationships_HOLDS.csv', '--array-delimiter=U+001F']
    >>> import_args([], longest=12_000_000)[-1]
    '--read-buffer-size=13m'
    """
    paths = [Path(f).name for f in files]
    buffer = [f"--read-buffer-size={longest // MIB + 2}m"] if longest > READ_BUFFER - MIB else []
    return [*(f"--nodes={p}" for p in paths if p.startswith("nodes_")),
            *(f"--relationships={p}" for p in paths if p.startswith("relationships_")),
            f"--array-delimiter=U+{ord(ARRAY_DELIMITER):04X}", "--multiline-fields=true",
            "--id-type=string", *buffer]


def import_commands(folder: Path, database: str = "neo4j") -> list[str]:
    """The commands that import a CSV export in `folder` with a Neo4j installation: the
    import, then (the server started) the constraints.

    >>> import_commands(Path("out/csv"))[0]
    'cd out/csv && neo4j-admin database import full @import.args neo4j'
    """
    where = shlex.quote(str(folder))
    return [f"cd {where} && neo4j-admin database import full @{ARGS_FILE} {database}",
            f"cypher-shell -d {database} -f {where}/{SCHEMA_FILE}"]


def _write_csv(path: Path, records: Iterable[dict[str, Any]]) -> tuple[Path, int] | None:
    """`records` as a CSV file with neo4j-admin's typed headers, in two passes over a
    temporary file (the header needs every record's columns): memory holds one record.
    The file and its longest field, in characters; nothing is written (None) when there are
    no records."""
    columns: dict[str, str] = {}
    with tempfile.TemporaryFile() as spill:
        count = 0
        for record in records:
            for key, value in record.items():
                if value is not None:
                    columns[key] = _header(key, value, columns.get(key))
            for key in record:  # a column once declared keeps its place even when unset
                columns.setdefault(key, key)
            pickle.dump(record, spill, pickle.HIGHEST_PROTOCOL)
            count += 1
        if not count:
            return None
        spill.seek(0)
        longest = 0
        with path.open("w", encoding="utf-8", newline="") as f:
            f.write(",".join(_quoted(h) for h in columns.values()) + "\n")
            for _ in range(count):
                record = pickle.load(spill)  # noqa: S301 - written just above
                fields = [_field(record.get(k), columns[k], path) for k in columns]
                longest = max([longest, *map(len, fields)])
                f.write(",".join(fields) + "\n")
    return path, longest


def _header(key: str, value: Any, before: str | None) -> str:
    """The column header of `key` for `value`: neo4j-admin's type suffix; a column whose
    values differ in type is read as strings."""
    if ":" in key:
        return key
    kind = ("string[]" if isinstance(value, list) else "boolean" if isinstance(value, bool)
            else "long" if isinstance(value, int) else "double" if isinstance(value, float)
            else "string")
    header = f"{key}:{kind}"
    return header if before in (None, header) else f"{key}:string"


def _field(value: Any, header: str, path: Path) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        items = [str(v) for v in value]
        for item in items:
            _check(item, path)
        return _quoted(ARRAY_DELIMITER.join(items))
    if header.endswith(":string") or isinstance(value, str):
        return _quoted(_check(str(value), path))
    return str(value).lower() if isinstance(value, bool) else str(value)


def _check(text: str, path: Path) -> str:
    if ARRAY_DELIMITER in text:
        raise ValueError(f"{path.name}: the value {text[:60]!r} holds U+001F, the list "
                         "delimiter of the CSV export; remove it from the article")
    return text


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def write_cypher_script(rows: SortedRows, out: TextIO) -> None:
    """A Cypher script recreating the graph as the loader writes it: the loader's
    constraints, then nodes per label and relationships per type and end labels, in
    labelled `UNWIND` batches, written as the rows come (sorted by key, each row's
    properties by name: the same bytes from every store). Each row is a list literal of
    values in the statement's column order (Neo4j reads list literals about 20 times faster
    than map literals); every value is a Cypher literal, quotes, backslashes and newlines
    escaped, so no text can change a statement. One statement per line, each ending with
    `;`: run it with `cypher-shell -f`, or statement by statement."""
    out.write("// vnkg graph, written by vnkg's Cypher export\n")
    for statement in constraints():
        out.write(f"{statement};\n")
    for label, node_rows in groupby(rows.nodes(), key=itemgetter(0)):
        records = ({"id": r["id"], **_sorted(r["props"]), "sources": r["articles"],
                    "stated": r["stated"]} for _, r in node_rows)
        _write_batches(out, records, 1, f"MERGE (n:{label} {{id: row[0]}})", "n")
    for (rel, src, tgt), edge_rows in groupby(rows.edges(), key=itemgetter(0)):
        records = ({"s": r["source"], "t": r["target"], **_sorted(r["props"]),
                    "sources": r["articles"], "evidence": r["evidence"],
                    "first_seen": r["first_seen"], "last_seen": r["last_seen"]}
                   for _, r in edge_rows)
        _write_batches(out, records, 2, f"MATCH (a:{src} {{{UNIQUE[src]}: row[0]}}) "
                       f"MATCH (b:{tgt} {{{UNIQUE[tgt]}: row[1]}}) "
                       f"MERGE (a)-[r:{rel}]->(b)", "r")
    loads = ({"article": r["article"], "seen_date": r["seen_date"], "digest": r["digest"]}
             for r in rows.loads())
    _write_batches(out, loads, 1, f"MERGE (l:{LOAD_LABEL} {{article: row[0]}})", "l")


def _sorted(props: dict[str, Any]) -> dict[str, Any]:
    return dict(sorted(props.items()))


def _write_batches(out: TextIO, records: Iterable[dict[str, Any]], keys: int, merge: str,
                   var: str) -> None:
    """`UNWIND` statements of BATCH rows each: `merge` on the first `keys` columns, then
    the others (those of the batch's rows) set on `var` (a null sets nothing).

    A statement's list literal is written a row at a time: the same text as one
    `cypher_literal` of the batch, without holding it whole: a batch of nodes many articles
    state (positions, ranks: their `sources` and `stated`) grows with the store, 4.4
    million characters at 10,000 articles, and building it as one string took copies."""
    it = iter(records)
    while batch := list(islice(it, BATCH)):
        columns = list(dict.fromkeys(k for r in batch for k in r))
        sets = ", ".join(f"{var}.`{c.replace('`', '``')}` = row[{i}]"
                         for i, c in enumerate(columns) if i >= keys)
        out.write("UNWIND [")
        for i, record in enumerate(batch):
            if i:
                out.write(", ")
            out.write(cypher_literal([record.get(c) for c in columns]))
        out.write(f"] AS row {merge}{' SET ' + sets if sets else ''};\n")


def cypher_literal(value: Any) -> str:
    """A Cypher literal for a value: maps (keys backquoted), lists, numbers, strings.

    >>> print(cypher_literal("O'Neil \\\\ } ; MATCH (n) DETACH DELETE n //"))
    'O\\'Neil \\\\ } ; MATCH (n) DETACH DELETE n //'
    >>> cypher_literal({"a b": ["x", 3, None]})
    "{`a b`: ['x', 3, null]}"
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"`{str(k).replace('`', '``')}`: {cypher_literal(v)}"
                               for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    text = str(value)
    for a, b in (("\\", "\\\\"), ("'", "\\'"), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")):
        text = text.replace(a, b)
    return f"'{text}'"
