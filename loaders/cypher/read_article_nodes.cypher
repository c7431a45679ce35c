// The nodes one article supports, with their labels and properties (for read_fragment).
MATCH (n)
WHERE $article IN n.sources
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
