"""Run the explorer with uvicorn: `vnkg serve` (vnkg.api.serve).

>>> check_host("127.0.0.1")
'127.0.0.1'
"""

from __future__ import annotations

from pathlib import Path

from vnkg.web import WHOLE_GRAPH

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def check_host(host: str) -> str:
    """The address to listen on; anything but loopback is allowed but said aloud by
    `serve`, as the explorer has no login."""
    if not host.strip():
        raise ValueError("`host` is empty: give an address to listen on, e.g. 127.0.0.1")
    return host.strip()


def run(target: str | Path, host: str = "127.0.0.1", port: int = 8765, wait: float = 0.0,
        say: bool = True, whole_graph: int = WHOLE_GRAPH) -> None:
    """Serve the explorer over the store at `target` until interrupted (`whole_graph`: the
    nodes past which the large graph page draws the store's aggregate)."""
    import sys

    import uvicorn

    from vnkg.web.app import make_app

    if not 0 < port < 65536:
        raise ValueError(f"`port` takes a number from 1 to 65535, not {port}")
    if whole_graph < 0:
        raise ValueError(f"`whole_graph` takes a count of nodes, 0 or more, not {whole_graph}")
    app = make_app(target, wait, whole_graph)
    if say:
        shown = f"[{host}]" if ":" in host else host
        print(f"vnkg explorer on http://{shown}:{port}/ (store: {target}); Ctrl-C stops it",
              file=sys.stderr)
        if check_host(host) not in LOOPBACK:
            print(f"note: {host} is not loopback; anyone who can reach it can read the store",
                  file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
