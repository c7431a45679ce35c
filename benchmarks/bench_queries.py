"""Named-query latency on the embedded store, and the same .rq on rdflib's in-memory store.

The embedded figures go through `queries.run.run_named`, as `vnkg query` does. The baseline
loads the very same quads (dumped from the store: the named graphs and the union the store
keeps in its default graph) into an `rdflib.Dataset` and runs the same query text through
rdflib's own engine with the same `initBindings`; each baseline run is cut off at a cap (so a
ratio may be a lower bound, shown as ">").
"""

from __future__ import annotations

import signal
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.queries.run import prepare_named, run_named

Params = dict[str, str]


def pick_params(rdf: OxigraphStore) -> dict[str, Params]:
    """Realistic parameters for each named query, taken from the data: the official who
    chaired most, his province, the decree cited most, a unit, a district."""
    top = rdf.select("""PREFIX vnkg: <https://vnkg.dev/ns#> PREFIX schema: <https://schema.org/>
        SELECT ?p (MIN(STR(?n)) AS ?name) (COUNT(?m) AS ?c) WHERE {
          ?p vnkg:chaired ?m . ?p schema:name ?n } GROUP BY ?p ORDER BY DESC(?c) ?p LIMIT 1""")
    person = top[0]["name"] if top else "Nguyễn Văn A"
    person_id = top[0]["p"] if top else "person/x"
    where = rdf.select("""PREFIX vnkg: <https://vnkg.dev/ns#> PREFIX schema: <https://schema.org/>
        SELECT (MIN(STR(?ln)) AS ?loc) (MIN(STR(?prov)) AS ?province) WHERE {
          ?p vnkg:chaired ?m . ?m schema:location ?l . ?l schema:name ?ln .
          OPTIONAL { ?l vnkg:province ?prov } } GROUP BY ?p ORDER BY ?p LIMIT 1""")
    loc = (where[0]["loc"] if where else None) or "Ba Bể"
    province = (where[0]["province"] if where else None) or "Bắc Kạn"
    locality_province = province
    decree = "21/2019/NĐ-CP"
    cited = rdf.select("""PREFIX vnkg: <https://vnkg.dev/ns#> PREFIX schema: <https://schema.org/>
        PREFIX eli: <http://data.europa.eu/eli/ontology#>
        SELECT ?p_number (MIN(STR(?prov)) AS ?province) WHERE {
          ?m vnkg:concerns ?d . ?d eli:id_local ?number . FILTER(STR(?number) = ?p_number)
          ?m schema:location ?l . ?l vnkg:province ?prov } GROUP BY ?p_number""",
                      {"p_number": decree})
    province = (cited[0]["province"] if cited else None) or province
    return {
        "chairs": {"person": person}, "person-meetings": {"person": person},
        "career": {"person": person}, "co-attendance": {"person": person},
        "decree-trace": {"decree": decree, "province": province},
        "decree-gaps": {"decree": decree, "province": province},
        "decrees-cited": {"province": province},
        "unit-people": {"unit": f"Bộ CHQS tỉnh {locality_province}"},
        "locality-timeline": {"locality": loc}, "sources": {"id": person_id},
        # the point-in-time questions as users ask them: a unit (or post) and a day, a person
        "holders": {"unit": f"Bộ CHQS tỉnh {locality_province}", "date": "2024-06-01"},
        "succession": {"unit": f"Bộ CHQS tỉnh {locality_province}"},
        "rank-history": {"person": person},
        "officials-at": {"locality": locality_province, "date": "2024-06-01"},
    }


def latencies(run: Callable[[], Any], repeat: int, budget_s: float) -> list[float]:
    """Seconds of each run after the first (a warm-up); at least two runs, then more until
    `repeat` runs or `budget_s` seconds."""
    run()
    times: list[float] = []
    while len(times) < repeat and (sum(times) < budget_s or len(times) < 2):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return times


