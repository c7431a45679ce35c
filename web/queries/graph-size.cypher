// query: graph-size
// about: How many nodes the large graph page would draw (one with one of the model's labels
// that an article states, not only the reference gazetteer): past vnkg.web.WHOLE_GRAPH
// the page draws an aggregate instead.
// params:
// columns: nodes
MATCH (n)
WHERE n.id IS NOT NULL AND any(s IN coalesce(n.sources, []) WHERE s <> 'reference')
  AND any(l IN labels(n) WHERE l IN ['Person', 'Rank', 'Position', 'Unit', 'Locality',
                                     'Decree', 'Meeting', 'Article'])
RETURN count(n) AS nodes
