// query: decree-trace
// about: How a decree was implemented: the meetings about it, where, when, chaired by whom.
// params: decree, province
// columns: meeting, title, date, locality, locality_name, province_name, chair_name, source
// A locality's province is its top-most ancestor, else its own `province` property; the
// `province` parameter matches either (the property without its "tỉnh"/"thành phố" word).
MATCH (m:Meeting)-[c:CONCERNS]->(d)
WHERE d.key IS NOT NULL AND m.name IS NOT NULL
  AND (coalesce($decree, '') = '' OR d.id = $decree OR d.key = $decree_key)
  AND (coalesce($province, '') = '' OR EXISTS {
    MATCH (m)-[:HELD_IN]->(hl)
    WHERE $province IN hl.within OR $province_key IN hl.within_keys })
UNWIND c.sources AS article
MATCH (:Article {id: 'article/' + article})
WITH DISTINCT m, 'article/' + article AS source
RETURN m.id AS meeting, m.name AS title, m.date AS date,
       COLLECT { MATCH (m)-[:HELD_IN]->(l) RETURN l.id ORDER BY l.id LIMIT 1 }[0] AS locality,
       COLLECT { MATCH (m)-[:HELD_IN]->(l) WHERE l.name IS NOT NULL
                 RETURN l.name ORDER BY l.name LIMIT 1 }[0] AS locality_name,
       COLLECT { MATCH (m)-[:HELD_IN]->(l)
                 OPTIONAL MATCH (l)-[:PART_OF*1..]->(top)
                 WHERE top.name IS NOT NULL AND NOT EXISTS { MATCH (top)-[:PART_OF]->() }
                 WITH coalesce(top.name, l.province) AS name WHERE name IS NOT NULL
                 RETURN name ORDER BY name LIMIT 1 }[0] AS province_name,
       COLLECT { MATCH (chair)-[:CHAIRED]->(m) WHERE chair.name IS NOT NULL
                 RETURN chair.name ORDER BY chair.name LIMIT 1 }[0] AS chair_name,
       source
ORDER BY date, meeting
