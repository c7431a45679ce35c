// Remove $articles from the relationships they support: sources, evidence (by the JSON
// prefixes in $prefixes), first_seen/last_seen recomputed from the remaining articles'
// dates; delete what no article supports any more. A stated tenure bound whose article goes
// goes with it (another article's bound of the same tenure returns when that one is loaded).
MATCH ()-[r]->()
WHERE any(s IN r.sources WHERE s IN $articles)
WITH r, [s IN r.sources WHERE NOT s IN $articles] AS keep
CALL (r, keep) {
  WITH r, keep WHERE size(keep) = 0
  DELETE r
}
CALL (r, keep) {
  WITH r, keep WHERE size(keep) > 0
  OPTIONAL MATCH (l:VnkgLoad) WHERE l.article IN keep
  WITH r, keep, min(l.seen_date) AS first, max(l.seen_date) AS last
  SET r.sources = keep, r.first_seen = first, r.last_seen = last,
      r.evidence = [e IN coalesce(r.evidence, [])
                    WHERE NOT any(p IN $prefixes WHERE e STARTS WITH p)]
  FOREACH (_ IN CASE WHEN r.start_source IN [a IN $articles | 'article/' + a] THEN [1] ELSE [] END |
    REMOVE r.start, r.start_precision, r.start_cue, r.start_surface, r.start_source, r.start_by)
  FOREACH (_ IN CASE WHEN r.end_source IN [a IN $articles | 'article/' + a] THEN [1] ELSE [] END |
    REMOVE r.end, r.end_precision, r.end_cue, r.end_surface, r.end_source, r.end_by)
}
