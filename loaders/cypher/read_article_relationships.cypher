// The relationships one article supports, with their ends' ids and properties.
MATCH (a)-[r]->(b)
WHERE $article IN r.sources
RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props
