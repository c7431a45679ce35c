// query: decree-trace
// about: How a decree was implemented: the meetings about it, where, when, chaired by whom.
// params: decree, province, map
// columns: meeting, title, date, locality, locality_name, province_name, chair_name, source
// A locality's province is its top-most ancestor, else its own `province` property; the
// `province` parameter matches either (the property without its "tỉnh"/"thành phố" word).
// With map=2025 a place is reported under the 2025 unit `in_2025` names (when the store has
// it) and the province is matched on `within_2025` / `within_keys_2025`.
MATCH (m:Meeting)-[c:CONCERNS]->(d)
WHERE d.key IS NOT NULL AND m.name IS NOT NULL AND coalesce($map, '') IN ['', '2024', '2025']
  AND (coalesce($decree, '') = '' OR d.id = $decree OR d.key = $decree_key)
  AND (coalesce($province, '') = '' OR EXISTS {
    MATCH (m)-[:HELD_IN]->(hl)
    WHERE CASE WHEN coalesce($map, '') = '2025'
               THEN $province IN hl.within_2025 OR $province_key IN hl.within_keys_2025
               ELSE $province IN hl.within OR $province_key IN hl.within_keys END })
UNWIND c.sources AS article
MATCH (:Article {id: 'article/' + article})
WITH DISTINCT m, 'article/' + article AS source, coalesce($map, '') = '2025' AS new_map
RETURN m.id AS meeting, m.name AS title, m.date AS date,
       COLLECT { MATCH (m)-[:HELD_IN]->(l) OPTIONAL MATCH (n:Locality {id: l.in_2025})
                 WITH CASE WHEN new_map THEN coalesce(n.id, l.id) ELSE l.id END AS x
                 RETURN x ORDER BY x LIMIT 1 }[0] AS locality,
       COLLECT { MATCH (m)-[:HELD_IN]->(l) OPTIONAL MATCH (n:Locality {id: l.in_2025})
                 WITH CASE WHEN new_map THEN coalesce(n.name, l.name) ELSE l.name END AS x
                 WHERE x IS NOT NULL
                 RETURN x ORDER BY x LIMIT 1 }[0] AS locality_name,
       COLLECT { MATCH (m)-[:HELD_IN]->(l)
                 OPTIONAL MATCH (l)-[:PART_OF*1..]->(top)
                 WHERE top.name IS NOT NULL AND NOT EXISTS { MATCH (top)-[:PART_OF]->() }
                 OPTIONAL MATCH (n:Locality {id: l.in_2025})
                 WITH CASE WHEN new_map THEN coalesce(n.province, top.name, l.province)
                           ELSE coalesce(top.name, l.province) END AS name
                 WHERE name IS NOT NULL
                 RETURN name ORDER BY name LIMIT 1 }[0] AS province_name,
       COLLECT { MATCH (chair)-[:CHAIRED]->(m) WHERE chair.name IS NOT NULL
                 RETURN chair.name ORDER BY chair.name LIMIT 1 }[0] AS chair_name,
       source
ORDER BY date, meeting
