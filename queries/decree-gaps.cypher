// query: decree-gaps
// about: Districts of a province with no recorded meeting on the decree.
// params: decree, province
// columns: locality, locality_name
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
  AND NOT EXISTS {
    MATCH (m)-[:HELD_IN]->(held) WHERE dist.id IN held.within
    MATCH (m)-[:CONCERNS]->(d)
    WHERE d.key IS NOT NULL
      AND (coalesce($decree, '') = '' OR d.id = $decree OR d.key = $decree_key) }
RETURN DISTINCT dist.id AS locality, dist.name AS locality_name
ORDER BY locality_name
