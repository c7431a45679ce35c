// query: meetings
// about: Every meeting: its title, kind, date, locality, organising units and the articles.
// columns: meeting, name, title, kind, date, locality, organizers, sources
// lists: organizers, sources
MATCH (m:Meeting)
WITH m, [s IN m.sources WHERE s <> 'reference' | 'article/' + s] AS sources
WHERE size(sources) > 0
RETURN m.id AS meeting, m.name AS name, m.title AS title, m.kind AS kind, m.date AS date,
       COLLECT { MATCH (m)-[:HELD_IN]->(l:Locality) RETURN l.id AS v ORDER BY v LIMIT 1 }[0]
         AS locality,
       COLLECT { MATCH (m)-[:ORGANIZED_BY]->(u:Unit) RETURN u.id } AS organizers,
       sources
