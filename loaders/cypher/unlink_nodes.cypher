// Remove $articles from the nodes they support; delete nodes no article supports any more.
MATCH (n)
WHERE any(s IN n.sources WHERE s IN $articles)
WITH n, [s IN n.sources WHERE NOT s IN $articles] AS keep
CALL (n, keep) {
  WITH n, keep WHERE size(keep) = 0
  DETACH DELETE n
}
CALL (n, keep) {
  WITH n, keep WHERE size(keep) > 0
  SET n.sources = keep
}
