// query: person-meetings
// about: The meetings a person chaired, attended or spoke at, with the article that says so.
// params: person
// columns: meeting, title, date, locality_name, role, source
MATCH (p:Person)-[rel:CHAIRED|ATTENDED|SPOKE_AT]->(m:Meeting)
WHERE p.key IS NOT NULL AND m.name IS NOT NULL
  AND (coalesce($person, '') = '' OR p.id = $person OR p.key = $person_key)
UNWIND rel.sources AS article
MATCH (:Article {id: 'article/' + article})
WITH DISTINCT m, 'article/' + article AS source,
     CASE type(rel) WHEN 'CHAIRED' THEN 'chair' WHEN 'ATTENDED' THEN 'attendee'
                    ELSE 'speaker' END AS role
RETURN m.id AS meeting, m.name AS title, m.date AS date,
       COLLECT { MATCH (m)-[:HELD_IN]->(l:Locality) WHERE l.name IS NOT NULL
                 RETURN l.name AS v ORDER BY v LIMIT 1 }[0] AS locality_name,
       role, source
ORDER BY date, meeting, role
