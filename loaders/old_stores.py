"""A store written by an older vnkg, before evidence spans were compact: how it is
recognised, and the refusal both RDF engines give on opening one.

Apart from loaders.rdf because it is about stores of the past, not the named graphs
written now: the one retired term each engine looks for its own way (the embedded store
by an index lookup, a SPARQL server by an ASK), and what to do instead.
"""

from __future__ import annotations

from vnkg.graph.vocab import VNKG

# vnkg:start, where an evidence span kept its start offset before spans became their
# article's IRI with an RFC 5147 fragment: a retired term, spelled out to recognise old stores
OLD_EVIDENCE = f"{VNKG}start"


def old_evidence_error(where: str) -> ValueError:
    """The refusal of a store written before evidence spans were compact. It is not migrated:
    every article's digest stamp would still be of the old statements, so the next build
    would rewrite each article anyway, one by one, slower than building it anew."""
    return ValueError(
        f"{where} was written by an older vnkg, with evidence spans of five statements "
        "each (vnkg:start, vnkg:end, prov:wasDerivedFrom); this one names a span by its "
        "article's IRI and #char=START,END and cannot read those: build the same articles "
        "again into a new, empty store and use that one (this one is left as it was)")
