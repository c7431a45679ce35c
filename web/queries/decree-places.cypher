// query: decree-places
// about: The meetings on a decree, each place each was held in (its id) and each place that
// place is within (`place`; none when the meeting was held nowhere the store knows): from
// these and page query `districts` the decree page finds, in one read, what decree-gaps
// gives once per province (web.pages).
// params: decree
// columns: meeting, location, place
MATCH (m)-[:CONCERNS]->(d)
WHERE d.key IS NOT NULL
  AND (coalesce($decree, '') = '' OR d.id = $decree OR d.key = $decree_key)
OPTIONAL MATCH (m)-[:HELD_IN]->(l)
UNWIND CASE WHEN size(coalesce(l.within, [])) = 0 THEN [null] ELSE l.within END AS place
RETURN DISTINCT m.id AS meeting, l.id AS location, place
