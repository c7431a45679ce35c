// query: unit-people
// about: The people who held a post in a unit, and when the articles saw them there.
// params: unit
// columns: person, person_name, post, first_seen, last_seen
MATCH (p:Person)-[h:HOLDS]->(pos:Position)
WHERE p.name IS NOT NULL AND pos.name IS NOT NULL
  AND EXISTS { MATCH (pos)-[:IN_UNIT]->(u)
               WHERE u.key IS NOT NULL
                 AND (coalesce($unit, '') = '' OR u.id = $unit OR u.key = $unit_key) }
RETURN p.id AS person, p.name AS person_name, pos.name AS post,
       h.first_seen AS first_seen, h.last_seen AS last_seen
ORDER BY first_seen, person_name
