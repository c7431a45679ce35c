"""Ask: every named query as a form with its parameters, the rows as a sortable table, CSV
and JSON to download, and the query's SPARQL and Cypher text shown.

The rows are `queries.run.run_named`'s, as `vnkg query` prints them; only the named queries
run (no free text reaches the store), their parameters bound.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from vnkg.queries import names, read_query
from vnkg.web.data import Source, named

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
HINTS = {"person": "a name or id, e.g. mai truong son", "unit": "a unit's name or id",
         "locality": "a place, e.g. Ba Bể", "province": "a province, e.g. Bắc Kạn",
         "decree": "a number, e.g. 21/2019/ND-CP", "from": "YYYY[-MM[-DD]]",
         "to": "YYYY[-MM[-DD]]", "min": "a whole number, e.g. 2", "id": "a node's id or name"}


def check_params(name: str, given: dict[str, str], bad: type[ValueError]) -> dict[str, str]:
    """The parameters of query `name` the user filled in (empty ones mean any), each
    checked; a wrong one raises `bad` saying which and why.

    >>> check_params("chairs", {"person": " mai ", "to": ""}, ValueError)
    {'person': 'mai'}
    """
    query = read_query(name)
    params = {k: v.strip() for k, v in given.items()
              if k not in ("format", "run") and v.strip()}
    for key, value in params.items():
        if key not in query.params:
            raise bad(f"the query {name} takes {', '.join(query.params) or 'no parameters'}, "
                      f"not {key!r}")
        if key in ("from", "to") and not _DATE.match(value):
            raise bad(f"{key} takes a date as YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
        if key == "min" and not (value.isdigit() and int(value) >= 1):
            raise bad(f"min takes a whole number of 1 or more, not {value!r}")
        if len(value) > 300:
            raise bad(f"{key} is longer than 300 characters")
    return params


def as_csv(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    """Rows as CSV with a header; list values joined by "|" as `vnkg query --format csv`.

    >>> as_csv([{"a": 1, "b": ["x", "y"]}], ("a", "b")).splitlines()
    ['a,b', '1,x|y']
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["|".join(map(str, v)) if isinstance(v, list) else
                         "" if v is None else v for v in (row.get(c) for c in columns)])
    return out.getvalue()


def routes(source: Source, render: Callable[..., HTMLResponse],
           bad: type[ValueError]) -> list[Route]:
    """The /ask pages."""

    def catalogue(request: Request) -> Response:
        queries = [read_query(n) for n in names()]
        return render("ask_list.html", queries=queries, title="Ask")

    def one(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in names():
            raise HTTPException(404, f"no named query {name!r}")
        fmt = request.query_params.get("format", "html")
        if fmt not in ("html", "csv", "json"):
            raise bad(f"format takes html, csv or json, not {fmt!r}")
        params = check_params(name, dict(request.query_params), bad)
        query = read_query(name)
        ran = "run" in request.query_params or bool(params) or fmt != "html"
        rows: list[dict[str, Any]] = []
        if ran:
            with source.store() as store:
                rows = named(store, name, params)
        if fmt == "json":
            return Response(json.dumps(rows, ensure_ascii=False, indent=1),
                            media_type="application/json", headers=_attachment(name, "json"))
        if fmt == "csv":
            return Response(as_csv(rows, query.columns), media_type="text/csv; charset=utf-8",
                            headers=_attachment(name, "csv"))
        texts = {"SPARQL": query.text, "Cypher": read_query(name, "cypher").text}
        return render("ask.html", query=query, params=params, rows=rows, ran=ran, hints=HINTS,
                      texts=texts, lists=set(query.lists), title=f"Ask: {name}",
                      download=str(request.url.include_query_params(format="csv").query),
                      download_json=str(request.url.include_query_params(format="json").query))

    return [Route("/ask", catalogue), Route("/ask/{name}", one)]


def _attachment(name: str, suffix: str) -> dict[str, str]:
    return {"content-disposition": f'attachment; filename="{name}.{suffix}"'}
