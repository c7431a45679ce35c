// Merge one label's nodes (one row per node: the loader merges a batch's rows first).
// Properties merge by the value rule (graph.model.merge_value), whatever the order of the
// articles: a list takes the sorted union, a scalar the smallest value given (so names agree
// with the SPARQL MIN over an entity's names); `sources` and `stated` (what each article
// said, to recompute a value when an article goes) stay sorted and free of duplicates: a
// batch's sorted list that starts past the stored one's end is appended (the batches of a
// build whose articles come in id order, as files named in sequence do: the sorted union of
// a list a thousand articles long, rebuilt by every batch naming the node, was most of the
// load's time), else the two are merged.
// __LABEL__ is replaced by the loader from graph.model.LABELS; every value is a parameter.
// CYPHER replan=skip: a bulk load changes the counts the planner saw at every batch, and each
// replan of this query costs more than writing a batch; the plan (unique-index seek on the
// label's id constraint) does not depend on the counts, so the cached one is kept.
CYPHER replan=skip
UNWIND $rows AS row
MERGE (n:__LABEL__ {id: row.id})
ON CREATE SET n.sources = row.articles, n.stated = row.stated
WITH n, row, n.sources = row.articles AS fresh
SET n.sources = CASE WHEN fresh THEN n.sources
    WHEN row.articles[0] > n.sources[-1] THEN n.sources + row.articles
    ELSE COLLECT { UNWIND n.sources + row.articles AS s RETURN DISTINCT s ORDER BY s } END,
  n.stated = CASE WHEN fresh THEN n.stated
    WHEN coalesce(n.stated, []) = [] THEN row.stated
    WHEN row.stated[0] > n.stated[-1] THEN n.stated + row.stated
    ELSE COLLECT { UNWIND coalesce(n.stated, []) + row.stated AS e
                   RETURN DISTINCT e ORDER BY e } END
FOREACH (k IN keys(row.props) |
  SET n[k] = CASE
    WHEN row.props[k] IS :: LIST<ANY> NOT NULL THEN
      reduce(acc = CASE WHEN n[k] IS :: LIST<ANY> NOT NULL THEN n[k] ELSE [] END,
             x IN row.props[k] | [y IN acc WHERE y < x] + x + [y IN acc WHERE y > x])
    WHEN n[k] IS NOT NULL AND n[k] < row.props[k] THEN n[k]
    ELSE row.props[k] END)
RETURN count(n) AS written
