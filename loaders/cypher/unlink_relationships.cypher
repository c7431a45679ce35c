// Remove $articles from the relationships they support: sources, evidence (by the JSON
// prefixes in $prefixes), first_seen/last_seen recomputed from the remaining articles'
// dates; delete what no article supports any more.
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
}
