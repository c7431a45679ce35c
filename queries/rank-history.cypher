// query: rank-history
// about: A person's ranks with their dates (a promotion's stated date, else the articles' dates) and sources.
// params: person
// columns: person, start, end, rank, sources
// lists: sources
MATCH (p:Person)-[h:HAS_RANK]->(r:Rank)
WHERE p.key IS NOT NULL AND r.name IS NOT NULL
  AND (coalesce($person, '') = '' OR p.id = $person OR p.key = $person_key)
RETURN p.id AS person, coalesce(h.start, h.first_seen) AS start,
       coalesce(h.end, h.last_seen) AS `end`, r.name AS rank,
       [x IN h.sources | 'article/' + x] AS sources
ORDER BY person, start, rank
