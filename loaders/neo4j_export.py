"""The graph for Neo4j as files: CSV for `neo4j-admin database import full`, and a Cypher
script. Both are written from the rows the Bolt loader writes (loaders.neo4j_rows), merged
the same way, so an imported database holds what a Bolt load of the same store holds: the
reference gazetteer (unless left out), every article's nodes and relationships, their
`sources`, the relationships' `evidence` and dates, what each article stated, the loader's
`VnkgLoad` records, and the loader's constraints by their names.

CSV: strings are always quoted (quotes doubled), so a newline or a delimiter inside a value
never ends a field; lists are joined by U+001F, a control character no text vnkg writes can
hold (a value that does is refused). `import.args` beside the files holds the matching
options for `neo4j-admin database import full` (`@import.args`), `constraints.cypher` the
loader's constraints (Neo4j Community's import cannot create them: run it after), and
`tools/neo4j/import.sh FOLDER` does both with the Neo4j tools/neo4j fetches.
"""

from __future__ import annotations

import shlex
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from vnkg.graph.model import LABELS, UNIQUE
from vnkg.loaders.neo4j import LOAD_LABEL, constraints
from vnkg.loaders.neo4j_rows import Row, Rows, fragment_rows
from vnkg.loaders.rdf import REFERENCE
from vnkg.loaders.store import Store

ARRAY_DELIMITER = "\x1f"
SCHEMA_FILE = "constraints.cypher"
ARGS_FILE = "import.args"
BATCH = 500  # rows per UNWIND statement of the Cypher script
_LOAD_ID = "article:ID(VnkgLoad)"


def store_rows(store: Store, reference: bool = True) -> Rows:
    """The rows the Bolt loader would write for every article of `store` (and the reference
    gazetteer, whole, as `write_base` loads it, unless `reference` is False)."""
    rows = Rows()
    for article in store.articles():
        if article != REFERENCE or reference:
            rows.add(fragment_rows(store.read_fragment(article)))
    return rows


