// query: graph-many
// about: Up to 3,001 of the nodes the large graph page draws (one with one of the model's
// labels that an article states, not only the reference gazetteer): past 3,000
// (web.graph.WEBGL_NODES) the overview goes to the WebGL page, known in milliseconds, before
// the whole graph is read (graph-nodes, graph-edges).
// params:
// columns: id
MATCH (n)
WHERE n.id IS NOT NULL AND any(s IN coalesce(n.sources, []) WHERE s <> 'reference')
  AND any(l IN labels(n) WHERE l IN ['Person', 'Rank', 'Position', 'Unit', 'Locality',
                                     'Decree', 'Meeting', 'Article'])
RETURN DISTINCT n.id AS id
LIMIT 3001
