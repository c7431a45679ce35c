// Remove $articles from the relationships they support: sources, evidence (by the JSON
// prefixes in $prefixes), first_seen/last_seen recomputed from the remaining articles'
// dates; delete what no article supports any more. Their entries of `stated` ($stated: the
// start of each) go too; the relationships kept that had some are returned with what the
// remaining articles state, for the loader to recompute the winning tenure bounds.
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
  SET r.stated = [e IN coalesce(r.stated, []) WHERE NOT any(p IN $stated WHERE e STARTS WITH p)]
}
WITH r, keep WHERE size(keep) > 0
WITH r WHERE size(r.stated) > 0 OR r.start_source IS NOT NULL OR r.end_source IS NOT NULL
RETURN type(r) AS type, startNode(r).id AS source, endNode(r).id AS target, r.stated AS stated