def write_neo4j_csv(rows: Rows, folder: Path) -> list[Path]:
    """One nodes file per label, one relationships file per type, the loader's records,
    the constraints (`constraints.cypher`) and the import options (`import.args`)."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    nodes = rows.node_rows()
    for label in LABELS:
        if nodes.get(label):
            records = [{"id:ID": r["id"], ":LABEL": label, "sources": r["articles"],
                        "stated": r["stated"], **r["props"]} for r in nodes[label]]
            written.append(_write_csv(folder / f"nodes_{label}.csv", records))
    if rows.loads:
        loads = [{_LOAD_ID: r["article"], ":LABEL": LOAD_LABEL, "seen_date": r["seen_date"],
                  "digest": r["digest"]} for r in _last_loads(rows.loads)]
        written.append(_write_csv(folder / f"nodes_{LOAD_LABEL}.csv", loads))
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (rel, _, _), edge_rows in sorted(rows.edge_rows().items()):
        by_type[rel].extend({":START_ID": r["source"], ":END_ID": r["target"], ":TYPE": rel,
                             "sources": r["articles"], "evidence": r["evidence"],
                             "first_seen": r["first_seen"], "last_seen": r["last_seen"],
                             **r["props"]} for r in edge_rows)
    for rel, records in by_type.items():
        written.append(_write_csv(folder / f"relationships_{rel}.csv", records))
    schema = folder / SCHEMA_FILE
    schema.write_text("".join(f"{c};\n" for c in constraints()), encoding="utf-8")
    args = folder / ARGS_FILE
    args.write_text("".join(f"{a}\n" for a in import_args(written)), encoding="utf-8")
    return [*written, schema, args]


def import_args(files: Iterable[Path]) -> list[str]:
    """The options of `neo4j-admin database import full` for the files written, named
    relative to their folder (run it there), the database name left to the caller.

    >>> import_args([Path("x/nodes_Person.csv"), Path("x/relationships_HOLDS.csv")])[1:3]
    ['--relationships=relationships_HOLDS.csv', '--array-delimiter=U+001F']
    """
    paths = [Path(f).name for f in files]
    return [*(f"--nodes={p}" for p in paths if p.startswith("nodes_")),
            *(f"--relationships={p}" for p in paths if p.startswith("relationships_")),
            f"--array-delimiter=U+{ord(ARRAY_DELIMITER):04X}", "--multiline-fields=true",
            "--id-type=string"]


def import_commands(folder: Path, database: str = "neo4j") -> list[str]:
    """The commands that import a CSV export in `folder` with a Neo4j installation: the
    import, then (the server started) the constraints.

    >>> import_commands(Path("out/csv"))[0]
    'cd out/csv && neo4j-admin database import full @import.args neo4j'
    """
    where = shlex.quote(str(folder))
    return [f"cd {where} && neo4j-admin database import full @{ARGS_FILE} {database}",
            f"cypher-shell -d {database} -f {where}/{SCHEMA_FILE}"]


def _last_loads(loads: list[Row]) -> list[Row]:
    """One record per article (the last one given)."""
    return list({r["article"]: r for r in loads}.values())


def _write_csv(path: Path, records: list[dict[str, Any]]) -> Path:
    columns: dict[str, str] = {}
    for record in records:
        for key, value in record.items():
            if value is not None:
                columns[key] = _header(key, value, columns.get(key))
    for record in records:  # a column once declared keeps its place even when unset
        for key in record:
            columns.setdefault(key, key)
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(",".join(_quoted(h) for h in columns.values()) + "\n")
        for record in records:
            f.write(",".join(_field(record.get(k), columns[k], path) for k in columns) + "\n")
    return path


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


def write_cypher_script(rows: Rows, out: TextIO) -> None:
    """A Cypher script recreating the graph as the loader writes it: the loader's
    constraints, then nodes per label and relationships per type and end labels, in
    labelled `UNWIND` batches. Each row is a list literal of values in the statement's
    column order (Neo4j reads list literals about 20 times faster than map literals); every
    value is a Cypher literal, quotes, backslashes and newlines escaped, so no text can
    change a statement. One statement per line, each ending with `;`: run it with
    `cypher-shell -f`, or statement by statement."""
    out.write("// vnkg graph, written by vnkg's Cypher export\n")
    for statement in constraints():
        out.write(f"{statement};\n")
    for label, node_rows in rows.node_rows().items():
        records = [{"id": r["id"], **r["props"], "sources": r["articles"], "stated": r["stated"]}
                   for r in node_rows]
        _write_batches(out, records, 1, f"MERGE (n:{label} {{id: row[0]}})", "n")
    for (rel, src, tgt), edge_rows in rows.edge_rows().items():
        records = [{"s": r["source"], "t": r["target"], **r["props"], "sources": r["articles"],
                    "evidence": r["evidence"], "first_seen": r["first_seen"],
                    "last_seen": r["last_seen"]} for r in edge_rows]
        _write_batches(out, records, 2, f"MATCH (a:{src} {{{UNIQUE[src]}: row[0]}}) "
                       f"MATCH (b:{tgt} {{{UNIQUE[tgt]}: row[1]}}) "
                       f"MERGE (a)-[r:{rel}]->(b)", "r")
    loads = [{"article": r["article"], "seen_date": r["seen_date"], "digest": r["digest"]}
             for r in _last_loads(rows.loads)]
    _write_batches(out, loads, 1, f"MERGE (l:{LOAD_LABEL} {{article: row[0]}})", "l")


def _write_batches(out: TextIO, records: list[dict[str, Any]], keys: int, merge: str,
                   var: str) -> None:
    """`UNWIND` statements of BATCH rows each: `merge` on the first `keys` columns, then
    the others set on `var` (a null sets nothing)."""
    columns = list(dict.fromkeys(k for r in records for k in r))
    sets = ", ".join(f"{var}.`{c.replace('`', '``')}` = row[{i}]"
                     for i, c in enumerate(columns) if i >= keys)
    for batch in _chunks([[r.get(c) for c in columns] for r in records]):
        out.write(f"UNWIND {cypher_literal(batch)} AS row {merge}"
                  f"{' SET ' + sets if sets else ''};\n")


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(items), BATCH):
        yield items[start:start + BATCH]


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
