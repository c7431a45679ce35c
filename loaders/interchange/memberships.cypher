// query: memberships
// about: Who held which post (and its unit), first and last seen, with the articles.
// columns: person, post, unit, first_seen, last_seen, sources
// lists: sources
MATCH (p:Person)-[h:HOLDS]->(pos:Position)
WITH p, pos, h, [s IN h.sources WHERE s <> 'reference' | 'article/' + s] AS sources
WHERE size(sources) > 0
RETURN p.id AS person, pos.id AS post,
       COLLECT { MATCH (pos)-[:IN_UNIT]->(u:Unit) RETURN u.id AS v ORDER BY v LIMIT 1 }[0]
         AS unit,
       h.first_seen AS first_seen, h.last_seen AS last_seen, sources
