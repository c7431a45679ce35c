// query: locality-timeline
// about: The meetings held in a locality or anywhere inside it, in date order.
// params: locality
// columns: date, meeting, title, kind, source
MATCH (m:Meeting)-[h:HELD_IN]->(held)
WHERE m.name IS NOT NULL
  AND (coalesce($locality, '') = '' OR EXISTS {
    MATCH (held)-[:PART_OF*0..]->(l)
    WHERE l.key IS NOT NULL AND (l.id = $locality OR l.key = $locality_key) })
UNWIND h.sources AS article
MATCH (:Article {id: 'article/' + article})
RETURN DISTINCT m.date AS date, m.id AS meeting, m.name AS title, m.kind AS kind,
       'article/' + article AS source
ORDER BY date, meeting
