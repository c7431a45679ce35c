"""Benchmark the batched Neo4j loader against one statement per row.

Generates synthetic fragments (invented people, meetings and places; no corpus text),
loads them all with `write_fragments` (UNWIND batches) and a sample with one auto-commit
MERGE per row, and prints relationships per second for both and their ratio. Before the
clock starts, both loaders run on other articles (`--warmup` of them batched, 30 per row; then
the database is emptied), so that neither timing includes the server's JIT warm-up or its
first planning of the queries. `--no-warmup` measures from a cold server instead, where the
batched load goes first and pays for both.

    .venv/bin/python benchmarks/bench_neo4j.py                  # 100,000+ relationships
    .venv/bin/python benchmarks/bench_neo4j.py --relationships 20000 --sample 1000

Runs against NEO4J_URI when set (its database is EMPTIED: use a scratch server), else
starts the local server of tools/neo4j on port 7689 with its own state under .neo4j/bench
and stops it at the end.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Iterator
from pathlib import Path

from neo4j import Driver, GraphDatabase

from vnkg.graph.model import Edge, Evidence, Fragment, Node
from vnkg.loaders.neo4j import clear, ensure_constraints, write_fragments
from vnkg.loaders.neo4j_server import local_auth, start_local_neo4j, stop_local_neo4j

REPO = Path(__file__).resolve().parents[1]
RANKS = ("Thiếu tá", "Trung tá", "Thượng tá", "Đại tá", "Thiếu tướng")
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Lò", "Hà")
PERSONS_PER_ARTICLE = 6
SENTENCE = "Đồng chí {name} phát biểu chỉ đạo tại hội nghị."
WARMUP_START = 900_000  # article numbers of the warm-up load, apart from the measured ones
PER_ROW_WARMUP = 30  # articles (about 800 relationships) of the per-row loader's warm-up


def synthetic_fragment(i: int) -> Fragment:
    """Article i: six officials (a pool shared across articles) at two meetings in a district.

    Every article adds about 26 relationships; ranks, districts and people recur, so MERGE
    meets both new and existing nodes.
    """
    art = f"bench-{i:06d}"
    date = f"20{20 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    frag = Fragment(art, date)
    frag.add_node(Node(f"article/{art}", "Article", {"name": f"Bài {i}", "published": date}))
    province = f"locality/p{i % 34}"
    district = f"locality/d{i % 700}"
    frag.add_node(Node(province, "Locality", {"name": f"tỉnh Số {i % 34}", "type": "tỉnh"}))
    frag.add_node(Node(district, "Locality", {"name": f"huyện Số {i % 700}", "type": "huyện"}))
    frag.add_edge(Edge("PART_OF", district, province))
    unit = f"unit/ban-chqs-{i % 700}"
    frag.add_node(Node(unit, "Unit", {"name": f"Ban CHQS huyện Số {i % 700}"}))
    frag.add_edge(Edge("LOCATED_IN", unit, district))
    meetings = [f"meeting/{art}-{k}" for k in range(2)]
    for k, meeting in enumerate(meetings):
        frag.add_node(Node(meeting, "Meeting", {"name": f"Hội nghị {k} bài {i}", "date": date}))
        frag.add_edge(Edge("HELD_IN", meeting, district))
        frag.add_edge(Edge("ORGANIZED_BY", meeting, unit))
    for k in range(PERSONS_PER_ARTICLE):
        _person(frag, art, (i * PERSONS_PER_ARTICLE + k) % 50_000, meetings, unit)
    return frag


def _person(frag: Fragment, art: str, n: int, meetings: list[str], unit: str) -> None:
    name = f"{SURNAMES[n % 10]} Văn Số{n}"
    person, rank = f"person/{n}", f"rank/{n % len(RANKS)}"
    post = f"position/{unit}-{n % 7}"
    frag.add_node(Node(person, "Person", {"name": name, "key": name.lower()}))
    frag.add_node(Node(rank, "Rank", {"name": RANKS[n % len(RANKS)]}))
    frag.add_node(Node(post, "Position", {"name": f"Chức vụ {n % 7}"}))
    text = SENTENCE.format(name=name)
    evidence = [Evidence(art, 0, len(text), text)]
    frag.add_edge(Edge("HAS_RANK", person, rank))
    frag.add_edge(Edge("HOLDS", person, post))
    frag.add_edge(Edge("IN_UNIT", post, unit))
    frag.add_edge(Edge("ATTENDED", person, meetings[0], evidence=evidence))
    frag.add_edge(Edge("SPOKE_AT", person, meetings[1], {"qualifiers": ["chỉ đạo"]}, evidence))


def fragments(count: int, start: int = 0) -> Iterator[Fragment]:
    return (synthetic_fragment(i) for i in range(start, start + count))


def per_row_load(driver: Driver, frags: list[Fragment]) -> int:
    """The naive loader: one auto-commit MERGE statement per node and per relationship.

    Labels and types come from the fragments, which graph.model has already checked.
    """
    rels = 0
    with driver.session() as session:
        for frag in frags:
            for node in frag.nodes.values():
                session.run(f"MERGE (n:{node.label} {{id: $id}}) SET n += $props, "
                            "n.sources = coalesce(n.sources, []) + $article",
                            id=node.id, props=node.props, article=frag.article).consume()
            for edge in frag.edges.values():
                src, tgt = frag.nodes[edge.source].label, frag.nodes[edge.target].label
                session.run(f"MATCH (a:{src} {{id: $s}}) MATCH (b:{tgt} {{id: $t}}) "
                            f"MERGE (a)-[r:{edge.type}]->(b) "
                            "SET r.sources = coalesce(r.sources, []) + $article",
                            s=edge.source, t=edge.target, article=frag.article).consume()
                rels += 1
    return rels


def warm_up(driver: Driver, articles: int, batch_size: int) -> None:
    """Load `articles` articles numbered apart from the measured ones in batches, and
    PER_ROW_WARMUP of them one statement per row, then empty the database."""
    frags = list(fragments(articles, start=WARMUP_START))
    clear(driver)
    ensure_constraints(driver)
    write_fragments(driver, frags, batch_size=batch_size)
    clear(driver)
    per_row_load(driver, frags[:PER_ROW_WARMUP])


def run(driver: Driver, relationships: int, sample: int, batch_size: int,
        warmup: int = 0) -> None:
    per_article = len(synthetic_fragment(0).edges)
    articles = -(-relationships // per_article)
    if warmup:
        warm_up(driver, warmup, batch_size)
    print(f"warm-up: {warmup} articles batched, {PER_ROW_WARMUP} per row, before timing"
          if warmup else "no warm-up: a cold server")
    clear(driver)
    ensure_constraints(driver)
    frags = list(fragments(articles))  # generated before the clock starts
    started = time.perf_counter()
    report = write_fragments(driver, frags, batch_size=batch_size)
    batched_s = time.perf_counter() - started
    rels = report.relationships_created + report.relationships_updated
    assert not report.failed, report.failed[:3]
    batched_rate = rels / batched_s
    print(f"batched: {articles} articles, {rels} relationships written in {batched_s:.1f} s "
          f"= {batched_rate:,.0f} rel/s (batch_size={batch_size})")
    clear(driver)
    ensure_constraints(driver)
    sample_frags = list(fragments(-(-sample // per_article), start=articles))
    started = time.perf_counter()
    row_rels = per_row_load(driver, sample_frags)
    row_s = time.perf_counter() - started
    row_rate = row_rels / row_s
    print(f"one statement per row: {row_rels} relationships in {row_s:.1f} s "
          f"= {row_rate:,.0f} rel/s")
    print(f"ratio batched / per-row: {batched_rate / row_rate:.1f}x")
    clear(driver)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--relationships", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=2_000,
                        help="relationships loaded one statement per row")
    parser.add_argument("--batch-size", type=int, default=5_000)
    parser.add_argument("--warmup", type=int, default=1_000,
                        help="articles loaded by both loaders before timing (untimed)")
    parser.add_argument("--no-warmup", dest="warmup", action="store_const", const=0)
    args = parser.parse_args()
    server = None
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        server = start_local_neo4j(REPO, 7689, state_dir=REPO / ".neo4j" / "bench")
        uri = server.uri
    try:
        with GraphDatabase.driver(uri, auth=local_auth()) as driver:
            run(driver, args.relationships, args.sample, args.batch_size, args.warmup)
    finally:
        if server is not None:
            stop_local_neo4j(server)


if __name__ == "__main__":
    main()
