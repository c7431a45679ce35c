// query: chairs
// about: Who chaired which meeting, with the rank and post the same article gives him.
// params: person, locality, decree, from, to
// columns: person, person_name, rank, post, meeting, title, date, locality_name, source
MATCH (p:Person)-[c:CHAIRED]->(m:Meeting)
WHERE p.key IS NOT NULL AND m.name IS NOT NULL
  AND (coalesce($person, '') = '' OR p.id = $person OR p.key = $person_key)
  AND (coalesce($locality, '') = '' OR EXISTS {
    MATCH (m)-[:HELD_IN]->(:Locality)-[:PART_OF*0..]->(l:Locality)
    WHERE l.id = $locality OR l.key = $locality_key })
  AND (coalesce($decree, '') = '' OR EXISTS {
    MATCH (m)-[:CONCERNS]->(d:Decree)
    WHERE d.id = $decree OR d.key = $decree_key })
  AND (coalesce($from, '') = '' OR m.date >= $from)
  AND (coalesce($to, '') = '' OR m.date <= $to)
UNWIND c.sources AS article
MATCH (:Article {id: 'article/' + article})
RETURN p.id AS person, p.name AS person_name,
       COLLECT { MATCH (p)-[h:HAS_RANK]->(r:Rank) WHERE article IN h.sources
                 RETURN r.name AS v ORDER BY v LIMIT 1 }[0] AS rank,
       COLLECT { MATCH (p)-[h:HOLDS]->(pos:Position) WHERE article IN h.sources
                 RETURN pos.name AS v ORDER BY v LIMIT 1 }[0] AS post,
       m.id AS meeting, m.name AS title, m.date AS date,
       COLLECT { MATCH (m)-[:HELD_IN]->(l:Locality) WHERE l.name IS NOT NULL
                 RETURN l.name AS v ORDER BY v LIMIT 1 }[0] AS locality_name,
       'article/' + article AS source
ORDER BY date, person_name
