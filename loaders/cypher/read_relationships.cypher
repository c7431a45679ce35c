// Every relationship with its endpoints' ids and its properties (for read_graph).
MATCH (a)-[r]->(b)
RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props
