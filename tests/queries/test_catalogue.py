"""The named-query catalogue (queries/CATALOGUE.md) on the sample articles and the seeds.

Expected rows follow from what the articles state (examples/expected.json), not from what the
extractor gives today: a failure here is either a query bug or an extraction gap.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

from tests.paths import EXAMPLES
from vnkg.extraction.text import expand_abbreviations, fold
from vnkg.graph.reference import REFERENCE_ARTICLE, reference_fragment
from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.queries import as_list, names, order_rows, param_key, read_query
from vnkg.queries.run import run_named

HOSTILE = '" } ; DROP ALL ; #'
Rows = list[dict[str, Any]]


@pytest.fixture(scope="session")
def store(sample_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples with the reference gazetteer (decree-gaps needs a province's districts)."""
    with OxigraphStore(sample_store) as rdf:
        if REFERENCE_ARTICLE in rdf.articles():
            return sample_store
    import vnkg

    path = tmp_path_factory.mktemp("catalogue") / "vnkg-data"  # built, not copied (below)
    assert vnkg.build([EXAMPLES], store=path).ok
    with OxigraphStore(path) as rdf:
        rdf.write_fragments([reference_fragment()])
    return path


@pytest.fixture(scope="session")
def seeds_store(shared: Path, tmp_path_factory: pytest.TempPathFactory,
                reference_copy: Callable[[Path], Path]) -> Path:
    """The samples, the reference and the seed articles of the shared corpus."""
    import vnkg

    # built afresh, not copied: other fixtures hold `store` open, and a copy of an open store
    # can catch a file Oxigraph is still writing (a compaction), which reads back as corrupt
    path = reference_copy(tmp_path_factory.mktemp("seeds") / "vnkg-data")
    report = vnkg.build([EXAMPLES, shared / "corpus" / "seeds"], store=path)
    assert report.ok, report.problems
    return path


@pytest.fixture(scope="module")
def rdf(store: Path) -> Iterator[OxigraphStore]:
    with OxigraphStore(store) as opened:
        yield opened


def _run(rdf: OxigraphStore, name: str, **params: Any) -> Rows:
    return run_named(rdf, name, params)


def _article(source: str) -> str:
    return source.removeprefix("article/")


def _name(value: str | None) -> str:
    """A name as the queries match it: folded, abbreviations expanded, no type word."""
    return param_key("locality", value or "")


# the `lists` header -------------------------------------------------------------------------

def test_lists_header_is_read() -> None:
    assert read_query("career").lists == ("sources",)
    assert read_query("chairs").lists == ()


def test_order_rows_gives_sorted_unique_lists() -> None:
    rows: Rows = [{"a": "x", "s": "article/b|article/a|article/b"}, {"a": "y", "s": ["c", "c"]},
            {"a": "z", "s": None}, {"a": "w", "s": ""}]
    out = order_rows(rows, ("a", "s"), lists=("s",))
    assert out == [{"a": "w", "s": []}, {"a": "x", "s": ["article/a", "article/b"]},
                   {"a": "y", "s": ["c"]}, {"a": "z", "s": []}]


def test_career_sources_come_back_as_a_list(rdf: OxigraphStore) -> None:
    rows = _run(rdf, "career", person="Triệu Đức Phong")
    assert rows and all(isinstance(r["sources"], list) for r in rows)


# decree-trace and decree-gaps -----------------------------------------------------------------

def test_decree_trace_lists_the_district_meetings(rdf: OxigraphStore,
                                                  expected: dict[str, Any]) -> None:
    trace = expected["scenarios"]["decree_trace"]
    rows = _run(rdf, "decree-trace", decree=trace["decree"], province=trace["province"])
    got = {(_article(r["source"]), r["date"], _name(r["locality_name"]),
            fold(r["chair_name"] or "")) for r in rows}
    want = {(m["article"], m["date"], _name(m["locality"]), fold(m["chair"]))
            for m in trace["meetings"]}
    assert got == want
    assert {r["province_name"] for r in rows} == {"Bắc Kạn"}
    assert all(r["locality"].startswith("locality/") for r in rows)


