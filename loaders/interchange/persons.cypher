// query: persons
// about: Every person the articles name, with his rank and the articles naming him.
// columns: person, name, rank, sources
// lists: sources
MATCH (p:Person)
WITH p, [s IN p.sources WHERE s <> 'reference' | 'article/' + s] AS sources
WHERE size(sources) > 0
RETURN p.id AS person, p.name AS name, p.rank AS rank, sources
