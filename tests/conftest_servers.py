"""Two more SPARQL 1.1 servers for the store tests, each started once per session on free
loopback ports and stopped at the end:

- Apache Jena Fuseki 5.6.0 (jars fetched by tools/fuseki/fetch.sh), an in-memory dataset
  open to updates; its default graph is a graph of its own, so vnkg keeps the union there;
- Virtuoso 7.2 (Debian's `virtuoso-opensource`), a database of its own in a temporary
  folder with SPARQL UPDATE granted to the protocol's user; its default graph is the union
  of the named graphs.

A missing server: skip, or fail when CI=true.
"""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.ci import unavailable
from tests.paths import ROOT
from tests.processes import free_port, stop

FUSEKI_CLASSPATH = ROOT / "tools" / "fuseki" / "target" / "classpath.txt"
# the Virtuoso database's settings: its own ports, results and queries without the
# package's caps (10,000 rows, 60 s), which would cut the gazetteer short
VIRTUOSO_INI = """[Database]
DatabaseFile = virtuoso.db
ErrorLogFile = virtuoso.log
LockFile = virtuoso.lck
TransactionFile = virtuoso.trx
xa_persistent_file = virtuoso.pxa
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = virtuoso-temp.db
TransactionFile = virtuoso-temp.trx
Striping = 0
[Parameters]
ServerPort = {sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
CaseMode = 2
DirsAllowed = .
NumberOfBuffers = 40000
MaxDirtyBuffers = 30000
ThreadsPerQuery = 2
[HTTPServer]
ServerPort = {http_port}
ServerRoot = .
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 600
MaxQueryCostEstimationTime = 0
"""
# the protocol's requests run as user SPARQL ("nobody" on the quad store): let it update
VIRTUOSO_GRANTS = ('GRANT SPARQL_UPDATE TO "SPARQL"; '
                   "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);")



def _wait_ready(url: str, proc: subprocess.Popen[bytes], name: str, log: Path,
                seconds: float) -> None:
    """Ask `url` an empty ASK until it answers; the server exiting or `seconds` passing
    fails the session with the end of its log."""
    deadline = time.monotonic() + seconds
    body = urlencode({"query": "ASK {}"}).encode()
    while True:
        try:
            request = urllib.request.Request(url, data=body, headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json"})
            urllib.request.urlopen(request, timeout=2).read()
            return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                stop(proc)
                tail = log.read_text("utf-8", "replace")[-2000:] if log.exists() else ""
                pytest.fail(f"{name} did not start within {seconds:g} s: {tail}",
                            pytrace=False)
            time.sleep(0.3)


@pytest.fixture(scope="session")
def fuseki_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Fuseki on an in-memory dataset `/vnkg` open to updates; yields its query URL
    (`…/vnkg/query`, updates at `…/vnkg/update`)."""
    if shutil.which("java") is None:
        unavailable("Java is not installed (Apache Jena Fuseki needs Java 17)")
    if not FUSEKI_CLASSPATH.is_file() or not FUSEKI_CLASSPATH.read_text().strip():
        unavailable("Apache Jena Fuseki is not fetched: run tools/fuseki/fetch.sh "
                    "(Maven, Java 17)")
    folder = tmp_path_factory.mktemp("fuseki")
    port = free_port()
    log = folder / "fuseki.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            ["java", "-Xmx1g", "-cp", FUSEKI_CLASSPATH.read_text().strip(),
             "org.apache.jena.fuseki.main.cmds.FusekiMainCmd", "--localhost",
             "--port", str(port), "--mem", "--update", "/vnkg"],
            cwd=folder, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/vnkg/query"
    _wait_ready(url, proc, "Fuseki", log, 90)
    try:
        yield url
    finally:
        stop(proc)


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Virtuoso on a new database in a temporary folder, SPARQL UPDATE granted to the
    protocol's user; yields its endpoint URL (`…/sparql`, queries and updates)."""
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if binary is None or isql is None:
        unavailable("Virtuoso is not installed (apt-get install virtuoso-opensource)")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(
        VIRTUOSO_INI.format(sql_port=sql_port, http_port=http_port), "utf-8")
    log = folder / "virtuoso.log"
    proc = subprocess.Popen([binary, "+foreground", "+configfile", "virtuoso.ini"],
                            cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{http_port}/sparql"
    _wait_ready(url, proc, "Virtuoso", log, 120)
    try:
        granted = subprocess.run([isql, str(sql_port), "dba", "dba", f"exec={VIRTUOSO_GRANTS}"],
                                 capture_output=True, text=True, timeout=60, check=False)
        if granted.returncode != 0 or "Error" in granted.stdout + granted.stderr:
            pytest.fail(f"Virtuoso refused the grants: {granted.stdout}{granted.stderr}",
                        pytrace=False)
        yield url
    finally:
        stop(proc)