def test_decree_trace_takes_the_number_as_written(rdf: OxigraphStore) -> None:
    plain = _run(rdf, "decree-trace", decree="21/2019/NĐ-CP")
    assert plain
    assert _run(rdf, "decree-trace", decree="Nghị định số 21/2019/nđ-cp") == plain
    by_id = _run(rdf, "decree-trace", decree=_decree_id(rdf, "21/2019/NĐ-CP"))
    assert by_id == plain


def test_decree_trace_province_keeps_its_own_meetings(rdf: OxigraphStore) -> None:
    assert _run(rdf, "decree-trace", decree="21/2019/NĐ-CP", province="tỉnh Đắk Lắk") == []
    everywhere = _run(rdf, "decree-trace", decree="21/2019/NĐ-CP")
    bac_kan = _run(rdf, "decree-trace", decree="21/2019/NĐ-CP", province="Bắc Kạn")
    assert bac_kan == [r for r in everywhere if r["province_name"] == "Bắc Kạn"]
    assert _run(rdf, "decree-trace", decree="21/2019/NĐ-CP", province="locality/2024-06") == bac_kan


def test_decree_gaps_lists_the_districts_without_a_meeting(rdf: OxigraphStore,
                                                           expected: dict[str, Any]) -> None:
    trace = expected["scenarios"]["decree_trace"]
    rows = _run(rdf, "decree-gaps", decree=trace["decree"], province=trace["province"])
    assert {_name(r["locality_name"]) for r in rows} == {_name(g) for g in trace["gaps"]}
    by_id = _run(rdf, "decree-gaps", decree=trace["decree"], province="locality/2024-06")
    assert by_id == rows


_UNPLACED = {  # invented articles: one meeting on a district, one on the province, one nowhere
    "a": "Chiều 3/4, UBND huyện Na Rì, tỉnh Bắc Kạn tổ chức Hội nghị sơ kết 3 năm thực hiện "
         "Nghị định số 45/2027/NĐ-CP của Chính phủ về khu vực phòng thủ. Chủ tịch UBND huyện "
         "Na Rì Lục Văn Thoòng chủ trì hội nghị.",
    "b": "Sáng 5/4, UBND tỉnh Bắc Kạn tổ chức Hội nghị triển khai Nghị định số "
         "45/2027/NĐ-CP của Chính phủ về khu vực phòng thủ. Phó Chủ tịch UBND tỉnh Hà Thị Mến "
         "chủ trì hội nghị.",
    "c": "Sáng 7/4, Ban Chỉ đạo khu vực phòng thủ tổ chức Hội nghị sơ kết 3 năm thực hiện "
         "Nghị định số 45/2027/NĐ-CP của Chính phủ. Đồng chí Vi Văn Nọi, Trưởng ban chủ trì "
         "hội nghị.",
}


def test_decree_gaps_counts_the_meetings_with_no_known_district(
        tmp_path: Path, reference_copy: Callable[[Path], Path]) -> None:
    import vnkg

    for name, body in _UNPLACED.items():
        text = f" date 2031-04-07\nTin\n\n{body}\n"
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    store = reference_copy(tmp_path / "vnkg-data")
    assert vnkg.build([tmp_path], store=store).ok
    with OxigraphStore(store) as rdf:
        rows = _run(rdf, "decree-gaps", decree="45/2027/NĐ-CP", province="tỉnh Bắc Kạn")
        placed = _run(rdf, "decree-trace", decree="45/2027/NĐ-CP")
    assert {_name(r["locality_name"]) for r in placed if r["locality_name"]} == {
        _name("Na Rì"), _name("Bắc Kạn")}  # the district's, the province's; the third: none
    assert rows and _name("Na Rì") not in {_name(r["locality_name"]) for r in rows}
    # the province-level meeting and the placeless one may each have been held in any gap
    assert {r["unplaced"] for r in rows} == {2}


def test_decree_trace_finds_the_seed_meetings(seeds_store: Path) -> None:
    # 000 (Ngân Sơn, Bắc Kạn) and 004 (Tam Điệp, Ninh Bình) are about Nghị định 21/2019/NĐ-CP
    with OxigraphStore(seeds_store) as rdf:
        rows = _run(rdf, "decree-trace", decree="21/2019/NĐ-CP")
    sources = {_article(r["source"]) for r in rows}
    assert {"000_07dda11b9030b38d", "004_bd50b492c9cad855"} <= sources
    assert {"04-ba-be-so-ket-nd21-2024", "14a-pac-nam-so-ket-nd21-2024"} <= sources


