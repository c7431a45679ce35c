// query: decrees-cited
// about: The decrees meetings were about: how many meetings, in how many places, from when to when.
// params: province
// columns: decree, number, kind, meetings, localities, first_date, last_date
// `province` matches as in decree-trace.
MATCH (m)-[:CONCERNS]->(d)
WHERE coalesce($province, '') = '' OR EXISTS {
    MATCH (m)-[:HELD_IN]->(hl)
    WHERE $province IN hl.within OR $province_key IN hl.within_keys }
OPTIONAL MATCH (m)-[:HELD_IN]->(l)
RETURN d.id AS decree, min(d.number) AS number, min(d.kind) AS kind,
       count(DISTINCT m) AS meetings, count(DISTINCT l) AS localities,
       min(m.date) AS first_date, max(m.date) AS last_date
ORDER BY meetings DESC, decree
