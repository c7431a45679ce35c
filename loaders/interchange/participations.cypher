// query: participations
// about: Who chaired, attended or spoke at which meeting, with the articles that say so.
// columns: person, meeting, role, sources
// lists: sources
MATCH (p:Person)-[r:CHAIRED|ATTENDED|SPOKE_AT]->(m:Meeting)
WITH p, m, r, [s IN r.sources WHERE s <> 'reference' | 'article/' + s] AS sources
WHERE size(sources) > 0
RETURN p.id AS person, m.id AS meeting,
       CASE type(r) WHEN 'CHAIRED' THEN 'chair' WHEN 'ATTENDED' THEN 'attendee'
                    ELSE 'speaker' END AS role,
       sources
