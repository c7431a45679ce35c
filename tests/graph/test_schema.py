"""The model as data: graph/schema.toml against the code, graph/ontology.ttl and the store.

The schema is the one declaration of labels, relations, properties and vnkg: terms. These
tests hold the rest to it: the vocabulary is closed, the ontology declares exactly the
schema's terms (with the right kind, domain and range), and a store built from the example
articles uses no term and no property the schema leaves out.
"""

from __future__ import annotations

import ast
import re
from importlib import resources
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, URIRef
from rdflib import Graph as RdfGraph

from vnkg.api import build
from vnkg.graph.model import KEY_PARTS, LABELS, RELATIONS, UNIQUE, Fragment, Graph, Node
from vnkg.graph.rdf import to_ntriples
from vnkg.graph.reference import reference_fragment
from vnkg.graph.schema import SCHEMA, SchemaError, load
from vnkg.graph.vocab import CLASSES, PREDICATES, VNKG, property_predicate, term
from vnkg.loaders.oxigraph_store import OxigraphStore
from vnkg.loaders.rdf import ONTOLOGY
from vnkg.viz.style import EDGE_CAPTION, STYLE

ROOT = Path(__file__).resolve().parents[2]
OWL_KIND = {"class": OWL.Class, "object": OWL.ObjectProperty, "datatype": OWL.DatatypeProperty}
VNKG_TERM = re.compile(r"<" + re.escape(SCHEMA.namespace) + r"([^>]+)>")


@pytest.fixture(scope="module")
def ontology() -> RdfGraph:
    text = (resources.files("vnkg.graph") / "ontology.ttl").read_text("utf-8")
    return RdfGraph().parse(data=text, format="turtle")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[set[str], Graph]:
    """(vnkg: terms, graph) of a store built from examples/articles: the local names used
    as predicates, classes or graph names outside the ontology's own graph."""
    path = tmp_path_factory.mktemp("store") / "s"
    build([ROOT / "examples" / "articles"], store=path, reference=False, overrides=None)
    used: set[str] = set()
    with OxigraphStore(path) as store:
        for quad in store.oxigraph.quads_for_pattern(None, None, None, None):
            if str(quad.graph_name) == f"<{ONTOLOGY}>":
                continue
            used |= set(VNKG_TERM.findall(f"{quad.predicate} {quad.object} {quad.graph_name}"))
        graph = store.read_graph()
    return used, graph


@pytest.fixture(scope="module")
def reference() -> Fragment:
    return reference_fragment()


def _declared(ontology: RdfGraph) -> dict[str, set[URIRef]]:
    """vnkg: local name -> its rdf:type(s) in the ontology."""
    out: dict[str, set[URIRef]] = {}
    for s, kind in ontology.subject_objects(RDF.type):
        if str(s).startswith(SCHEMA.namespace):
            out.setdefault(str(s)[len(SCHEMA.namespace):], set()).add(kind)
    return out


def test_an_undeclared_vnkg_term_is_an_error() -> None:
    assert str(VNKG.hasRank) == "https://vnkg.dev/ns#hasRank"
    with pytest.raises(AttributeError):
        _ = VNKG.hasRnak
    with pytest.raises(KeyError):
        _ = VNKG["withinKeys"]
    with pytest.raises(KeyError):
        property_predicate("provnice")
    assert property_predicate("within_keys") == VNKG.within_keys


def test_model_vocabulary_and_style_are_made_from_the_schema() -> None:
    assert tuple(SCHEMA.labels) == LABELS
    assert set(RELATIONS) == set(SCHEMA.relations)
    assert RELATIONS["PART_OF"] == (("Unit", "Unit"), ("Locality", "Locality"))
    assert {label: "id" for label in LABELS} == UNIQUE
    assert set(CLASSES) == set(LABELS) and CLASSES["Rank"] == VNKG.Rank
    assert {rel for rel, _ in PREDICATES} == set(RELATIONS)
    assert set(STYLE) == set(LABELS)
    assert set(RELATIONS) <= set(EDGE_CAPTION)


def test_the_schema_refuses_to_contradict_itself() -> None:
    text = (resources.files("vnkg.graph") / "schema.toml").read_text("utf-8")
    with pytest.raises(SchemaError, match="unknown label 'Officer'"):
        load(text.replace('target = "Rank"', 'target = "Officer"'))
    with pytest.raises(SchemaError, match="unknown property 'rnak'"):
        load(text.replace('properties = ["name", "rank", "key"',
                          'properties = ["name", "rnak", "key"'))
    with pytest.raises(SchemaError, match="vnkg:hasRank is declared both"):
        load(text + '\n[terms.hasRank]\nkind = "datatype"\n')