# career and unit-people -----------------------------------------------------------------------

def _career_truth(expected: dict[str, Any], person: str) -> dict[str, set[str]]:
    """rank or post (folded) -> the articles that give it, from the career scenario."""
    steps = next(c for c in expected["scenarios"]["career"] if c["person"] == person)["steps"]
    truth: dict[str, set[str]] = {}
    for step in steps:
        for value in (step["rank"], step["post"]):
            truth.setdefault(fold(expand_abbreviations(value)), set()).add(step["article"])
    return truth


def test_career_shows_the_promotion(rdf: OxigraphStore, expected: dict[str, Any]) -> None:
    truth = _career_truth(expected, "Triệu Đức Phong")
    published = {k: a["published"] for k, a in expected["articles"].items()}
    rows = _run(rdf, "career", person="Triệu Đức Phong")
    got = {fold(expand_abbreviations(r["rank"] or r["post"])): r for r in rows}
    for item, articles in truth.items():
        assert item in got, f"{item} missing from {sorted(got)}"
        row = got[item]
        assert {_article(s) for s in as_list(row["sources"])} == articles
        assert row["first_seen"] == min(published[a] for a in articles)
        assert row["last_seen"] == max(published[a] for a in articles)
    ranks = sorted((r["first_seen"], r["rank"]) for r in rows if r["rank"])
    assert [rank for _, rank in ranks] == ["Thượng tá", "Đại tá"]
    assert all(r["post"] is None and r["unit_name"] is None for r in rows if r["rank"])


def test_career_matches_any_case_and_tone_style(rdf: OxigraphStore) -> None:
    plain = _run(rdf, "career", person="Hà Thị Thủy")
    assert plain
    assert _run(rdf, "career", person="HÀ THỊ THUỶ") == plain


def test_unit_people_lists_the_commanders(rdf: OxigraphStore) -> None:
    rows = _run(rdf, "unit-people", unit="Ban CHQS huyện Ba Bể")
    phong = [r for r in rows if fold(r["person_name"]) == fold("Triệu Đức Phong")]
    assert phong and phong[0]["first_seen"] == "2022-12" and phong[0]["last_seen"] == "2023-02-14"
    assert _run(rdf, "unit-people", unit="ban chỉ huy quân sự huyện ba bể") == rows


# co-attendance --------------------------------------------------------------------------------

def _shared_meetings(expected: dict[str, Any]) -> Counter[tuple[str, str]]:
    """Pairs of folded names -> meetings at which both had a role, from the gold."""
    pairs: Counter[tuple[str, str]] = Counter()
    for article in expected["articles"].values():
        for meeting in article["meetings"]:
            there = {fold(p["name"]) for p in article["persons"]
                     if any(r["meeting"] == meeting["key"] and r["role"] != "author"
                            for r in p["roles"])}
            pairs.update(combinations(sorted(there), 2))
    return pairs


def test_co_attendance_counts_shared_meetings(rdf: OxigraphStore, expected: dict[str, Any]) -> None:
    truth = _shared_meetings(expected)
    rows = _run(rdf, "co-attendance", person="Ma Thế Tuyến")
    got = {tuple(sorted((fold(r["name_a"]), fold(r["name_b"])))): r["meetings"] for r in rows}
    first, second = sorted((fold("Ma Thế Tuyến"), fold("Triệu Đức Phong")))
    pair = (first, second)
    assert got.get(pair) == truth[pair]
    assert all(r["person_a"] < r["person_b"] for r in rows)


def test_co_attendance_min(rdf: OxigraphStore) -> None:
    everyone = _run(rdf, "co-attendance")
    assert everyone == _run(rdf, "co-attendance", min=1)
    twice = _run(rdf, "co-attendance", min=2)
    assert twice == [r for r in everyone if r["meetings"] >= 2]
    assert twice == _run(rdf, "co-attendance", min="2")
    assert twice and len(twice) < len(everyone)


# locality-timeline, decrees-cited, sources ----------------------------------------------------

