"""Fixtures for the checks: invented articles, made by hand as store fragments, that trigger
each check (`bad_fragments`) or none (`clean_fragments`), and a way to load them into the
RDF store or Neo4j alike.

A tenure's stated bounds (the tenure contract: start, end, their sources and problems) are
relationship properties in Neo4j; in RDF they are a W3C ORG membership with an OWL-Time
interval, and the problem on the relation's statement. Until the graph model declares them,
the RDF form is written here by hand (`rdf_lines`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from vnkg.graph.model import Edge, Evidence, Fragment, Node
from vnkg.graph.rdf import Rendered, lines_digest, nt_literal, to_ntriples
from vnkg.graph.vocab import ID, node_iri

TENURE = ("start", "end", "start_source", "end_source", "start_problem", "end_problem",
          "start_surface", "end_surface", "start_precision", "end_precision")
DATES = {"a1": "2023-01-10", "a2": "2024-03-05", "a3": "2024-03-05", "a4": "2024-06-01"}
PLACES = {"la": ("Lạng Sơn", []), "lb": ("Cao Bằng", []), "la-d1": ("Lạng Sơn", ["la"]),
          "la-d2": ("Lạng Sơn", ["la"])}


class Builder:
    """Fragments of invented articles, one per article id, built fact by fact."""

    def __init__(self) -> None:
        self.frags: dict[str, Fragment] = {}
        self.texts: dict[str, str] = {}  # each article's text: its sentences, one after another

    def frag(self, article: str) -> Fragment:
        if article not in self.frags:
            frag = Fragment(article, DATES[article])
            frag.add_node(Node(f"article/{article}", "Article",
                               {"name": f"Bài {article}", "title": f"Bài {article}",
                                "published": DATES[article]}))
            self.frags[article] = frag
        return self.frags[article]

    def person(self, article: str, pid: str, name: str) -> str:
        self.frag(article).add_node(Node(f"person/{pid}", "Person", {"name": name}))
        return f"person/{pid}"

    def rank(self, article: str, person: str, rank: str, **tenure: str) -> None:
        rid = f"rank/{rank.lower().replace(' ', '-')}"
        frag = self.frag(article)
        frag.add_node(Node(rid, "Rank", {"name": rank}))
        frag.add_edge(Edge("HAS_RANK", person, rid, dict(tenure)))

    def place(self, article: str, code: str) -> str:
        province, parents = PLACES[code]
        lid = f"locality/{code}"
        self.frag(article).add_node(Node(lid, "Locality", {
            "name": code, "province": province,
            "within": sorted([lid] + [f"locality/{p}" for p in parents])}))
        return lid

    def post(self, article: str, person: str, role: str, unit: str, place: str | None,
             **tenure: str) -> None:
        frag = self.frag(article)
        uid, post_id = f"unit/{unit}", f"position/{role}-{unit}".replace(" ", "-").lower()
        frag.add_node(Node(uid, "Unit", {"name": unit}))
        if place:
            frag.add_edge(Edge("LOCATED_IN", uid, self.place(article, place)))
        frag.add_node(Node(post_id, "Position", {"name": f"{role} {unit}", "role": role}))
        frag.add_edge(Edge("IN_UNIT", post_id, uid))
        frag.add_edge(Edge("HOLDS", person, post_id, dict(tenure)))

    def meeting(self, article: str, mid: str, date: str, place: str) -> str:
        frag = self.frag(article)
        frag.add_node(Node(f"meeting/{mid}", "Meeting", {"name": f"Hội nghị {mid}",
                                                         "date": date}))
        frag.add_edge(Edge("HELD_IN", f"meeting/{mid}", self.place(article, place)))
        return f"meeting/{mid}"

    def role(self, article: str, rel: str, person: str, meeting: str, sentence: str) -> None:
        """A relation with its evidence: the sentence's span in the article's text (a
        sentence said again is the same span), as an extracted article has them."""
        text = self.texts.get(article, "")
        start = text.find(sentence)
        if start < 0:
            start = len(text)
            self.texts[article] = text + sentence
        self.frag(article).add_edge(Edge(rel, person, meeting, {}, [
            Evidence(article, start, start + len(sentence), sentence)]))


def _bad() -> list[Fragment]:
    b = Builder()
    # a rank that goes down: Đại tá in January 2023, Thượng tá in June 2024
    khoa = b.person("a1", "dinh-van-khoa", "Đinh Văn Khoa")
    b.rank("a1", khoa, "Đại tá")
    b.person("a4", "dinh-van-khoa", "Đinh Văn Khoa")
    b.rank("a4", khoa, "Thượng tá")
    # chief posts in two provinces on one day
    lan = b.person("a2", "mac-thi-lan", "Mạc Thị Lan")
    b.post("a2", lan, "Chủ tịch", "UBND tỉnh Lạng Sơn", "la")
    b.person("a3", "mac-thi-lan", "Mạc Thị Lan")
    b.post("a3", lan, "Bí thư", "Tỉnh ủy Cao Bằng", "lb")
    # one person at meetings in two provinces on one day
    tai = b.person("a2", "luc-van-tai", "Lục Văn Tài")
    b.role("a2", "ATTENDED", tai, b.meeting("a2", "m1", "2024-03-05", "la"),
           "Ông Lục Văn Tài dự hội nghị ở Lạng Sơn.")
    b.person("a3", "luc-van-tai", "Lục Văn Tài")
    b.role("a3", "CHAIRED", tai, b.meeting("a3", "m2", "2024-03-05", "lb"),
           "Ông Lục Văn Tài chủ trì hội nghị ở Cao Bằng.")
    # a tenure that ends (2020) before it starts (2023)
    sinh = b.person("a1", "ha-van-sinh", "Hà Văn Sinh")
    b.post("a1", sinh, "Giám đốc", "Sở Xây dựng Lạng Sơn", "la", start="2023",
           start_precision="year", start_source="a1", end="2020", end_precision="year",
           end_source="a1")
    # two chairs of unrelated units (sibling districts); and a related pair (no finding)
    hung = b.person("a4", "nong-van-hung", "Nông Văn Hùng")
    b.post("a4", hung, "Chủ tịch", "UBND huyện Một", "la-d1")
    ha = b.person("a4", "be-thi-ha", "Bế Thị Hà")
    b.post("a4", ha, "Chủ tịch", "UBND huyện Hai", "la-d2")
    quan = b.person("a4", "vi-van-quan", "Vi Văn Quân")
    b.post("a4", quan, "Chủ tịch", "UBND tỉnh Lạng Sơn", "la")
    m3 = b.meeting("a4", "m3", "2024-06-01", "la-d1")
    b.role("a4", "CHAIRED", hung, m3, "Ông Nông Văn Hùng chủ trì.")
    b.role("a4", "CHAIRED", ha, m3, "Bà Bế Thị Hà đồng chủ trì.")
    m4 = b.meeting("a4", "m4", "2024-05-30", "la-d1")
    b.role("a4", "CHAIRED", hung, m4, "Ông Nông Văn Hùng chủ trì.")
    b.role("a4", "CHAIRED", quan, m4, "Ông Vi Văn Quân chủ trì.")
    # an impossible stated date
    tung = b.person("a2", "hoang-van-tung", "Hoàng Văn Tùng")
    b.post("a2", tung, "Chỉ huy trưởng", "Ban CHQS huyện Một", "la-d1",
           start_surface="từ ngày 31/2/2024", start_problem="impossible date: 31/2",
           start_source="a2")
    return list(b.frags.values())


def _clean() -> list[Fragment]:
    b = Builder()
    khoa = b.person("a1", "dinh-van-khoa", "Đinh Văn Khoa")
    b.rank("a1", khoa, "Thượng tá")
    b.person("a4", "dinh-van-khoa", "Đinh Văn Khoa")
    b.rank("a4", khoa, "Đại tá", start="2024-05", start_precision="month", start_source="a4")
    lan = b.person("a2", "mac-thi-lan", "Mạc Thị Lan")
    b.post("a2", lan, "Chủ tịch", "UBND tỉnh Lạng Sơn", "la", start="2021",
           start_precision="year", start_source="a2", end="2026", end_precision="year",
           end_source="a2")
    b.post("a2", lan, "Phó Bí thư", "Tỉnh ủy Lạng Sơn", "la")
    # a second term another article states: its start is after the first term's end, but
    # the tenure the articles state together runs from the earliest start to the latest end
    b.person("a4", "mac-thi-lan", "Mạc Thị Lan")
    b.post("a4", lan, "Chủ tịch", "UBND tỉnh Lạng Sơn", "la", start="2027",
           start_precision="year", start_source="a4")
    tai = b.person("a2", "luc-van-tai", "Lục Văn Tài")
    b.role("a2", "ATTENDED", tai, b.meeting("a2", "m1", "2024-03-05", "la"),
           "Ông Lục Văn Tài dự hội nghị.")
    b.role("a2", "CHAIRED", tai, b.meeting("a2", "m2", "2024-03-05", "la-d1"),
           "Ông Lục Văn Tài chủ trì hội nghị.")
    b.post("a2", tai, "Chủ tịch", "UBND tỉnh Lạng Sơn", "la")
    hung = b.person("a2", "nong-van-hung", "Nông Văn Hùng")
    b.post("a2", hung, "Chủ tịch", "UBND huyện Một", "la-d1")
    b.role("a2", "CHAIRED", hung, "meeting/m2", "Ông Nông Văn Hùng đồng chủ trì.")
    return list(b.frags.values())


@pytest.fixture(scope="session")
def bad_fragments() -> list[Fragment]:
    """Invented articles with one case of each check."""
    return _bad()


@pytest.fixture(scope="session")
def clean_fragments() -> list[Fragment]:
    """Invented articles where no check finds anything."""
    return _clean()


def rdf_lines(frag: Fragment) -> Rendered:
    """The fragment as the RDF store holds it; the tenure bounds as the tenure contract puts
    them in RDF (a membership with an OWL-Time interval; problems and surfaces on the
    relation's statement), by hand."""
    from vnkg.graph.rdf import _hash

    plain = Fragment(frag.article, frag.published, dict(frag.nodes))
    extra: list[str] = []
    for key, edge in frag.edges.items():
        tenure = {k: v for k, v in edge.props.items() if k in TENURE}
        plain.add_edge(Edge(edge.type, edge.source, edge.target,
                            {k: v for k, v in edge.props.items() if k not in TENURE},
                            edge.evidence))
        if tenure:
            extra += _membership(edge, tenure, f"<{ID}statement/{_hash(*key)}>")
    lines = to_ntriples(plain) + extra
    return Rendered(frag.article, lines, lines_digest(lines))


def _membership(edge: Edge, tenure: dict[str, Any], st: str) -> list[str]:
    org, time = "http://www.w3.org/ns/org#", "http://www.w3.org/2006/time#"
    xsd, vnkg = "http://www.w3.org/2001/XMLSchema#", "https://vnkg.dev/ns#"
    s, o = f"<{node_iri(edge.source)}>", f"<{node_iri(edge.target)}>"
    m = f"<{ID}membership/{edge.source}/{edge.target}>"
    said = tenure.get("start_source") or tenure.get("end_source")
    i = f"<{ID}interval/{edge.target}/{said}>"
    out = [f"{m} <{org}member> {s}", f"{m} <{org}role> {o}", f"{m} <{org}memberDuring> {i}",
           f"{st} <{vnkg}subject> {s}", f"{st} <{vnkg}object> {o}",
           f"{st} <{vnkg}relation> {nt_literal(edge.type)}"]
    kinds = {"day": "inXSDDate", "month": "inXSDgYearMonth", "year": "inXSDgYear"}
    types = {"day": "date", "month": "gYearMonth", "year": "gYear"}
    for bound, link in (("start", "hasBeginning"), ("end", "hasEnd")):
        if tenure.get(bound):
            precision = tenure[f"{bound}_precision"]
            t = f"{i[:-1]}/{bound}>"
            out += [f"{i} <{time}{link}> {t}",
                    f'{t} <{time}{kinds[precision]}> "{tenure[bound]}"^^<{xsd}{types[precision]}>']
        for said in ("problem", "surface"):
            if tenure.get(f"{bound}_{said}"):
                out.append(f"{st} <{vnkg}{bound}_{said}> "
                           f"{nt_literal(tenure[f'{bound}_{said}'], True)}")
    return out


@pytest.fixture(scope="session")
def rdf_store_of() -> Callable[..., Any]:
    """Makes an RDF store holding `fragments`: `rdf_store_of(fragments, folder=None)`, in
    memory unless a folder is given (the caller closes it)."""
    from vnkg.loaders.store import open_store

    def make(fragments: list[Fragment], folder: Path | None = None) -> Any:
        store = open_store(folder)
        store.write_fragments([rdf_lines(f) for f in fragments])
        return store

    return make
