// Every node of the model with its label and properties (for read_graph).
MATCH (n)
WHERE NOT n:VnkgLoad
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
