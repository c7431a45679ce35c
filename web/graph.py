"""Graph: the views of viz/ (overview, person, meeting, decree, co-attendance) embedded, and
a WebGL page for large graphs.

A view is drawn by viz.render exactly as `vnkg view` writes it (vis-network inlined, data
in a JSON block, text written with textContent), served as its own page in a frame. That
page alone allows its inline script and style; it too can load nothing from outside.
The overview of a store past WEBGL_NODES nodes (or any overview with ?renderer=webgl) is
drawn by sigma.js instead (/graph/webgl, fed by /api/graph: web.biggraph), under the
explorer's own CSP; past vnkg.web.WHOLE_GRAPH nodes, that page draws the store's aggregate
(viz.aggregate) rather than read the whole graph, as the overview of a Neo4j store past
viz.aggregate.OVERVIEW_LIMIT does (an RDF store's views: viz.stored). Its answer is also kept
on disk (web.cache.Shelf, in the user's cache folder) under a digest of what the store
holds and of the code that makes the answer, so a server started again over an unchanged
store serves it without reading the graph.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from vnkg.loaders.store import Store
from vnkg.web import WHOLE_GRAPH
from vnkg.web.biggraph import Encoded, aggregate_json, decoded, encode, rows_json
from vnkg.web.cache import Shelf, Versioned
from vnkg.web.data import Source, content_digest, graph_rows, graph_size, graph_size_past

VIEW_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            "img-src data: blob:; font-src data:; frame-ancestors 'self'")
VIEWS = {"overview": "the whole graph (filter: province, from, to)",
         "person": "a person's network (node: a name or id)",
         "meeting": "a meeting and who was there (node: its id)",
         "decree": "a decree's meetings and places (node: its number)",
         "co-attendance": "who meets whom (min: meetings shared)"}
FIELDS = ("node", "province", "from", "to", "min")
WEBGL_NODES = 3000  # past this many nodes vis-network crawls: the overview goes to WebGL
RENDERERS = ("", "webgl", "vis")
# what the answer is made by: a change to any of them makes the kept answers stale
ANSWER_CODE = {"vnkg.web": ("biggraph.py", "data.py"),
               "vnkg.web.queries": ("graph-nodes.rq", "graph-nodes.cypher", "graph-edges.rq",
                                    "graph-edges.cypher", "graph-places.rq",
                                    "graph-places.cypher", "graph-size.rq",
                                    "graph-size.cypher"),
               "vnkg.viz": ("style.py", "aggregate.py"),
               "vnkg.viz.queries": ("overview-provinces.rq", "overview-units.rq",
                                    "overview-officials.rq", "overview-provinces.cypher",
                                    "overview-units.cypher", "overview-officials.cypher"),
               "vnkg.graph": ("model.py",)}
log = logging.getLogger(__name__)


def draw(g: Any, name: str, params: dict[str, str]) -> Any:
    """The view `name` of networkx graph `g` with the page's parameters."""
    from vnkg.viz.decree import decree_view
    from vnkg.viz.views import co_attendance_view, meeting_view, overview, person_view

    node = params.get("node", "")
    if name == "overview":
        return overview(g, None, params.get("province") or None, params.get("from") or None,
                        params.get("to") or None)
    if name == "co-attendance":
        return co_attendance_view(g, int(params.get("min") or 1))
    if not node:
        raise ValueError(f"the {name} view needs node: {VIEWS[name]}")
    if name == "person":
        return person_view(g, node)
    if name == "meeting":
        return meeting_view(g, node)
    return decree_view(g, node)


def draw_stored(store: Any, name: str, params: dict[str, str]) -> Any:
    """The view `name` read from an RDF store, reading only what it draws (viz.stored)."""
    from vnkg.viz.stored import stored_view

    node = params.get("node") or None
    if name in ("person", "meeting", "decree") and not node:
        raise ValueError(f"the {name} view needs node: {VIEWS[name]}")
    return stored_view(store, name, node=node, number=node, province=params.get("province"),
                       date_from=params.get("from"), date_to=params.get("to"),
                       min_shared=int(params.get("min") or 1))


def kept(source: Source, shelf: Shelf | None = None,
         whole: int = WHOLE_GRAPH) -> Versioned[Encoded]:
    """The large graph's answer, kept per version of the store (and on `shelf`, across
    restarts): the explorer starts reading it when the server starts (web.app), so the page
    is warm by the time a user opens it. Past `whole` nodes it is the store's aggregate."""
    return Versioned(lambda: _encoded(source, shelf, whole), source.version)


