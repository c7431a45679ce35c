"""The RDF vocabulary: standard terms where they fit, the project's own in one namespace.

One table maps each label to its class and each relation type to its predicate, so the
mapping to RDF and back (graph.rdf) and the SPARQL queries agree by construction.
"""

from __future__ import annotations

from urllib.parse import quote, unquote

from rdflib import Namespace, URIRef
from rdflib.namespace import FOAF, ORG, PROV, RDF, RDFS, SDO

VNKG = Namespace("https://vnkg.dev/ns#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
ID = "https://vnkg.dev/id/"

PREFIXES = {"vnkg": VNKG, "eli": ELI, "foaf": FOAF, "org": ORG, "prov": PROV, "rdf": RDF,
            "rdfs": RDFS, "schema": SDO}

CLASSES: dict[str, URIRef] = {
    "Person": FOAF.Person,
    "Rank": VNKG.Rank,
    "Position": ORG.Post,
    "Unit": ORG.Organization,
    "Locality": SDO.AdministrativeArea,
    "Decree": ELI.LegalResource,
    "Meeting": SDO.Event,
    "Article": SDO.NewsArticle,
}
LABEL_OF_CLASS = {v: k for k, v in CLASSES.items()}

# (relation type, source label) -> predicate; PART_OF differs for units and localities
PREDICATES: dict[tuple[str, str], URIRef] = {
    ("HAS_RANK", "Person"): VNKG.hasRank,
    ("HOLDS", "Person"): ORG.holds,
    ("IN_UNIT", "Position"): ORG.postIn,
    ("LOCATED_IN", "Unit"): VNKG.locatedIn,
    ("PART_OF", "Unit"): ORG.subOrganizationOf,
    ("PART_OF", "Locality"): SDO.containedInPlace,
    ("BECAME", "Locality"): VNKG.became,
    ("CHAIRED", "Person"): VNKG.chaired,
    ("ATTENDED", "Person"): VNKG.attended,
    ("SPOKE_AT", "Person"): VNKG.spokeAt,
    ("HELD_IN", "Meeting"): SDO.location,
    ("ORGANIZED_BY", "Meeting"): SDO.organizer,
    ("CONCERNS", "Meeting"): VNKG.concerns,
    ("ISSUED_BY", "Decree"): ELI.passed_by,
    ("AUTHORED", "Person"): VNKG.authored,
}
RELATION_OF_PREDICATE = {p: rel for (rel, _), p in PREDICATES.items()}

# node properties with a standard predicate; the others are vnkg:<name>
PROPERTIES: dict[str, URIRef] = {
    "name": SDO.name,
    "title": SDO.headline,
    "url": SDO.url,
    "published": SDO.datePublished,
    "number": ELI.id_local,
    "date": SDO.startDate,
}
PROPERTY_OF_PREDICATE = {v: k for k, v in PROPERTIES.items()}

# Vietnamese text: tagged @vi; codes, keys, ids and dates are plain literals
VIETNAMESE = frozenset({"name", "title", "role", "kind", "type", "issuer", "province",
                        "date_surface", "rank", "qualifiers", "text", "honorific", "anchor"})


# properties that hold a list of strings (one triple per item in RDF)
LIST_PROPS = frozenset({"qualifiers", "anchored_by", "within", "within_keys"})


def node_iri(node_id: str) -> URIRef:
    """IRI of a node (or of an article's named graph) from its id, percent-encoded.

    >>> str(node_iri("article/bài 1"))
    'https://vnkg.dev/id/article/b%C3%A0i%201'
    """
    return URIRef(ID + quote(node_id, safe="/-_.~"))


def node_id_of(iri: object) -> str:
    """The node id an IRI stands for (inverse of node_iri)."""
    return unquote(str(iri)[len(ID):])


def predicate_for(rel: str, source_label: str) -> URIRef:
    """The predicate of a relation type leaving a node of `source_label`."""
    return PREDICATES[(rel, source_label)]


def property_predicate(name: str) -> URIRef:
    """The predicate of a node or edge property."""
    return PROPERTIES.get(name, VNKG[name])
