"""Holding summaries (loaders/rdf_summaries.py): kept through a crash, made for a store
written before them, and the same as the articles' graphs say after any writes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pyoxigraph import RdfFormat

from vnkg.graph.model import Fragment
from vnkg.graph.rdf import graph_iri, render
from vnkg.loaders.oxigraph_bulk import PENDING
from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.loaders.rdf_summaries import (
    SUMMARY_TERMS,
    fill_query,
    merge,
    seen_rows,
)
from vnkg.loaders.rdf_updates import nquads

STORED = ("SELECT ?h ?p ?o WHERE { ?h ?p ?o "
          f"FILTER(?p IN ({SUMMARY_TERMS})) }}")
STORED_DATES = ("SELECT ?hp ?hq ?f ?l WHERE { ?h <https://vnkg.dev/ns#holder> ?p ; "
                "<https://vnkg.dev/ns#heldPost> ?pos ; <https://vnkg.dev/ns#firstSeen> ?f ; "
                "<https://vnkg.dev/ns#lastSeen> ?l BIND(STR(?p) AS ?hp) "
                "BIND(STR(?pos) AS ?hq) }")
Fragments = Callable[[str], list[Fragment]]


def summaries(rdf: OxigraphStore) -> set[tuple[object, ...]]:
    return {tuple(row.values()) for row in rdf.select(STORED)}


def test_merge_keeps_the_earliest_and_latest_date_and_skips_none() -> None:
    assert merge(("2023-03", "2023-05"), ("2023-04-01", "2024")) == ("2023-03", "2024")
    assert merge(("", ""), ("2023", "2023")) == ("2023", "2023")
    assert merge(("2023", "2023"), ("", "")) == ("2023", "2023")


def test_the_summaries_are_what_the_graphs_say_after_writes(
        tmp_path: Path, interchange_fragments: Fragments) -> None:
    t1, t2 = interchange_fragments("Lò Văn Phó")
    with OxigraphStore(tmp_path / "s") as rdf:
        rdf.write_fragments([t1])
        rdf.write_fragments([t2])
        del t1.edges[("person/vice", "HOLDS", "position/pho-chu-tich")]
        rdf.write_fragments([t1])
        kept = seen_rows(rdf.select(STORED_DATES))
        assert kept == seen_rows(rdf.select(fill_query()))
        assert sorted(kept.values()) == [("2023-03-20", "2024-05-02"),
                                         ("2024-05-02", "2024-05-02")]


def test_the_summaries_the_writer_knows_follow_new_batches_and_other_updates(
        tmp_path: Path, interchange_fragments: Fragments) -> None:
    """The embedded store folds new batches into the summaries it wrote without reading
    them back (rdf_summaries' `KnownSummaries`); any other update makes it read again."""
    t1, t2 = interchange_fragments("Lò Văn Phó")
    with OxigraphStore(tmp_path / "s") as rdf:
        rdf.write_fragments([t2])
        rdf.write_fragments([t1])  # the earlier article second: its date folds in
        kept = seen_rows(rdf.select(STORED_DATES))
        assert kept == seen_rows(rdf.select(fill_query()))
        assert set(kept.values()) == {("2023-03-20", "2024-05-02")}
        rdf.delete_article("t1")
        rdf.delete_article("t2")
        rdf.write_fragments([t2])  # not folded into what was known before the deletes
        kept = seen_rows(rdf.select(STORED_DATES))
        assert kept == seen_rows(rdf.select(fill_query()))
        assert set(kept.values()) == {("2024-05-02", "2024-05-02")}


def test_a_bulk_write_a_crash_undoes_leaves_the_summaries_as_they_were(
        tmp_path: Path, interchange_fragments: Fragments) -> None:
    t1, t2 = interchange_fragments("Lò Văn Phó")
    with OxigraphStore(tmp_path / "s") as rdf:
        rdf.write_fragments([t1])
        before = summaries(rdf)
        store = rdf.oxigraph
        g = f"<{graph_iri('t2')}>"
        del t2.edges[("person/vice", "HOLDS", "position/pho-chu-tich")]  # t1's alone
        done = render(t2)
        # the first two steps of a bulk write; the process dies before the third
        store.update(f"INSERT DATA {{ GRAPH <{PENDING}> {{ {g} <{PENDING}> true . }} }}")
        store.bulk_load(nquads(done.lines, g, done.lines + done.union_only).encode(),
                        format=RdfFormat.N_QUADS)
        del store
    with OxigraphStore(tmp_path / "s") as rdf:
        assert rdf.articles() == ["t1"]
        assert summaries(rdf) == before and before


def test_a_store_written_before_summaries_gets_them_on_open(
        tmp_path: Path, interchange_fragments: Fragments) -> None:
    with OxigraphStore(tmp_path / "s") as rdf:
        rdf.write_fragments(interchange_fragments("Lò Văn Phó"))
        made = summaries(rdf)
        rdf.update(f"DELETE {{ ?h ?p ?o }} WHERE {{ ?h ?p ?o FILTER(?p IN ({SUMMARY_TERMS})) }}")
        assert not summaries(rdf)
    with OxigraphStore(tmp_path / "s") as rdf:
        assert summaries(rdf) == made and made
