"""A remote SPARQL 1.1 server as the store: the protocol's endpoints, and parameter binding.

The SPARQL protocol has no parameters, so named-query parameters are bound as a VALUES
block opening the WHERE clause, with every term serialised (escaped) by rdflib, never
pasted in as text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from queries.seeds import open_where


def remote_store(endpoint: str, update_endpoint: str | None = None) -> Any:
    """An rdflib store over a SPARQL 1.1 server (query and update endpoints).

    vnkg keeps the union of its named graphs in the server's default graph, as it does in
    the embedded store, so the server should serve its default graph as it is (Oxigraph's
    `oxigraph serve` does; with `--union-default-graph` the rows are the same, only slower).
    An endpoint ending in `/query` has its update twin at `/update`.
    """
    from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

    if update_endpoint is None:
        update_endpoint = (endpoint[: -len("/query")] + "/update"
                           if endpoint.endswith("/query") else endpoint)
    return SPARQLUpdateStore(query_endpoint=endpoint, update_endpoint=update_endpoint,
                             method="POST", autocommit=True)


def inline_bindings(text: str, bindings: Mapping[str, Any], names: list[str]) -> str:
    r"""The query with a `VALUES` block binding `names` (UNDEF where unbound) opening its
    first WHERE group, so the bindings hold inside the pattern, as initial bindings do.

    >>> from rdflib import Literal
    >>> print(inline_bindings("SELECT ?x WHERE { ?x ?p ?o }", {"p_a": Literal('say "hi"')},
    ...                       ["p_a", "p_b"]))
    SELECT ?x WHERE { VALUES (?p_a ?p_b) { ("say \"hi\"" UNDEF) } ?x ?p ?o }
    """
    if not names:
        return text
    head = " ".join(f"?{n}" for n in names)
    row = " ".join(bindings[n].n3() if n in bindings else "UNDEF" for n in names)
    return open_where(text, f"VALUES ({head}) {{ ({row}) }}")
