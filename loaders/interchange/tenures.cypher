// query: tenures
// about: The properties the articles state on a HOLDS relation (stated bounds, status), one row per value and article.
// columns: person, post, name, value, article
// Neo4j keeps the bounds merged (a bundle whole): no article.
MATCH (p:Person)-[h:HOLDS]->(pos:Position)
UNWIND [k IN keys(h) WHERE NOT k IN ['sources', 'first_seen', 'last_seen', 'evidence']] AS name
RETURN p.id AS person, pos.id AS post, name, h[name] AS value, null AS article
