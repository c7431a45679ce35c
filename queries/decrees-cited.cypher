// query: decrees-cited
// about: The decrees meetings were about: how many meetings, in how many places, from when to when.
// params: province, map
// columns: decree, number, kind, meetings, localities, first_date, last_date
// `province` and `map` match as in decree-trace.
MATCH (m)-[:CONCERNS]->(d)
WHERE coalesce($map, '') IN ['', '2024', '2025'] AND (coalesce($province, '') = '' OR EXISTS {
    MATCH (m)-[:HELD_IN]->(hl)
    WHERE CASE WHEN coalesce($map, '') = '2025'
               THEN $province IN hl.within_2025 OR $province_key IN hl.within_keys_2025
               ELSE $province IN hl.within OR $province_key IN hl.within_keys END })
OPTIONAL MATCH (m)-[:HELD_IN]->(l)
OPTIONAL MATCH (n:Locality {id: l.in_2025})
WITH m, d, CASE WHEN coalesce($map, '') = '2025' THEN coalesce(n, l) ELSE l END AS lm
RETURN d.id AS decree, min(d.number) AS number, min(d.kind) AS kind,
       count(DISTINCT m) AS meetings, count(DISTINCT lm) AS localities,
       min(m.date) AS first_date, max(m.date) AS last_date
ORDER BY meetings DESC, decree
