// check: two-places-one-day (checks/shapes.ttl says the same in SHACL)
// One person at two meetings of the same day held in different provinces (no province in
// common).
MATCH (p:Person)-[r1:CHAIRED|ATTENDED|SPOKE_AT]->(m1:Meeting),
      (p)-[r2:CHAIRED|ATTENDED|SPOKE_AT]->(m2:Meeting)
WHERE m1.id < m2.id AND size(m1.date) = 10 AND m1.date = m2.date
  AND EXISTS { MATCH (m1)-[:HELD_IN]->(l:Locality) WHERE l.province IS NOT NULL }
  AND EXISTS { MATCH (m2)-[:HELD_IN]->(l:Locality) WHERE l.province IS NOT NULL }
  AND NOT EXISTS { MATCH (m1)-[:HELD_IN]->(x:Locality), (m2)-[:HELD_IN]->(y:Locality)
                   WHERE x.province = y.province }
UNWIND r1.sources AS a1
UNWIND r2.sources AS a2
RETURN DISTINCT p.id AS a_subject, type(r1) AS a_relation, m1.id AS a_object,
       a1 AS a_article, p.id AS b_subject, type(r2) AS b_relation, m2.id AS b_object,
       a2 AS b_article, null AS value
