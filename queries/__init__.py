"""The named queries: one file per query and language (`NAME.rq`, `NAME.cypher`).

Each file starts with a header of comment lines naming the query, its parameters and its
columns. A parameter `x` is bound to the variable `?p_x` (Cypher: `$x`); entity parameters
(person, unit, locality, decree) are also bound folded as `?p_x_key` (`$x_key`), so a name
matches without regard to case, tone-mark style or abbreviations. A parameter left out
means "any". Values are always bound, never formatted into the query text. A SPARQL
header may also say `# joins: as written`: a server that takes a join-order hint keeps the
written order (loaders.sparql_store).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from vnkg.extraction.keys import param_key  # re-exported: the home of every matching key
from vnkg.queries.seeds import parse_seeds

ENTITY_PARAMS = ("person", "unit", "post", "locality", "province", "decree", "id")
_HEADER = re.compile(r"^\s*(?:#|//)\s*(query|params|columns|lists|about|seeds):\s*(.*)$")


@dataclass(frozen=True)
class NamedQuery:
    """A query file: its text and the parameters and columns its header declares."""

    name: str
    language: str  # "sparql" or "cypher"
    text: str
    params: tuple[str, ...]
    columns: tuple[str, ...]
    about: str
    lists: tuple[str, ...] = ()  # columns whose value is a list of strings
    seeds: tuple[tuple[str, str, str], ...] = ()  # see queries.seeds


_SUFFIX = {"sparql": "rq", "cypher": "cypher"}


def names(language: str = "sparql") -> list[str]:
    """The names of the queries shipped for `language`.

    >>> "chairs" in names()
    True
    """
    suffix = "." + _SUFFIX[language]
    return sorted(f.name[: -len(suffix)] for f in resources.files(__name__).iterdir()
                  if f.name.endswith(suffix) and not f.name.startswith("_"))


def read_query(name: str, language: str = "sparql", package: str = __name__) -> NamedQuery:
    """Read `queries/NAME.rq` (or `.cypher`) and its header; `package` names another folder
    of query files written the same way (the explorer's page queries, `vnkg.web.queries`;
    the exports' in `vnkg.loaders.interchange`).

    >>> read_query("chairs").columns[:2]
    ('person', 'person_name')
    """
    path = resources.files(package) / f"{name}.{_SUFFIX[language]}"
    if not path.is_file():
        known = names(language) if package == __name__ else []
        raise KeyError(f"no {language} query named {name!r}; known: {', '.join(known)}")
    text = path.read_text(encoding="utf-8")
    head: dict[str, str] = {}
    for line in text.splitlines():
        m = _HEADER.match(line)
        if m:
            head[m.group(1)] = m.group(2).strip()
    split = lambda s: tuple(x.strip() for x in s.split(",") if x.strip())  # noqa: E731
    return NamedQuery(name, language, text, split(head.get("params", "")),
                      split(head.get("columns", "")), head.get("about", ""),
                      split(head.get("lists", "")), parse_seeds(head.get("seeds", "")))


def bind_params(query: NamedQuery, params: dict[str, Any]) -> dict[str, Any]:
    """The bindings for `params`: unknown names are an error, missing ones mean "any".

    >>> bind_params(read_query("chairs"), {"person": "Nguyễn Văn A"})["person_key"]
    'nguyen van a'
    """
    unknown = set(params) - set(query.params)
    if unknown:
        raise ValueError(f"query {query.name!r} takes {', '.join(query.params) or 'no'} "
                         f"parameters, not {', '.join(sorted(unknown))}")
    bound: dict[str, Any] = {}
    for name in query.params:
        value = params.get(name)
        bound[name] = value
        if name in ENTITY_PARAMS:
            bound[f"{name}_key"] = None if value is None else param_key(name, str(value))
    return bound


def order_rows(rows: list[dict[str, Any]], columns: tuple[str, ...],
               lists: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Rows restricted to the declared columns, in a stable order (for parity and tests).

    A `lists` column comes back as a sorted list of unique strings, whether the engine gave
    a list (Cypher `collect`) or a "|"-joined string (SPARQL `GROUP_CONCAT`).

    >>> order_rows([{"a": 1, "s": "b|a|b", "x": 0}], ("a", "s"), lists=("s",))
    [{'a': 1, 's': ['a', 'b']}]
    """
    out = [{c: as_list(row.get(c)) if c in lists else row.get(c) for c in columns}
           for row in rows]
    return sorted(out, key=lambda r: tuple("" if r[c] is None else str(r[c]) for c in columns))


def as_list(value: Any) -> list[str]:
    """A list column's value as a sorted list of unique strings; None or "" give [].

    >>> as_list("article/b|article/a"), as_list(["x", "x"]), as_list(None)
    (['article/a', 'article/b'], ['x'], [])
    """
    if value is None:
        return []
    items = value if isinstance(value, list | tuple | set) else str(value).split("|")
    return sorted({str(v) for v in items if v is not None and str(v) != ""})
