// query: units
// about: Every unit the articles name: its kind, locality, parent unit and the articles.
// columns: unit, name, kind, locality, parent, sources
// lists: sources
MATCH (u:Unit)
WITH u, [s IN u.sources WHERE s <> 'reference' | 'article/' + s] AS sources
WHERE size(sources) > 0
RETURN u.id AS unit, u.name AS name, u.kind AS kind,
       COLLECT { MATCH (u)-[:LOCATED_IN]->(l:Locality) RETURN l.id AS v ORDER BY v LIMIT 1 }[0]
         AS locality,
       COLLECT { MATCH (u)-[:PART_OF]->(x:Unit) RETURN x.id AS v ORDER BY v LIMIT 1 }[0]
         AS parent,
       sources
