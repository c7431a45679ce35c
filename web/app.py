"""The explorer's web app (Starlette, Jinja2 with autoescape): routes, errors, headers.

Read-only: every route is a GET, every value from the URL reaches the store as a bound
parameter, and the answer carries a Content-Security-Policy that lets the page load nothing
from outside this server. An unknown id is a 404 page, a bad parameter a 400 page saying
why, a store held by a build a 503 page saying it is being updated; never a stack trace.
Answers past 1 KB go gzipped to a browser that takes it (the large graph's JSON is gzipped
once, when it is read, and passed through as it is).

>>> app = make_app("no-such-store")
>>> sorted(r.path for r in app.routes)[:3]
['/', '/api/graph', '/api/search']
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vnkg.loaders.store import StoreBusyError
from vnkg.web import WHOLE_GRAPH, ask, geo, graph, pages
from vnkg.web.cache import Shelf, cache_folder
from vnkg.web.data import Source, node, search_rows
from vnkg.web.search import Index

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'self'")
KINDS = {"person": "Person", "meeting": "Meeting", "decree": "Decree",
         "locality": "Locality", "article": "Article", "unit": "Unit",
         "position": "Position", "rank": "Rank"}
PAGES: dict[str, tuple[str, Callable[..., dict[str, Any]]]] = {
    "Person": ("person.html", pages.person_page),
    "Meeting": ("meeting.html", pages.meeting_page),
    "Decree": ("decree.html", pages.decree_page),
    "Locality": ("locality.html", pages.locality_page),
    "Article": ("article.html", pages.article_page),
}
log = logging.getLogger("vnkg.web")


class BadRequest(ValueError):
    """A parameter the page cannot take; the message says why (a 400 page)."""


def templates() -> Environment:
    """The page templates, every value escaped unless a template says otherwise."""
    env = Environment(loader=PackageLoader("vnkg.web", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.globals["href"] = href
    return env


def href(node_id: str | None) -> str:
    """The explorer's address of a node: its id is its path, quoted.

    >>> href("person/mai-truong-son-1a2b"), href("article/bài 1")
    ('/person/mai-truong-son-1a2b', '/article/b%C3%A0i%201')
    """
    return "/" + quote(str(node_id or ""), safe="/")


class Headers:
    """ASGI middleware: the CSP and friends on every answer (the graph view's own page
    widens script and style to its inline ones, still nothing outside the server)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", CSP.encode()))
                headers += [(b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"),
                            (b"x-frame-options", b"SAMEORIGIN")]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


def make_app(target: str | Path, wait: float = 0.0, whole_graph: int = WHOLE_GRAPH,
             ) -> Starlette:
    """The explorer over the store at `target` (a folder, a SPARQL endpoint or a Neo4j URI);
    its large graph page draws the aggregate of a store past `whole_graph` nodes."""
    source = Source(target, wait)
    env = templates()

    def load_index() -> list[dict[str, Any]]:
        with source.store() as store:
            return search_rows(store)

    index = Index(load_index, source.version)
    big = graph.kept(source, Shelf(cache_folder(), "graph"), whole_graph)

    def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=status)

    def home(request: Request) -> Response:
        text = request.query_params.get("q", "").strip()
        hits = index.find(text) if text else []
        return render("home.html", q=text, hits=hits, title="vnkg")

    def api_search(request: Request) -> Response:
        text = request.query_params.get("q", "").strip()
        if len(text) > 200:
            raise BadRequest("the search text is longer than 200 characters")
        return JSONResponse([h.as_dict() for h in index.find(text)])

    def node_route(request: Request) -> Response:
        kind, rest = request.path_params["kind"], request.path_params["rest"]
        if kind not in KINDS:
            raise HTTPException(404, f"no page kind {kind!r}")
        node_id = f"{kind}/{rest}"
        with source.store() as store:
            found = node(store, node_id)
            if found is None:
                raise HTTPException(404, f"nothing in the store has the id {node_id!r}")
            template, gather = PAGES.get(found["label"], ("node.html", pages.node_page))
            context = gather(store, found)
        return render(template, node=found, title=found["name"], **context)

    routes = [
        Route("/", home), Route("/api/search", api_search),
        *ask.routes(source, render, BadRequest), *graph.routes(source, big, render, BadRequest),
        Mount("/static", StaticFiles(packages=[("vnkg.web", "static")]), name="static"),
        Route("/{kind}/{rest:path}", node_route),
    ]
    def warm(*reads: tuple[str, Callable[[], object]]) -> None:
        """Make `reads` in turn before the first page asks for them."""
        for what, read in reads:
            try:
                read()
            except Exception:  # a busy or unreachable store: the first page to ask says so
                log.info("%s not read at start", what, exc_info=True)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # the store's reads in one thread (the graph first: the slower to make; each holds
        # the store only while its queries run, so other pages are answered meanwhile), the
        # gazetteer (no store: 0.4 s) beside them, so a decree map soon after a start has it
        for reads in ((("large graph", big.get), ("search index", index.hits)),
                      (("gazetteer", geo.load),)):
            threading.Thread(target=warm, args=reads, daemon=True).start()
        yield
        source.close()

    return Starlette(routes=routes, middleware=[Middleware(Headers), Middleware(
        GZipMiddleware, minimum_size=1024, compresslevel=6)],
                     exception_handlers=_handlers(render), lifespan=lifespan)


def _handlers(render: Callable[..., HTMLResponse]) -> dict[Any, Any]:
    """Error pages: 404, 400 with the reason, 503 while a build holds the store, 500 with
    no detail (the trace goes to the server's log only)."""

    def page(status: int, heading: str, reason: str) -> HTMLResponse:
        return render("error.html", status=status, code=status, heading=heading, reason=reason,
                      title=heading)

    async def http_error(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 500)
        if status == 404:
            return page(404, "Not found", str(getattr(exc, "detail", "")))
        return page(status, "Cannot answer", str(getattr(exc, "detail", "")))

    async def bad_request(request: Request, exc: Exception) -> Response:
        return page(400, "Bad request", str(exc))

    async def busy(request: Request, exc: Exception) -> Response:
        response = page(503, "The store is being updated",
                        "A build is writing to the store just now; this page reads it again "
                        "when you reload, once the build is done.")
        response.headers["retry-after"] = "5"
        return response

    async def failed(request: Request, exc: Exception) -> Response:
        log.exception("%s failed", request.url.path)
        return page(500, "Something went wrong",
                    "The page could not be made; the server's log says why.")

    return {HTTPException: http_error, BadRequest: bad_request, StoreBusyError: busy,
            Exception: failed}