def routes(source: Source, cache: Versioned[Encoded], render: Callable[..., HTMLResponse],
           bad: type[ValueError]) -> list[Route]:
    """/graph (the form and the frame), /graph/view/NAME (the view's own page), /graph/webgl
    and /api/graph (the large graph's page and its JSON, from `cache`: `kept`)."""

    def checked(request: Request) -> tuple[str, dict[str, str]]:
        name = request.path_params.get("name") or request.query_params.get("view", "overview")
        if name not in VIEWS:
            raise HTTPException(404, f"no view named {name!r}")
        params = {k: request.query_params.get(k, "").strip() for k in FIELDS}
        if params["min"] and not params["min"].isdigit():
            raise bad(f"min takes a whole number, not {params['min']!r}")
        return name, {k: v for k, v in params.items() if v}

    def large() -> bool:
        """Past WEBGL_NODES nodes: known from the kept answer, else from a quick look (the
        WebGL page then loads while the graph is read), else once the graph is read."""
        kept = cache.ready()
        if kept is None:
            with source.store() as store:
                if graph_size_past(store, WEBGL_NODES):
                    return True
        return cache.get().nodes > WEBGL_NODES

    def page(request: Request) -> Response:
        name, params = checked(request)
        renderer = request.query_params.get("renderer", "")
        if renderer not in RENDERERS:
            raise bad(f"renderer takes webgl or vis, not {renderer!r}")
        if name == "overview" and renderer != "vis" and (renderer == "webgl" or large()):
            return RedirectResponse("/graph/webgl", status_code=303)
        frame = str(request.url.replace(path=f"/graph/view/{name}").include_query_params())
        return render("graph.html", views=VIEWS, view=name, params=params, title="Graph",
                      frame=frame[frame.index("/graph/"):])

    def view(request: Request) -> Response:
        from vnkg.graph.nx import to_networkx
        from vnkg.viz.aggregate import aggregate_overview, is_large
        from vnkg.viz.render import render_html

        name, params = checked(request)
        try:
            with source.store() as store:
                if store.language == "sparql":  # an RDF store: read only what is drawn
                    drawn = draw_stored(store, name, params)
                elif name == "overview" and not (params.keys() & {"province", "from", "to"}) \
                        and is_large(store):
                    drawn = aggregate_overview(store)  # Neo4j: the aggregate's queries only
                else:
                    drawn = draw(to_networkx(store.read_graph(reference=name == "decree")),
                                 name, params)
        except (ValueError, KeyError) as err:
            raise bad(str(err.args[0] if err.args else err)) from None
        return HTMLResponse(render_html(drawn), headers={"content-security-policy": VIEW_CSP})

    def webgl(request: Request) -> Response:
        return render("graph_webgl.html", title="Graph (WebGL)")

    def api_graph(request: Request) -> Response:
        encoded = cache.get()
        if "gzip" in request.headers.get("accept-encoding", ""):
            return Response(encoded.gzipped, media_type="application/json",
                            headers={"content-encoding": "gzip", "vary": "Accept-Encoding"})
        return Response(encoded.body, media_type="application/json",
                        headers={"vary": "Accept-Encoding"})

    return [Route("/graph", page), Route("/graph/view/{name}", view),
            Route("/graph/webgl", webgl), Route("/api/graph", api_graph)]


def _encoded(source: Source, shelf: Shelf | None, whole: int) -> Encoded:
    """The store's graph (reference data left out, as in the overview), encoded to serve:
    from `shelf` if it keeps the answer for what the store holds (and the same `whole`),
    else read (the store is held only while its queries run, not while the answer is made)
    and shelved."""
    with source.store() as store:
        key = (content_digest(store, _answer_code(), str(whole).encode())
               if shelf is not None else None)
        if shelf is not None and key and (found := shelf.get(key)) is not None:
            log.info("the large graph's answer read from %s", shelf.folder)
            return decoded(*found)
        make = answer_of(store, whole)
    encoded = encode(make())
    if shelf is not None and key:
        shelf.put(key, encoded.gzipped, encoded.nodes)
    return encoded


def answer_of(store: Store, whole: int) -> Callable[[], dict[str, Any]]:
    """What makes the large graph's answer, read from `store` (made once it is let go):
    past `whole` nodes, its aggregate (viz.aggregate's grouped queries: 7 s and 0.4 GB at a
    million articles, where the whole graph's read passed 10 GB); else the rows of the page
    queries.

    >>> from vnkg.loaders.oxigraph_store import OxigraphStore
    >>> with OxigraphStore(None) as store:
    ...     answer_of(store, 0)()["ids"]
    []
    """
    from vnkg.viz.aggregate import aggregate_overview

    if (total := graph_size(store)) > whole:
        overview = aggregate_overview(store)
        return lambda: aggregate_json(overview, total)
    nodes, edges = graph_rows(store)
    return lambda: rows_json(nodes, edges)


@cache
def _answer_code() -> bytes:
    """A digest of the files that make the answer (ANSWER_CODE)."""
    digest = hashlib.sha256()
    for package, names in ANSWER_CODE.items():
        for name in names:
            digest.update((resources.files(package) / name).read_bytes())
    return digest.digest()
