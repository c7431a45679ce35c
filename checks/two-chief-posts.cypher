// check: two-chief-posts (checks/shapes.ttl says the same in SHACL)
// One person in two chief posts ($chief_roles) of units in different provinces, stated by
// articles of the same day.
MATCH (p:Person)-[h1:HOLDS]->(post1:Position)-[:IN_UNIT]->(:Unit)-[:LOCATED_IN]->(l1:Locality),
      (p)-[h2:HOLDS]->(post2:Position)-[:IN_UNIT]->(:Unit)-[:LOCATED_IN]->(l2:Locality)
WHERE post1.id < post2.id AND post1.role IN $chief_roles AND post2.role IN $chief_roles
  AND l1.province IS NOT NULL AND l2.province IS NOT NULL AND l1.province <> l2.province
UNWIND h1.sources AS a1
UNWIND h2.sources AS a2
MATCH (x1:VnkgLoad {article: a1}), (x2:VnkgLoad {article: a2})
WHERE size(x1.seen_date) = 10 AND x1.seen_date = x2.seen_date
RETURN DISTINCT p.id AS a_subject, 'HOLDS' AS a_relation, post1.id AS a_object,
       a1 AS a_article, p.id AS b_subject, 'HOLDS' AS b_relation, post2.id AS b_object,
       a2 AS b_article, null AS value
