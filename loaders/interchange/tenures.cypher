// query: tenures
// about: The properties the articles state on a HOLDS relation (stated bounds, status), one row per value; `claim`: the relationship (Neo4j keeps the bounds already merged).
// columns: person, post, claim, name, value
MATCH (p:Person)-[h:HOLDS]->(pos:Position)
UNWIND [k IN keys(h) WHERE NOT k IN ['sources', 'first_seen', 'last_seen', 'evidence']] AS name
RETURN p.id AS person, pos.id AS post, p.id + ' ' + pos.id AS claim, name, h[name] AS value
