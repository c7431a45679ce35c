"""Run a named query on any store, in the store's language, over `store.select`.

Parameters go through `queries.bind_params`, which adds the folded `*_key` of each entity
parameter and sets every parameter left out to null ("any"). SPARQL binds parameter `x` as
`?p_x`, after looking up the query's seeds (queries.seeds); Cypher binds it as `$x`. Values
are bound by the engine, never formatted into the query text; the one exception is a
subquery marked `# seeded`, which no binding of the enclosing query reaches: there they
are a VALUES block of terms serialised by rdflib (queries.seeds.with_params).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vnkg.queries import bind_params, order_rows, read_query
from vnkg.queries.seeds import seeded, with_params

Rows = list[dict[str, Any]]


def run_named(store: Any, name: str, params: Mapping[str, Any] | None = None,
              package: str = "vnkg.queries") -> Rows:
    """Rows of named query `queries/NAME.rq` (or `.cypher`, by `store.language`), `params`
    bound, keyed by its declared columns, in a stable order. `package` names another folder
    of queries written the same way (the explorer's page queries).

    >>> from vnkg.loaders.store import open_store
    >>> with open_store(None) as store:
    ...     run_named(store, "chairs", {"person": "Nguyễn Văn A"})
    []
    """
    query = read_query(name, store.language, package)
    text, bindings = prepare_named(store, name, params, package)
    return order_rows(store.select(text, bindings), query.columns, query.lists)


def prepare_named(store: Any, name: str, params: Mapping[str, Any] | None = None,
                  package: str = "vnkg.queries") -> tuple[str, dict[str, Any]]:
    """The text of named query `name` as `run_named` sends it (SPARQL: its seeds looked up
    in `store`) and its bindings (SPARQL: `p_*`)."""
    query = read_query(name, store.language, package)
    bound = bind_params(query, dict(params or {}))
    if store.language != "sparql":
        return query.text, bound

    def lookup(text: str, bindings: Mapping[str, Any]) -> list[str]:
        return [str(row["iri"]) for row in store.select(text, bindings)]

    text = seeded(query.text, lookup, query.seeds, bound)
    bindings = {f"p_{k}": v for k, v in bound.items()}
    return with_params(text, bindings), bindings
