// query: graph-edges
// about: Every relation an article states (one only the reference gazetteer states left
// out): its ends, its type and the earliest date of the articles stating it (first_seen),
// what the large graph page draws and dates by.
// params:
// columns: source, relation, target, first_seen
MATCH (a)-[r]->(b)
WHERE any(s IN coalesce(r.sources, []) WHERE s <> 'reference')
RETURN a.id AS source, type(r) AS relation, b.id AS target, r.first_seen AS first_seen
