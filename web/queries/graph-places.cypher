// query: graph-places
// about: The twin of graph-places.rq, whose rows add the gazetteer's name and province of
// the localities an RDF store's article graphs only name. Neo4j keeps every locality's
// properties on its node, which graph-nodes reads: there is nothing to add, so no rows.
// params:
// columns: id, name, province
UNWIND [] AS id
RETURN id, null AS name, null AS province
