// Remove $articles from the nodes they support, and what they stated ($prefixes: the start
// of their `stated` entries); delete nodes no article supports any more. The nodes kept are
// returned with what the remaining articles state, for the loader to recompute their
// properties by the value rule.
MATCH (n)
WHERE any(s IN n.sources WHERE s IN $articles)
WITH n, [s IN n.sources WHERE NOT s IN $articles] AS keep
CALL (n, keep) {
  WITH n, keep WHERE size(keep) = 0
  DETACH DELETE n
}
CALL (n, keep) {
  WITH n, keep WHERE size(keep) > 0
  SET n.sources = keep,
      n.stated = [e IN n.stated WHERE NOT any(p IN $prefixes WHERE e STARTS WITH p)]
}
WITH n, keep WHERE size(keep) > 0
WITH n WHERE n.stated IS NOT NULL
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'VnkgLoad'][0] AS label, keys(n) AS keys,
       n.stated AS stated
