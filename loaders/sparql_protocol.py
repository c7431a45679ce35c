"""The SPARQL 1.1 protocol as every server speaks it: form-encoded POSTs, JSON results.

A query goes as `query=…` and an update as `update=…` in an
`application/x-www-form-urlencoded` body, the one form the protocol makes every server
accept (Virtuoso leaves a raw `application/sparql-query` body unanswered), and results are
asked for as `application/sparql-results+json` (a server's default may be RDF/XML). Every
request has a timeout, so a server that does not answer is refused with a clear error
rather than waited on for ever; an update, which the server answers once it has applied it
(the gazetteer is 290k statements), may take longer than a query. A client may name the
graph its queries read as their default graph (the protocol's `default-graph-uri`).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlencode

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node as Term

RESULTS_JSON = "application/sparql-results+json"
FORM = "application/x-www-form-urlencoded"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
Bindings = list[dict[str, Term]]


class SparqlServerError(ConnectionError):
    """The server refused a request, answered with something other than SPARQL results, or
    did not answer within the timeout."""


class SparqlClient:
    """Queries and updates over HTTP to one server's query and update URLs.

    >>> SparqlClient("http://127.0.0.1:1/query", timeout=2).endpoint
    'http://127.0.0.1:1/query'
    """

    def __init__(self, endpoint: str, update_endpoint: str | None = None,
                 timeout: float = 30.0, update_timeout: float = 600.0) -> None:
        self.endpoint = endpoint
        self.update_endpoint = update_endpoint or endpoint
        self.timeout = timeout
        self.update_timeout = max(timeout, update_timeout)
        self.default_graph: str | None = None  # an IRI: queries read it as the default graph

    def select(self, query: str, dataset: bool = True) -> tuple[list[str], Bindings]:
        """The variables and rows of a SELECT, each cell an rdflib term (unbound: absent);
        `dataset` False: without the default graph named (Virtuoso then finds no
        `GRAPH <iri>` but one of those named)."""
        data = self._results(query, dataset)
        names = list(data.get("head", {}).get("vars", []))
        rows = [{k: term(v) for k, v in row.items()}
                for row in data.get("results", {}).get("bindings", [])]
        return names, rows

    def ask(self, query: str) -> bool:
        """The answer of an ASK query."""
        return bool(self._results(query).get("boolean"))

    def update(self, text: str) -> None:
        """Run an update (one request, so one transaction on servers that give one)."""
        self._post(self.update_endpoint, {"update": text}, "*/*", self.update_timeout)

    def _results(self, query: str, dataset: bool = True) -> dict[str, Any]:
        form = {"query": query}
        if dataset and self.default_graph is not None:
            form["default-graph-uri"] = self.default_graph
        body = self._post(self.endpoint, form, RESULTS_JSON, self.timeout)
        try:
            data: dict[str, Any] = json.loads(body)
        except ValueError:
            raise SparqlServerError(
                f"the SPARQL server at {self.endpoint} answered a query with something other "
                f"than JSON results ({body[:80]!r}); is it a SPARQL 1.1 query endpoint?"
            ) from None
        return data

    def _post(self, url: str, form: dict[str, str], accept: str, timeout: float) -> str:
        request = urllib.request.Request(
            url, data=urlencode(form).encode("utf-8"), method="POST",
            headers={"Content-Type": f"{FORM}; charset=utf-8", "Accept": accept})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return str(response.read().decode("utf-8"))
        except urllib.error.HTTPError as err:
            detail = err.read().decode("utf-8", "replace").strip()[:300]
            raise SparqlServerError(f"the SPARQL server at {url} refused the request "
                                    f"(HTTP {err.code}): {detail}") from None
        except TimeoutError:
            raise SparqlServerError(
                f"the SPARQL server at {url} did not answer within {timeout:g} s; check "
                "that it is running and is a SPARQL 1.1 endpoint") from None
        except urllib.error.URLError as err:
            raise SparqlServerError(f"cannot reach the SPARQL server at {url}: "
                                    f"{err.reason}") from None


def term(cell: dict[str, str]) -> Term:
    """One cell of SPARQL JSON results as an rdflib term; `xsd:string` literals plain.

    >>> term({"type": "literal", "value": "Hòa", "xml:lang": "vi"})
    rdflib.term.Literal('Hòa', lang='vi')
    >>> term({"type": "typed-literal", "value": "x",
    ...       "datatype": "http://www.w3.org/2001/XMLSchema#string"}) == Literal("x")
    True
    """
    kind, value = cell.get("type"), cell.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in cell:
        return Literal(value, lang=cell["xml:lang"])
    datatype = cell.get("datatype")
    if datatype and datatype != _XSD_STRING:
        return Literal(value, datatype=URIRef(datatype))
    return Literal(value)
