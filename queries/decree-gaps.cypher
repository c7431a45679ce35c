// query: decree-gaps
// about: Districts of a province with no recorded meeting on the decree, and how many meetings on it have no known district.
// params: decree, province
// columns: locality, locality_name, unplaced
// `unplaced`: the meetings on the decree held in the province but in none of its districts,
// plus those held nowhere the store knows (any of them may have been held in the gap).
MATCH (dist:Locality)-[:PART_OF]->(pr:Locality)
WHERE pr.key IS NOT NULL
  AND (coalesce($province, '') = '' OR pr.id = $province OR pr.key = $province_key)
  // `types`: every type the articles and the gazetteer gave (`type` keeps the smallest)
  AND any(t IN coalesce(pr.types, [pr.type])
          WHERE t IN ['tỉnh', 'thành phố trực thuộc trung ương'])
  AND NOT EXISTS { MATCH (pr)-[:PART_OF]->() }
  AND any(t IN coalesce(dist.types, [dist.type])
          WHERE t IN ['huyện', 'quận', 'thị xã', 'thành phố'])
  AND dist.name IS NOT NULL
  AND (coalesce($decree, '') = '' OR EXISTS {
    MATCH (known:Decree) WHERE known.id = $decree OR known.key = $decree_key })
  AND NOT EXISTS {
    MATCH (m)-[:HELD_IN]->(held) WHERE dist.id IN held.within
    MATCH (m)-[:CONCERNS]->(d)
    WHERE d.key IS NOT NULL
      AND (coalesce($decree, '') = '' OR d.id = $decree OR d.key = $decree_key) }
WITH DISTINCT dist, pr
RETURN dist.id AS locality, dist.name AS locality_name,
       size(COLLECT {
         MATCH (m)-[:CONCERNS]->(d) WHERE d.key IS NOT NULL
           AND (coalesce($decree, '') = '' OR d.id = $decree OR d.key = $decree_key)
         MATCH (m)-[:HELD_IN]->(held) WHERE pr.id IN held.within
           AND NOT EXISTS { MATCH (m)-[:HELD_IN]->(inside), (d2:Locality)-[:PART_OF]->(pr)
                            WHERE d2.type IN ['huyện', 'quận', 'thị xã', 'thành phố']
                              AND d2.id IN inside.within }
         RETURN DISTINCT m.id AS id }) +
       size(COLLECT {
         MATCH (m)-[:CONCERNS]->(d) WHERE d.key IS NOT NULL
           AND (coalesce($decree, '') = '' OR d.id = $decree OR d.key = $decree_key)
           AND NOT EXISTS { MATCH (m)-[:HELD_IN]->() }
         RETURN DISTINCT m.id AS id }) AS unplaced
ORDER BY locality_name