def test_the_ontology_declares_every_schema_term_with_its_kind(ontology: RdfGraph) -> None:
    declared = _declared(ontology)
    wrong = {name: kind for name, kind in SCHEMA.vnkg_terms().items()
             if OWL_KIND[kind] not in declared.get(name, set())}
    assert not wrong, f"graph/ontology.ttl lacks (or mistypes) {wrong}"


def test_the_schema_declares_every_ontology_term(ontology: RdfGraph) -> None:
    extra = set(_declared(ontology)) - set(SCHEMA.vnkg_terms())
    assert not extra, f"graph/ontology.ttl declares terms the schema does not: {extra}"


def test_ontology_domains_and_ranges_agree_with_the_schema(ontology: RdfGraph) -> None:
    for rel in SCHEMA.relations.values():
        for end in rel.ends:
            if not end.predicate.startswith("vnkg:"):
                continue
            p = term(end.predicate)
            assert ontology.value(p, RDFS.domain) == CLASSES[end.source], end
            assert ontology.value(p, RDFS.range) == CLASSES[end.target], end
    label_of = {cls: label for label, cls in CLASSES.items()}
    for prop in SCHEMA.properties.values():
        domain = ontology.value(term(prop.predicate), RDFS.domain)
        if domain in label_of:
            assert prop.name in SCHEMA.labels[label_of[domain]].properties, prop.name


def test_the_ontology_names_every_class_in_vietnamese_and_english(ontology: RdfGraph) -> None:
    for label, cls in CLASSES.items():
        langs = {lit.language for lit in ontology.objects(cls, RDFS.label)}
        assert {"vi", "en"} <= langs, label


def test_a_built_store_uses_only_declared_terms(built: tuple[set[str], Graph],
                                                reference: Fragment,
                                                ontology: RdfGraph) -> None:
    used, _ = built
    used |= set(VNKG_TERM.findall("\n".join(to_ntriples(_sample(reference)))))
    assert {"anchor", "anchored_by", "within", "within_keys", "became"} <= used
    assert used <= set(SCHEMA.vnkg_terms())
    assert used <= set(_declared(ontology))


def test_nodes_and_relations_carry_only_their_declared_properties(
        built: tuple[set[str], Graph], reference: Fragment) -> None:
    _, graph = built
    nodes = [*graph.nodes.values(), *reference.nodes.values()]
    edges = [*graph.edges.values(), *reference.edges.values()]
    stray = {(n.label, k) for n in nodes for k in n.props
             if k not in SCHEMA.labels[n.label].properties}
    stray |= {(e.type, k) for e in edges for k in e.props
              if k not in SCHEMA.relations[e.type].properties}
    assert not stray, f"properties the schema does not declare: {sorted(stray)}"


def test_the_queries_use_only_declared_terms() -> None:
    names = set(SCHEMA.vnkg_terms())
    for path in sorted((ROOT / "queries").glob("*.rq")):
        used = set(re.findall(r"\bvnkg:(\w+)", path.read_text("utf-8")))
        assert used <= names, f"{path.name}: {sorted(used - names)}"


def _sample(frag: Fragment) -> Fragment:
    """A few nodes of the fragment and one edge of each type, with their endpoints."""
    out = Fragment(frag.article, frag.published)
    seen: set[str] = set()
    for edge in frag.edges.values():
        if edge.type in seen:
            continue
        seen.add(edge.type)
        for node_id in (edge.source, edge.target):
            node = frag.nodes[node_id]
            out.add_node(Node(node.id, node.label, dict(node.props)))
        out.add_edge(edge)
    return out


def test_the_cypher_queries_use_only_declared_labels_and_types() -> None:
    for path in sorted((ROOT / "queries").glob("*.cypher")):
        text = path.read_text("utf-8")
        labels = set(re.findall(r"\(\w*:(\w+)", text))
        types = {t for group in re.findall(r"\[\w*:([A-Z_|]+)", text) for t in group.split("|")}
        assert labels <= set(LABELS), f"{path.name}: {sorted(labels - set(LABELS))}"
        assert types <= set(RELATIONS), f"{path.name}: {sorted(types - set(RELATIONS))}"


def test_resolution_makes_ids_from_the_declared_key_parts() -> None:
    """Every make_id("Label", ...) in graph/resolve.py passes as many parts as one of the
    label's declared keys, so the schema's key parts stay in step with resolution."""
    tree = ast.parse((ROOT / "graph" / "resolve.py").read_text("utf-8"))
    calls = [c for c in ast.walk(tree) if isinstance(c, ast.Call)
             and isinstance(c.func, ast.Name) and c.func.id == "make_id"]
    assert len(calls) >= 8
    for call in calls:
        label = call.args[0]
        assert isinstance(label, ast.Constant) and label.value in KEY_PARTS, ast.unparse(call)
        sizes = {len(key) for key in KEY_PARTS[label.value]}
        assert len(call.args) - 1 in sizes, ast.unparse(call)
