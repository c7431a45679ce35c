// query: locality-timeline
// about: The meetings held in a locality or anywhere inside it, in date order.
// params: locality, map
// columns: date, meeting, title, kind, source
// With map=2025 the place is matched on `within_2025` / `within_keys_2025` (see the .rq).
MATCH (m:Meeting)-[h:HELD_IN]->(held)
WHERE m.name IS NOT NULL AND coalesce($map, '') IN ['', '2024', '2025']
  AND (coalesce($locality, '') = ''
    OR (coalesce($map, '') <> '2025' AND EXISTS {
      MATCH (held)-[:PART_OF*0..]->(l)
      WHERE l.key IS NOT NULL AND (l.id = $locality OR l.key = $locality_key) })
    OR (coalesce($map, '') = '2025' AND ($locality IN held.within_2025
                                         OR $locality_key IN held.within_keys_2025)))
UNWIND h.sources AS article
MATCH (:Article {id: 'article/' + article})
RETURN DISTINCT m.date AS date, m.id AS meeting, m.name AS title, m.kind AS kind,
       'article/' + article AS source
ORDER BY date, meeting
