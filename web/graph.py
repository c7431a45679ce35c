"""Graph: the views of viz/ (overview, person, meeting, decree, co-attendance) embedded.

A view is drawn by viz.render exactly as `vnkg view` writes it (vis-network inlined, data
in a JSON block, text written with textContent), served as its own page in a frame. That
page alone allows its inline script and style; it too can load nothing from outside.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from vnkg.web.data import Source

VIEW_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            "img-src data: blob:; font-src data:; frame-ancestors 'self'")
VIEWS = {"overview": "the whole graph (filter: province, from, to)",
         "person": "a person's network (node: a name or id)",
         "meeting": "a meeting and who was there (node: its id)",
         "decree": "a decree's meetings and places (node: its number)",
         "co-attendance": "who meets whom (min: meetings shared)"}
FIELDS = ("node", "province", "from", "to", "min")


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


def routes(source: Source, render: Callable[..., HTMLResponse],
           bad: type[ValueError]) -> list[Route]:
    """/graph (the form and the frame) and /graph/view/NAME (the view's own page)."""

    def checked(request: Request) -> tuple[str, dict[str, str]]:
        name = request.path_params.get("name") or request.query_params.get("view", "overview")
        if name not in VIEWS:
            raise HTTPException(404, f"no view named {name!r}")
        params = {k: request.query_params.get(k, "").strip() for k in FIELDS}
        if params["min"] and not params["min"].isdigit():
            raise bad(f"min takes a whole number, not {params['min']!r}")
        return name, {k: v for k, v in params.items() if v}

    def page(request: Request) -> Response:
        name, params = checked(request)
        frame = str(request.url.replace(path=f"/graph/view/{name}").include_query_params())
        return render("graph.html", views=VIEWS, view=name, params=params, title="Graph",
                      frame=frame[frame.index("/graph/"):])

    def view(request: Request) -> Response:
        from vnkg.graph.nx import to_networkx
        from vnkg.viz.render import render_html

        name, params = checked(request)
        try:
            with source.store() as store:
                if store.language == "sparql":  # an RDF store: read only what is drawn
                    drawn = draw_stored(store, name, params)
                else:
                    drawn = draw(to_networkx(store.read_graph(reference=name == "decree")),
                                 name, params)
        except (ValueError, KeyError) as err:
            raise bad(str(err.args[0] if err.args else err)) from None
        return HTMLResponse(render_html(drawn), headers={"content-security-policy": VIEW_CSP})

    return [Route("/graph", page), Route("/graph/view/{name}", view)]
