"""The export benchmark measures each export in its own process, beside pyoxigraph's dump."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from vnkg.graph.model import Fragment
from vnkg.loaders.oxigraph_store import OxigraphStore


def test_every_export_is_timed_beside_the_dump(bench_export: ModuleType, tmp_path: Path,
                                              sample_fragment: Callable[..., Fragment]
                                              ) -> None:
    store = tmp_path / "store"
    with OxigraphStore(store) as rdf:
        rdf.write_fragments([sample_fragment("a1"), sample_fragment("a2")])
    res = bench_export.run(str(store), 2, timeout=300, views=False)
    assert res["dump"]["out_mb"] > 0
    for fmt in bench_export.FORMATS:
        m = res["exports"][fmt]
        assert m["wall_s"] > 0 and m["peak_mb"] > 10 and m["out_mb"] > 0, (fmt, m)
    rows = bench_export.rows([res, {**res, "articles": 4}])
    assert any(r[0] == "export nquads 2" and "x memory" in r[3] for r in rows)
    assert any(r[0] == "memory trend csv" and r[3] == "1.00x" for r in rows)
