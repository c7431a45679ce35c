"""The decree page's gaps (web.pages.decree_gaps: two page queries) are the rows named query
decree-gaps gives once per province, for every decree and province of the sample store."""

from __future__ import annotations

from pathlib import Path

from tests.web.helpers import MAP_DECREE
from vnkg.loaders.store import open_store
from vnkg.web.data import named, page_query
from vnkg.web.pages import decree_gaps


def test_the_gaps_are_decree_gaps_rows_for_each_province(web_store: Path) -> None:
    with open_store(web_store, wait=30) as store:  # the session's server may hold it
        decrees = sorted({r["id"] for r in page_query(store, "search", {})
                          if str(r["id"]).startswith("decree/")})
        assert decrees
        seen = 0
        for decree in decrees:
            trace = named(store, "decree-trace", {"decree": decree})
            provinces = sorted({r["province_name"] for r in trace if r["province_name"]})
            want = {p: named(store, "decree-gaps", {"decree": decree, "province": p})
                    for p in [*provinces, "Hà Giang", "no such province"]}
            assert decree_gaps(store, decree, list(want)) == want, decree
            seen += sum(map(len, want.values()))
        cao_bang = decree_gaps(store, f"decree/{MAP_DECREE}", ["Cao Bằng"])["Cao Bằng"]
    assert seen > len(cao_bang) > 0  # not vacuous: districts without a meeting were listed
    assert "Hà Quảng" not in {r["locality_name"] for r in cao_bang}


def test_no_province_asks_nothing(web_store: Path) -> None:
    with open_store(web_store, wait=30) as store:  # the session's server may hold it
        assert decree_gaps(store, f"decree/{MAP_DECREE}", []) == {}
