"""Start and stop the local Neo4j test server (tools/neo4j), and wait for Bolt.

The server is Neo4j Community run embedded by `tools/neo4j/Neo4jLauncher.java`; the shell
scripts beside it fetch it with Maven, start it in the background and stop it by its pid.
This module only calls those scripts, so `make neo4j` and the test fixtures share one path.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

DEFAULT_USER = "neo4j"
DEFAULT_PASSWORD = "vnkg-test-pass"  # the local test server's only; real servers use env
SCRIPTS = Path("tools") / "neo4j"


@dataclass(frozen=True)
class LocalNeo4j:
    """A running local server: where it listens, its login and its state folder."""

    repo: Path
    port: int
    state_dir: Path
    auth: tuple[str, str]

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"


def local_auth() -> tuple[str, str]:
    """The login of the local server: NEO4J_USER / NEO4J_PASSWORD, else the test defaults."""
    return (os.environ.get("NEO4J_USER") or DEFAULT_USER,
            os.environ.get("NEO4J_PASSWORD") or DEFAULT_PASSWORD)


def can_start_local() -> str | None:
    """Why the local server cannot be started here (no Java, no Maven), or None if it can."""
    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    return f"not on PATH: {', '.join(missing)}" if missing else None


def start_local_neo4j(repo: Path, port: int = 7687, *, state_dir: Path | None = None,
                      timeout: float = 180.0) -> LocalNeo4j:
    """Start the local server with `tools/neo4j/start.sh` and wait until Bolt answers.

    `state_dir` (default `<repo>/.neo4j`) holds the database, `neo4j.pid` and `neo4j.log`.
    Raises RuntimeError with the script's message when it fails.
    """
    repo = repo.resolve()
    server = LocalNeo4j(repo, port, (state_dir or repo / ".neo4j").resolve(), local_auth())
    _run_script(server, "start.sh", timeout)
    with GraphDatabase.driver(server.uri, auth=server.auth) as driver:
        wait_for_bolt(driver, timeout=30.0)
    return server


def stop_local_neo4j(server: LocalNeo4j, timeout: float = 90.0) -> None:
    """Stop a server started by `start_local_neo4j` (SIGTERM by pid, via stop.sh)."""
    _run_script(server, "stop.sh", timeout)


def wait_for_bolt(driver_or_uri: Driver | str, auth: tuple[str, str] | None = None,
                  timeout: float = 60.0) -> None:
    """Block until the server answers on Bolt and accepts the login, or raise TimeoutError.

    A wrong login raises AuthError at once: waiting would not fix it.
    """
    if isinstance(driver_or_uri, str):
        with GraphDatabase.driver(driver_or_uri, auth=auth) as driver:
            wait_for_bolt(driver, timeout=timeout)
        return
    deadline = time.monotonic() + timeout
    while True:
        try:
            driver_or_uri.verify_connectivity()
            return
        except AuthError:
            raise
        except (ServiceUnavailable, OSError) as err:
            if time.monotonic() >= deadline:
                raise TimeoutError(f"Neo4j did not answer on Bolt within {timeout:.0f}s") from err
            time.sleep(0.5)


def _run_script(server: LocalNeo4j, name: str, timeout: float) -> None:
    env = dict(os.environ, NEO4J_BOLT_PORT=str(server.port), VNKG_NEO4J_DIR=str(server.state_dir),
               NEO4J_START_TIMEOUT=str(int(timeout)))
    script = server.repo / SCRIPTS / name
    done = subprocess.run(["bash", str(script)], env=env, capture_output=True, text=True,
                          timeout=timeout + 30, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{script} failed ({done.returncode}): "
                           f"{(done.stderr or done.stdout).strip()[-2000:]}")
