"""A stated tenure in RDF as a W3C ORG membership with an OWL-Time interval.

Besides the properties on the relation's `vnkg:Statement` (graph.tenure), a HOLDS or
HAS_RANK relation with a dated bound is written, in the stating article's graph, as

    <membership/H> a org:Membership ; org:member <person> ; org:role <post or rank> ;
        org:organization <unit of the post> ; org:memberDuring <interval/H/article> .
    <interval/H/article> a time:Interval ; time:hasBeginning <…/start> ; time:hasEnd <…/end> .
    <…/start> a time:Instant ; time:inXSDgYearMonth "2023-03"^^xsd:gYearMonth .

The instant's property and datatype follow the precision: a year stays an xsd:gYear, a month
an xsd:gYearMonth, only a day is an xsd:date. One membership per relation, one interval per
article stating it, so each article's claim stays in its own named graph.
"""

from __future__ import annotations

import hashlib

from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node as Term

from vnkg.graph.model import Edge, Fragment
from vnkg.graph.schema import SCHEMA
from vnkg.graph.vocab import ID, node_iri

ORG = Namespace(SCHEMA.prefixes["org"])
TIME = Namespace(SCHEMA.prefixes["time"])
Triple = tuple[Term, Term, Term]

# precision -> (OWL-Time property, XSD datatype) of an instant
INSTANT: dict[str, tuple[URIRef, URIRef]] = {
    "day": (TIME.inXSDDate, XSD.date),
    "month": (TIME.inXSDgYearMonth, XSD.gYearMonth),
    "year": (TIME.inXSDgYear, XSD.gYear),
}
_LENGTH = {10: "day", 7: "month", 4: "year"}


def membership_triples(edge: Edge, fragment: Fragment) -> list[Triple]:
    """The membership triples of a HOLDS / HAS_RANK edge of `fragment` (none without a dated
    bound).

    >>> frag = Fragment("a1", "2024-05-02")
    >>> edge = Edge("HOLDS", "person/p", "position/c", {"start": "2023-03",
    ...             "start_precision": "month", "start_source": "article/a1"})
    >>> sorted(str(o) for _, _, o in membership_triples(edge, frag) if isinstance(o, Literal))
    ['2023-03']
    """
    if edge.type not in ("HOLDS", "HAS_RANK"):
        return []
    bounds = {side: edge.props.get(side) for side in ("start", "end")}
    if not any(bounds.values()):
        return []
    m = URIRef(f"{ID}membership/{_hash(*edge.key)}")
    interval = URIRef(f"{ID}interval/{_hash(*edge.key, fragment.article)}")
    out: list[Triple] = [(m, RDF.type, ORG.Membership), (m, ORG.member, node_iri(edge.source)),
                         (m, ORG.role, node_iri(edge.target)), (m, ORG.memberDuring, interval),
                         (interval, RDF.type, TIME.Interval)]
    for unit in _units(edge, fragment):
        out.append((m, ORG.organization, node_iri(unit)))
    for side, link in (("start", TIME.hasBeginning), ("end", TIME.hasEnd)):
        date = bounds[side]
        if not isinstance(date, str) or not date:
            continue
        precision = str(edge.props.get(f"{side}_precision") or _LENGTH.get(len(date), "day"))
        prop, datatype = INSTANT.get(precision, INSTANT["day"])
        instant = URIRef(f"{interval}/{side}")
        out += [(interval, link, instant), (instant, RDF.type, TIME.Instant),
                (instant, prop, Literal(date, datatype=datatype))]
    return out


def _units(edge: Edge, fragment: Fragment) -> list[str]:
    if edge.type != "HOLDS":
        return []
    return sorted(t for s, rel, t in fragment.edges if rel == "IN_UNIT" and s == edge.target)


def _hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]
