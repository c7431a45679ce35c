// check: chairs-unrelated (checks/shapes.ttl says the same in SHACL)
// Two people chair one meeting, and no unit of the posts one holds (in the article saying he
// chaired) is related to a unit of the other's: the same unit, one part of the other, a
// unit without a locality (a national body), or localities one within the other.
MATCH (p1:Person)-[c1:CHAIRED]->(m:Meeting)<-[c2:CHAIRED]-(p2:Person)
WHERE p1.id < p2.id
UNWIND c1.sources AS a1
UNWIND c2.sources AS a2
WITH p1, p2, m, a1, a2,
     COLLECT { MATCH (p1)-[h:HOLDS]->(:Position)-[:IN_UNIT]->(u:Unit) WHERE a1 IN h.sources
               RETURN DISTINCT u } AS units1,
     COLLECT { MATCH (p2)-[h:HOLDS]->(:Position)-[:IN_UNIT]->(u:Unit) WHERE a2 IN h.sources
               RETURN DISTINCT u } AS units2
WHERE size(units1) > 0 AND size(units2) > 0
  AND NONE(u1 IN units1 WHERE ANY(u2 IN units2 WHERE
        u1 = u2
        OR EXISTS { MATCH (u1)-[:PART_OF*1..]->(u2) }
        OR EXISTS { MATCH (u2)-[:PART_OF*1..]->(u1) }
        OR NOT EXISTS { MATCH (u1)-[:LOCATED_IN]->(:Locality) }
        OR NOT EXISTS { MATCH (u2)-[:LOCATED_IN]->(:Locality) }
        OR EXISTS { MATCH (u1)-[:LOCATED_IN]->(l1:Locality), (u2)-[:LOCATED_IN]->(l2:Locality)
                    WHERE l1.id IN coalesce(l2.within, []) OR l2.id IN coalesce(l1.within, []) }))
RETURN DISTINCT p1.id AS a_subject, 'CHAIRED' AS a_relation, m.id AS a_object,
       a1 AS a_article, p2.id AS b_subject, 'CHAIRED' AS b_relation, m.id AS b_object,
       a2 AS b_article, null AS value
