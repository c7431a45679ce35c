"""The RDF as clients read it: typed dates, standard predicates, @vi only on Vietnamese
text, plain literals an rdflib plain-literal query finds, links between nodes as IRIs, and
a JSON-LD export compacted with the project's prefixes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph as RdfGraph
from rdflib import Literal, URIRef
from rdflib.namespace import SKOS, XSD

from vnkg.extraction.keys import name_key
from vnkg.graph.model import Fragment, Node
from vnkg.graph.rdf import graph_iri, to_ntriples, to_quads
from vnkg.graph.rdf_read import from_quads
from vnkg.graph.schema import SCHEMA
from vnkg.graph.vocab import ELI, VNKG, node_iri
from vnkg.loaders.export import export_graph
from vnkg.loaders.oxigraph_store import OxigraphStore

SCHEMA_ORG = "https://schema.org/"


def _fragment() -> Fragment:
    frag = Fragment("bai-9", "2024-05")
    frag.add_node(Node("decree/21", "Decree", {"title": "về khu vực phòng thủ", "kind": "Nghị định",
                                               "date": "2019-02-22", "number": "21/2019/NĐ-CP"}))
    frag.add_node(Node("unit/u", "Unit", {"name": "Ban Chỉ huy quân sự", "kind": "militia",
                                          "key": name_key("Ban Chỉ huy quân sự")}))
    frag.add_node(Node("position/p", "Position", {"title": "Chỉ huy trưởng Ban CHQS"}))
    frag.add_node(Node("meeting/m", "Meeting", {"date": "2024", "date_surface": "năm 2024"}))
    frag.add_node(Node("locality/l", "Locality", {"within": ["locality/l", "locality/t"],
                                                  "code": "00001"}))
    frag.add_node(Node("meeting/odd", "Meeting", {"date": "2024-02-30"}))
    return frag


def test_terms_of_a_fragment() -> None:
    quads = {q[:3] for q in to_quads(_fragment())}
    decree, unit, post = node_iri("decree/21"), node_iri("unit/u"), node_iri("position/p")
    assert (decree, ELI.date_document, Literal("2019-02-22", datatype=XSD.date)) in quads
    assert (decree, ELI.title, Literal("về khu vực phòng thủ", lang="vi")) in quads
    assert (decree, ELI.id_local, Literal("21/2019/NĐ-CP")) in quads
    assert (unit, VNKG.kind, Literal("militia")) in quads  # a code: no @vi
    assert (post, SKOS.prefLabel, Literal("Chỉ huy trưởng Ban CHQS", lang="vi")) in quads
    meeting = node_iri("meeting/m")
    assert (meeting, URIRef(SCHEMA_ORG + "startDate"), Literal("2024", datatype=XSD.gYear)) in quads
    assert (meeting, VNKG.date_surface, Literal("năm 2024", lang="vi")) in quads
    assert (node_iri("locality/l"), VNKG.within, node_iri("locality/t")) in quads
    # a day that does not exist stays a plain literal rather than an ill-typed one
    assert (node_iri("meeting/odd"), URIRef(SCHEMA_ORG + "startDate"), Literal("2024-02-30")) \
        in quads
    assert not any("XMLSchema#string" in line for line in to_ntriples(_fragment()))


def test_the_written_terms_read_back_as_the_fragment() -> None:
    frag = _fragment()
    back = from_quads(frag.article, (q[:3] for q in to_quads(frag)))
    assert back.nodes == frag.nodes
    strings = RdfGraph().parse(data=" .\n".join(to_ntriples(frag)) + " .", format="nt")
    assert set(strings) == {q[:3] for q in to_quads(frag)}


def test_rdflib_finds_plain_literals_with_a_plain_literal_query(union: RdfGraph) -> None:
    rows = list(union.query('SELECT ?s WHERE { ?s <https://vnkg.dev/ns#structure> "2024" }'))
    assert len(rows) > 10
    assert not [o for o in union.objects() if isinstance(o, Literal) and o.datatype == XSD.string]


def test_dates_are_typed_by_precision_in_the_store(union: RdfGraph) -> None:
    kinds = {o.datatype for o in union.objects(None, URIRef(SCHEMA_ORG + "startDate"))}
    kinds |= {o.datatype for o in union.objects(None, ELI.date_document)}
    kinds |= {o.datatype for o in union.objects(None, URIRef(SCHEMA_ORG + "datePublished"))}
    assert kinds == {XSD.date, XSD.gYearMonth, XSD.gYear}
    found = union.query(f"PREFIX schema: <{SCHEMA_ORG}> PREFIX xsd: <{XSD}> SELECT ?m WHERE "
                        '{ ?m schema:startDate ?d FILTER(?d >= "2024-01-01"^^xsd:date) }')
    assert len(found) > 3  # a date filter finds meetings


def test_vietnamese_only_where_text_is_vietnamese(union: RdfGraph) -> None:
    unit_kinds = set(union.objects(None, VNKG.kind)) - {
        o for o in union.objects(None, VNKG.kind) if o.language == "vi"}
    assert unit_kinds and all(str(k).isascii() for k in unit_kinds)
    assert not [o for o in union.objects(None, VNKG.key) if isinstance(o, Literal) and o.language]


def test_decrees_and_posts_use_eli_and_skos(union: RdfGraph) -> None:
    headline = URIRef(SCHEMA_ORG + "headline")
    decrees = set(union.subjects(None, ELI.LegalResource))
    posts = set(union.subjects(None, URIRef("http://www.w3.org/ns/org#Post")))
    assert decrees and posts
    assert {s for s, _ in union.subject_objects(ELI.title)} <= decrees
    assert {s for s, _ in union.subject_objects(ELI.date_document)} <= decrees
    assert not set(union.subjects(headline)) & (decrees | posts)
    assert not set(union.subjects(URIRef(SCHEMA_ORG + "startDate"))) & decrees
    assert {s for s, _ in union.subject_objects(SKOS.prefLabel)} <= posts


def test_a_title_that_is_the_name_is_stated_once_and_read_back(union: RdfGraph) -> None:
    """A post's or meeting's title repeats its name (graph/schema.toml's `copies`): only the
    name is stated, and the reader gives both; a title of its own is stated."""
    post = {"name": "Chủ tịch UBND xã Hòa Bình", "title": "Chủ tịch UBND xã Hòa Bình",
            "key": name_key("Chủ tịch UBND xã Hòa Bình")}
    frag = Fragment("bai-8", None)
    frag.add_node(Node("position/q", "Position", post))
    frag.add_node(Node("meeting/q", "Meeting", {"name": "Hội nghị", "title": "Hội nghị X",
                                                "key": name_key("Hội nghị")}))
    said = {q[1:3] for q in to_quads(frag) if q[0] == node_iri("position/q")
            and isinstance(q[2], Literal) and q[1] not in (VNKG.id, VNKG.key)}
    assert said == {(URIRef(SCHEMA_ORG + "name"), Literal(post["name"], lang="vi"))}
    assert (node_iri("meeting/q"), URIRef(SCHEMA_ORG + "headline"),
            Literal("Hội nghị X", lang="vi"), graph_iri("bai-8")) in to_quads(frag)
    back = from_quads(frag.article, (q[:3] for q in to_quads(frag)))
    assert back.nodes == frag.nodes
    # in predicate order (skos: before schema:), as a stated title reads: the CSV's columns
    assert list(back.nodes["position/q"].props) == ["title", "name", "key"]
    named = {str(o) for o in union.objects(None, URIRef(SCHEMA_ORG + "name"))}
    assert not {str(o) for o in union.objects(None, SKOS.prefLabel)} & named


def test_within_links_are_iris(union: RdfGraph) -> None:
    links = list(union.objects(None, VNKG.within))
    assert links and all(isinstance(o, URIRef) for o in links)


def test_jsonld_is_compacted_with_the_project_prefixes(articles_store: Path, tmp_path: Path,
                                                       union: RdfGraph) -> None:
    with OxigraphStore(articles_store) as store:
        [path] = export_graph(store, "jsonld", tmp_path / "g.jsonld", reference=False)
    doc = json.loads(path.read_text("utf-8"))
    assert doc["@context"] == SCHEMA.prefixes
    assert "schema:name" in path.read_text("utf-8")
    assert "https://schema.org/name" not in path.read_text("utf-8")
    back = RdfGraph().parse(path, format="json-ld")
    assert len(back) == len(union)


def test_fragment_fixture_reads_back(sample_fragment: Callable[..., Fragment]) -> None:
    frag = sample_fragment()
    assert from_quads(frag.article, (q[:3] for q in to_quads(frag))).nodes == frag.nodes


def test_the_schema_refuses_a_label_override_of_a_property_it_lacks() -> None:
    from importlib import resources

    from vnkg.graph.schema import SchemaError, load

    text = (resources.files("vnkg.graph") / "schema.toml").read_text("utf-8")
    with pytest.raises(SchemaError, match="'rank' is not one of its properties"):
        load(text.replace('plain = ["kind"]', 'plain = ["rank"]'))
    with pytest.raises(SchemaError, match="unknown prefix"):
        load(text.replace('title = "skos:prefLabel"', 'title = "skso:prefLabel"'))
