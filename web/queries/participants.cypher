// query: participants
// about: The people at a meeting with the rank and post the articles stating their part give
// them there (read in the same article's graph, as `chairs` reads a chair's): the smallest of
// each where the articles differ.
// params: id
// columns: person, rank, post
MATCH (p:Person)-[c:CHAIRED|SPOKE_AT|ATTENDED]->(m:Meeting {id: $id})
UNWIND c.sources AS article
WITH DISTINCT p, article
RETURN p.id AS person,
       min(COLLECT { MATCH (p)-[h:HAS_RANK]->(r:Rank) WHERE article IN h.sources
                     RETURN r.name AS v ORDER BY v LIMIT 1 }[0]) AS rank,
       min(COLLECT { MATCH (p)-[h:HOLDS]->(pos:Position) WHERE article IN h.sources
                     RETURN pos.name AS v ORDER BY v LIMIT 1 }[0]) AS post
