// query: co-attendance
// about: Pairs of people at the same meetings (chairing, attending or speaking), how many.
// params: person, min
// columns: person_a, name_a, person_b, name_b, meetings
MATCH (a:Person)-[:CHAIRED|ATTENDED|SPOKE_AT]->(m)<-[:CHAIRED|ATTENDED|SPOKE_AT]-(b:Person)
WHERE a.id < b.id AND a.key IS NOT NULL AND b.key IS NOT NULL
  AND a.name IS NOT NULL AND b.name IS NOT NULL
  AND (coalesce($person, '') = ''
       OR a.id = $person OR a.key = $person_key OR b.id = $person OR b.key = $person_key)
WITH a, b, count(DISTINCT m) AS meetings
WHERE meetings >= coalesce(toInteger($min), 1)
RETURN a.id AS person_a, a.name AS name_a, b.id AS person_b, b.name AS name_b, meetings
ORDER BY meetings DESC, name_a, name_b
