// query: links
// about: The relations touching a node: their direction, type, the node at the other end,
// the articles that state them (qualifiers: page query `qualifiers`).
// params: id
// columns: dir, rel, other, other_label, other_name, sources
// lists: sources
MATCH (n)-[r]-(o)
WHERE n.id = $id AND o.id IS NOT NULL AND NOT o:VnkgLoad
RETURN CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS dir, type(r) AS rel,
       o.id AS other, labels(o)[0] AS other_label, o.name AS other_name,
       [s IN coalesce(r.sources, []) | 'article/' + s] AS sources
