// query: localities
// about: The localities the articles name and those containing them, with the articles.
// columns: locality, name, type, code, parent, sources
// lists: sources
MATCH (x:Locality)
WHERE any(s IN x.sources WHERE s <> 'reference')
UNWIND x.within AS lid
WITH DISTINCT lid
MATCH (l:Locality {id: lid})
RETURN l.id AS locality, l.name AS name, l.type AS type, l.code AS code,
       COLLECT { MATCH (l)-[:PART_OF]->(y:Locality) RETURN y.id AS v ORDER BY v LIMIT 1 }[0]
         AS parent,
       [s IN l.sources WHERE s <> 'reference' | 'article/' + s] AS sources
