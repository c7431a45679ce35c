// query: districts
// about: The districts of a province (of every one when none is named): localities of
// type huyện, quận, thị xã or thành phố PART_OF a province (type tỉnh or thành phố trực thuộc trung ương, with no parent), as
// decree-gaps finds them; the decree page lists its gaps from these (web.pages).
// params: province
// columns: province, locality, locality_name
MATCH (dist:Locality)-[:PART_OF]->(pr:Locality)
WHERE pr.key IS NOT NULL
  AND (coalesce($province, '') = '' OR pr.id = $province OR pr.key = $province_key)
  AND any(t IN coalesce(pr.types, [pr.type])
          WHERE t IN ['tỉnh', 'thành phố trực thuộc trung ương'])
  AND NOT EXISTS { MATCH (pr)-[:PART_OF]->() }
  AND any(t IN coalesce(dist.types, [dist.type])
          WHERE t IN ['huyện', 'quận', 'thị xã', 'thành phố'])
RETURN DISTINCT pr.id AS province, dist.id AS locality,
       dist.name AS locality_name
