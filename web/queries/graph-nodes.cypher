// query: graph-nodes
// about: What the store holds of each node the large graph page draws (a node only the
// reference gazetteer states left out, as the page draws no reference data): its label,
// name, own province and own dates, one row per node. web.biggraph derives a node's
// province and date from these and graph-edges.
// params:
// columns: id, label, name, province, date, published, first_seen
MATCH (n)
WHERE n.id IS NOT NULL AND any(s IN coalesce(n.sources, []) WHERE s <> 'reference')
WITH n, [l IN labels(n) WHERE l IN ['Person', 'Rank', 'Position', 'Unit', 'Locality',
                                    'Decree', 'Meeting', 'Article']] AS known
WHERE size(known) > 0
RETURN n.id AS id, known[0] AS label, n.name AS name, n.province AS province,
       n.date AS date, n.published AS published, n.first_seen AS first_seen
