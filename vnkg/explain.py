"""Why a named query gave no rows: a name that names nothing, and the nearest names.

A query with a `person` (`unit`, `post`, `locality`, `province`, `decree`) parameter finds the nodes
whose id is the value or whose key is its key (`extract.keys.param_key`). When it answers
nothing, the user needs to know whether the name was wrong (and what he may have meant) or
the name was right and nothing joins it: this module says which.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from vnkg.extraction.keys import nearest, param_key
from vnkg.graph.vocab import CLASSES
from vnkg.loaders.rdf import RdfBase

LABEL_OF_PARAM = {"person": "Person", "unit": "Unit", "post": "Position",
                  "locality": "Locality", "province": "Locality", "decree": "Decree"}
_FOUND = """PREFIX vnkg: <https://vnkg.dev/ns#>
SELECT ?n ?p_id ?p_key WHERE { { ?n vnkg:id ?p_id } UNION { ?n vnkg:key ?p_key } } LIMIT 1"""
_NAMES = """PREFIX vnkg: <https://vnkg.dev/ns#>
PREFIX schema: <https://schema.org/>
SELECT DISTINCT ?name ?p_class WHERE { ?n a ?p_class ; schema:name ?name }"""


def why_empty(rdf: RdfBase, query: str, params: dict[str, Any]) -> list[str]:
    """One line per entity parameter of `query` that names no node, with the nearest names
    of its kind; or, when every name is found, one line saying no rows join them.

    >>> from vnkg.loaders.oxigraph_store import OxigraphStore
    >>> with OxigraphStore(None) as rdf:
    ...     why_empty(rdf, "career", {"person": "Lò Văn Khiêm"})
    ["no person named 'Lò Văn Khiêm'"]
    """
    from vnkg.queries import read_query

    read_query(query)  # an unknown query is an error here as in the query itself
    out = []
    for param, value in params.items():
        if param not in LABEL_OF_PARAM or value in (None, ""):
            continue
        key = param_key(param, str(value))
        if rdf.select(_FOUND, {"p_id": str(value), "p_key": key}):
            continue
        names = [str(r["name"]) for r in
                 rdf.select(_NAMES, {"p_class": CLASSES[LABEL_OF_PARAM[param]]})]
        close = nearest(str(value), names, partial(param_key, param))
        hint = f"; the nearest: {', '.join(close)}" if close else ""
        out.append(f"no {param} named {str(value)!r}{hint}")
    if not out and any(p in LABEL_OF_PARAM for p in params):
        out.append("every name given is in the store, but no rows join them")
    return out
