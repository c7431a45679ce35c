// query: facts
// about: Every statement about a node with its evidence: the relation, the node at the other
// end, the article and the character offsets of the words that say it.
// params: id
// columns: dir, rel, other, other_name, article, start, end, text
// The loader keeps each relationship's evidence as JSON strings {"article", "start", "end",
// "text"}: they come back whole in `text`, and the page reads them (web.data.facts).
MATCH (n)-[r]-(o)
WHERE n.id = $id AND o.id IS NOT NULL AND size(coalesce(r.evidence, [])) > 0
UNWIND r.evidence AS e
RETURN CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS dir, type(r) AS rel,
       o.id AS other, o.name AS other_name, null AS article, null AS start, null AS end,
       e AS text