def test_locality_timeline_includes_places_within(rdf: OxigraphStore,
                                                  expected: dict[str, Any]) -> None:
    held = {k for k, a in expected["articles"].items()
            for m in a["meetings"] if _name(m.get("locality")) == _name("Ba Bể")}
    ba_be = _run(rdf, "locality-timeline", locality="huyện Ba Bể")
    assert {_article(r["source"]) for r in ba_be} == held
    assert _run(rdf, "locality-timeline", locality="locality/2024-06-061") == ba_be  # by id
    province = _run(rdf, "locality-timeline", locality="tỉnh Bắc Kạn")
    assert {(r["meeting"], r["source"]) for r in ba_be} <= {
        (r["meeting"], r["source"]) for r in province}
    dates = [r["date"] for r in province if r["date"]]
    assert dates == sorted(dates)


def test_decrees_cited_counts_meetings_and_places(rdf: OxigraphStore,
                                                  expected: dict[str, Any]) -> None:
    rows = _run(rdf, "decrees-cited")
    nd21 = [r for r in rows if r["number"] == "21/2019/NĐ-CP"]
    dates = sorted(m["date"] for m in expected["scenarios"]["decree_trace"]["meetings"])
    assert len(nd21) == 1
    assert (nd21[0]["meetings"], nd21[0]["localities"]) == (len(dates), len(dates))
    assert (nd21[0]["first_date"], nd21[0]["last_date"]) == (dates[0], dates[-1])


def test_decrees_cited_keeps_the_two_resolutions_28_apart(rdf: OxigraphStore) -> None:
    rows = _run(rdf, "decrees-cited")
    nq28 = [r for r in rows if r["number"] == "28-NQ/TW"]
    assert len({r["decree"] for r in nq28}) == 2
    assert all(r["meetings"] == 1 for r in nq28)


def test_decrees_cited_by_province(rdf: OxigraphStore) -> None:
    rows = _run(rdf, "decrees-cited", province="tỉnh Bắc Kạn")
    assert "21/2019/NĐ-CP" in {r["number"] for r in rows}
    assert "28-NQ/TW" not in {r["number"] for r in rows}


def test_sources_names_the_articles_and_evidence(rdf: OxigraphStore,
                                                 expected: dict[str, Any]) -> None:
    same = next(s for s in expected["scenarios"]["same_person"] if s["name"] == "Ma Thế Tuyến")
    rows = _run(rdf, "sources", id="ma thế tuyến")
    assert {_article(r["article"]) for r in rows} == set(same["articles"])
    assert all(r["evidence"] for r in rows)
    person = _run(rdf, "chairs", person="Ma Thế Tuyến")[0]["person"]
    assert _run(rdf, "sources", id=person) == rows


# parameters -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", [n for n in names() if n not in ("chairs", "person-meetings")])
def test_hostile_parameter_matches_nothing_and_changes_nothing(rdf: OxigraphStore,
                                                               name: str) -> None:
    before = rdf.count()
    for param in read_query(name).params:
        rows = _run(rdf, name, **{param: HOSTILE})
        if param != "min":
            assert rows == [], f"{name} {param}"
    assert rdf.count() == before


def _decree_id(rdf: OxigraphStore, number: str) -> str:
    return next(r["decree"] for r in _run(rdf, "decrees-cited") if r["number"] == number)


def test_career_dates_skip_an_undated_article(tmp_path: Path,
                                              reference_copy: Callable[[Path], Path]) -> None:
    """A rank seen in a dated and in an undated article is first seen on the dated one's day
    (a SPARQL MIN over a group with an unbound date would give no date at all)."""
    import vnkg

    text = ("Thượng tá Lò Văn Khẩu, Chỉ huy trưởng Ban Chỉ huy Quân sự huyện Na Hang, chủ trì "
            "hội nghị tổng kết công tác quốc phòng tại huyện Na Hang.")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "dated.txt").write_text(f"date 2024-05-20\nHội nghị\n\n{text}\n", "utf-8")
    (tmp_path / "a" / "undated.txt").write_text(f"Hội nghị\n\n{text}\n", "utf-8")
    assert vnkg.build([tmp_path / "a"], store=reference_copy(tmp_path / "s")).ok
    with OxigraphStore(tmp_path / "s") as rdf:
        rows = run_named(rdf, "career", {"person": "Lò Văn Khẩu"})
    [rank] = [r for r in rows if r["rank"]]
    assert (rank["rank"], rank["first_seen"], rank["last_seen"]) == (
        "Thượng tá", "2024-05-20", "2024-05-20")
    assert len(rank["sources"]) == 2
