// query: posts
// about: Every post the articles name, with its unit and the articles.
// columns: post, name, title, role, unit, sources
// lists: sources
MATCH (p:Position)
WITH p, [s IN p.sources WHERE s <> 'reference' | 'article/' + s] AS sources
WHERE size(sources) > 0
RETURN p.id AS post, p.name AS name, p.title AS title, p.role AS role,
       COLLECT { MATCH (p)-[:IN_UNIT]->(u:Unit) RETURN u.id AS v ORDER BY v LIMIT 1 }[0] AS unit,
       sources
