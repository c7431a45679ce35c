// query: links
// about: The relations touching a node: their direction, type, the node at the other end,
// about: the articles that state them and their qualifiers.
// params: id
// columns: dir, rel, other, other_label, other_name, sources, qualifiers
// lists: sources, qualifiers
MATCH (n)-[r]-(o)
WHERE n.id = $id AND o.id IS NOT NULL AND NOT o:VnkgLoad
RETURN CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS dir, type(r) AS rel,
       o.id AS other, labels(o)[0] AS other_label, o.name AS other_name,
       [s IN coalesce(r.sources, []) | 'article/' + s] AS sources,
       coalesce(r.qualifiers, []) AS qualifiers
