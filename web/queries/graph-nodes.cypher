// query: graph-nodes
// about: What the store holds of each node the large graph page draws (a node only the
// reference gazetteer states left out, as the page draws no reference data): its label (key
// `label`), name, own province and own dates, one row per value. web.biggraph derives a
// node's province and date from these and graph-edges.
// params:
// columns: id, key, value
MATCH (n)
WHERE n.id IS NOT NULL AND any(s IN coalesce(n.sources, []) WHERE s <> 'reference')
WITH n, [l IN labels(n) WHERE l IN ['Person', 'Rank', 'Position', 'Unit', 'Locality',
                                    'Decree', 'Meeting', 'Article']] AS known
WHERE size(known) > 0
UNWIND [['label', known[0]], ['name', n.name], ['province', n.province], ['date', n.date],
        ['published', n.published], ['first_seen', n.first_seen]] AS pair
WITH n, pair
WHERE pair[1] IS NOT NULL
RETURN n.id AS id, pair[0] AS key, pair[1] AS value
