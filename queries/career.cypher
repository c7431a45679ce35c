// query: career
// about: The posts (with their unit) and, separately, the ranks of a person, as the articles saw them.
// params: person
// columns: post, unit_name, rank, first_seen, last_seen, sources
// lists: sources
MATCH (p:Person)-[h:HOLDS]->(pos:Position)
WHERE p.key IS NOT NULL AND pos.name IS NOT NULL
  AND (coalesce($person, '') = '' OR p.id = $person OR p.key = $person_key)
RETURN pos.name AS post,
       COLLECT { MATCH (pos)-[:IN_UNIT]->(u:Unit) WHERE u.name IS NOT NULL
                 RETURN u.name ORDER BY u.name LIMIT 1 }[0] AS unit_name,
       null AS rank, h.first_seen AS first_seen, h.last_seen AS last_seen,
       [s IN h.sources | 'article/' + s] AS sources
UNION ALL
MATCH (p:Person)-[h:HAS_RANK]->(r:Rank)
WHERE p.key IS NOT NULL AND r.name IS NOT NULL
  AND (coalesce($person, '') = '' OR p.id = $person OR p.key = $person_key)
RETURN null AS post, null AS unit_name, r.name AS rank,
       h.first_seen AS first_seen, h.last_seen AS last_seen,
       [s IN h.sources | 'article/' + s] AS sources
