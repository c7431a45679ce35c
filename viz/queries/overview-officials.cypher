// query: overview-officials
// about: The most connected officials (at most 60; ties broken by the person's id): people by the number of nodes their relations reach (each relation a Person starts in the schema), with the units of the posts they hold.
// columns: person, name, degree, unit
MATCH (p:Person)-[:ATTENDED|CHAIRED|SPOKE_AT|AUTHORED|HOLDS|HAS_RANK]->(x)
WITH p, count(DISTINCT x) AS degree
ORDER BY degree DESC, p.id LIMIT 60
OPTIONAL MATCH (p)-[:HOLDS]->()-[:IN_UNIT]->(u)
RETURN DISTINCT p.id AS person, p.name AS name, degree, u.id AS unit
ORDER BY degree DESC, person, unit
