"""vnkg: Vietnamese local-government and military news into a knowledge graph.

The Python API mirrors the command line one to one:

    import vnkg
    vnkg.build(["examples/articles"], store="vnkg-data")
    vnkg.query("chairs", params={"locality": "Bắc Kạn"}, store="vnkg-data")
"""

from vnkg.api import (
    BuildReport,
    build,
    check,
    cypher,
    evaluate,
    export,
    extract,
    load,
    query,
    serve,
    sparql,
    stats,
    view,
)
from vnkg.graph.records import read_records, write_records

__all__ = ["BuildReport", "build", "check", "cypher", "evaluate", "export", "extract", "load",
           "query", "read_records", "serve", "sparql", "stats", "view", "write_records"]
