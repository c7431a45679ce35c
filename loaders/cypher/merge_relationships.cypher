// Merge one relationship type between two labels (MATCH, MATCH, MERGE), one row per
// relationship (the loader merges a batch's rows first). Properties merge as
// for nodes (lists: sorted union, scalars: smallest); `sources` and `evidence` stay sorted and
// free of duplicates (a batch's list past the stored one's end appended, as for nodes);
// first_seen/last_seen widen to the article's date. `stated` (every
// article's bound bundles as JSON) likewise, so the loader can recompute the winners.
// Stated tenure bounds (row.start_bound, row.end_bound: whole bundles or null) replace the
// relationship's bundle when graph.tenure's rule prefers them: dated over undated, the
// earliest start / latest end, else the earliest `_by` date; ties to the smaller source.
// __SOURCE__, __TARGET__ and __TYPE__ come from graph.model.RELATIONS, never from data.
// CYPHER replan=skip: see merge_nodes; the plan (unique-index seeks on both ends' label+id
// constraints, then MERGE) does not depend on the counts.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:__SOURCE__ {id: row.source})
MATCH (b:__TARGET__ {id: row.target})
MERGE (a)-[r:__TYPE__]->(b)
ON CREATE SET r.sources = row.articles, r.first_seen = row.first_seen,
    r.last_seen = row.last_seen, r.evidence = row.evidence, r.stated = row.stated
ON MATCH SET
    r.first_seen = CASE
        WHEN row.first_seen IS NULL OR r.first_seen <= row.first_seen THEN r.first_seen
        ELSE row.first_seen END,
    r.last_seen = CASE
        WHEN row.last_seen IS NULL OR r.last_seen >= row.last_seen THEN r.last_seen
        ELSE row.last_seen END
WITH r, row, r.sources = row.articles AS fresh
SET r.sources = CASE WHEN fresh THEN r.sources
        WHEN row.articles[0] > r.sources[-1] THEN r.sources + row.articles
        ELSE COLLECT { UNWIND r.sources + row.articles AS s RETURN DISTINCT s ORDER BY s } END,
    r.evidence = CASE WHEN fresh THEN r.evidence
        WHEN coalesce(r.evidence, []) = [] THEN row.evidence
        WHEN row.evidence[0] > r.evidence[-1] THEN r.evidence + row.evidence
        ELSE COLLECT { UNWIND coalesce(r.evidence, []) + row.evidence AS e
                       RETURN DISTINCT e ORDER BY e } END,
    r.stated = CASE WHEN fresh THEN r.stated
        WHEN coalesce(r.stated, []) = [] THEN row.stated
        WHEN row.stated[0] > r.stated[-1] THEN r.stated + row.stated
        ELSE COLLECT { UNWIND coalesce(r.stated, []) + row.stated AS e
                       RETURN DISTINCT e ORDER BY e } END
FOREACH (k IN keys(row.props) |
  SET r[k] = CASE
    WHEN row.props[k] IS :: LIST<ANY> NOT NULL THEN
      reduce(acc = CASE WHEN r[k] IS :: LIST<ANY> NOT NULL THEN r[k] ELSE [] END,
             x IN row.props[k] | [y IN acc WHERE y < x] + x + [y IN acc WHERE y > x])
    WHEN r[k] IS NOT NULL AND r[k] < row.props[k] THEN r[k]
    ELSE row.props[k] END)
FOREACH (b IN CASE WHEN row.start_bound IS NOT NULL AND (r.start_source IS NULL
    OR (row.start_bound.start IS NOT NULL AND (r.start IS NULL OR row.start_bound.start < r.start
        OR (row.start_bound.start = r.start AND row.start_bound.start_source < r.start_source)))
    OR (row.start_bound.start IS NULL AND r.start IS NULL
        AND (coalesce(row.start_bound.start_by, '') < coalesce(r.start_by, '')
             OR (coalesce(row.start_bound.start_by, '') = coalesce(r.start_by, '')
                 AND row.start_bound.start_source < r.start_source))))
  THEN [row.start_bound] ELSE [] END | SET r += b)
FOREACH (b IN CASE WHEN row.end_bound IS NOT NULL AND (r.end_source IS NULL
    OR (row.end_bound.end IS NOT NULL AND (r.end IS NULL OR row.end_bound.end > r.end
        OR (row.end_bound.end = r.end AND row.end_bound.end_source < r.end_source)))
    OR (row.end_bound.end IS NULL AND r.end IS NULL
        AND (coalesce(row.end_bound.end_by, '') < coalesce(r.end_by, '')
             OR (coalesce(row.end_bound.end_by, '') = coalesce(r.end_by, '')
                 AND row.end_bound.end_source < r.end_source))))
  THEN [row.end_bound] ELSE [] END | SET r += b)
RETURN count(r) AS written