def summary(times: list[float]) -> dict[str, float]:
    """p50 and p95 in milliseconds."""
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50_ms": statistics.median(ordered) * 1000, "p95_ms": p95 * 1000,
            "runs": len(ordered)}


def child_query(store: str, name: str, params: Params, budget_s: float,
                repeat: int = 20) -> dict[str, Any]:
    """p50/p95 of one named query on the embedded store (run in a child: a query over its
    time is stopped from outside, which a query inside Oxigraph cannot be from within)."""
    with OxigraphStore(store) as rdf:
        rows = len(run_named(rdf, name, params))
        times = latencies(partial(run_named, rdf, name, params), repeat, budget_s)
    return {**summary(times), "rows": rows, "params": params}


def child_settle(store: str, limit_s: float = 600.0) -> dict[str, Any]:
    """Open the store and wait until its background compaction is over, seconds waited.

    A store its build did not compact on closing (one that added less than it held)
    compacts the bulk loader's files in the background of its next opens (RocksDB threads;
    seconds at 10k articles), and queries run then are 2-3x slower: not the store's steady
    state, so the queries are measured after it (a compacted store settles at once). Over
    is when this process's CPU time stops growing."""
    import resource

    def cpu() -> float:
        use = resource.getrusage(resource.RUSAGE_SELF)
        return use.ru_utime + use.ru_stime

    start = time.perf_counter()
    with OxigraphStore(store):
        quiet, last = 0, cpu()
        while quiet < 3 and time.perf_counter() - start < limit_s:
            time.sleep(0.5)
            now = cpu()
            quiet = quiet + 1 if now - last < 0.02 else 0
            last = now
        waited = time.perf_counter() - start
    return {"settle_s": max(0.0, waited - 1.5), "cpu_s": last}


def store_params(store: str) -> dict[str, Params]:
    """`pick_params` on the store at `store` (opened and closed again)."""
    with OxigraphStore(store) as rdf:
        return pick_params(rdf)


class Capped(Exception):
    """A baseline run went over its time cap."""


@contextmanager
def cap(seconds: float) -> Iterator[None]:
    """Raise Capped in this (main) thread after `seconds`; rdflib is pure Python, so the
    signal interrupts it between bytecodes."""
    def stop(_sig: int, _frame: object) -> None:
        raise Capped

    old = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def rdflib_baseline(store: str, params: dict[str, Params], cap_s: float = 20.0,
                    repeat: int = 3) -> dict[str, Any]:
    """Each named query on rdflib's default in-memory Dataset holding the same quads."""
    import pyoxigraph
    from rdflib import Dataset, Literal, URIRef

    from vnkg.queries import names

    with OxigraphStore(store) as rdf:
        data = rdf.oxigraph.dump(format=pyoxigraph.RdfFormat.N_QUADS)
        # the same text, seeds included, and bindings as run_named sends Oxigraph
        prepared = {name: prepare_named(rdf, name, params.get(name, {})) for name in names()}
    start = time.perf_counter()
    ds = Dataset()
    ds.parse(data=data.decode("utf-8"), format="nquads")
    load_s = time.perf_counter() - start
    out: dict[str, Any] = {"_load_s": load_s, "_quads": data.count(b"\n")}
    for name, (text, bindings) in prepared.items():
        init = {k: v if isinstance(v, URIRef | Literal) else Literal(v)
                for k, v in bindings.items() if v is not None}
        times: list[float] = []
        capped = False
        for _ in range(repeat):
            begin = time.perf_counter()
            try:
                with cap(cap_s):
                    list(ds.query(text, initBindings=init))
            except Capped:
                capped = True
                times.append(cap_s)
                break
            except Exception as err:  # a query rdflib cannot run is reported, not fatal
                out[name] = {"error": str(err)[:300]}
                break
            times.append(time.perf_counter() - begin)
        if name not in out:
            out[name] = {**summary(times), "capped": capped}
    return out
