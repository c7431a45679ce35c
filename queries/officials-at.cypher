// query: officials-at
// about: The officials of the units located in a locality (or within it) on a date.
// params: locality, date
// columns: person, person_name, post, unit_name, start, end
// As `holders`, for the posts whose unit is LOCATED_IN a locality within the parameter.
MATCH (p:Person)-[h:HOLDS]->(pos:Position)
WHERE p.name IS NOT NULL AND pos.name IS NOT NULL
  AND EXISTS { MATCH (pos)-[:IN_UNIT]->(u)-[:LOCATED_IN]->(l)
               WHERE u.name IS NOT NULL AND (coalesce($locality, '') = ''
                 OR $locality IN l.within OR $locality_key IN l.within_keys) }
WITH p, pos, h, coalesce(h.start, h.first_seen) AS s, coalesce(h.end, h.last_seen) AS e,
     CASE WHEN h.end IS NULL THEN coalesce(h.end_by, '') ELSE '' END AS eb,
     coalesce($date, '') AS d
WHERE d = '' OR ((s IS NULL OR left(d, size(s)) >= left(s, size(d)))
                 AND (e IS NULL OR left(d, size(e)) <= left(e, size(d)))
                 AND (eb = '' OR left(d, size(eb)) < left(eb, size(d))))
RETURN p.id AS person, p.name AS person_name, pos.name AS post,
       COLLECT { MATCH (pos)-[:IN_UNIT]->(u) WHERE u.name IS NOT NULL
                 RETURN u.name ORDER BY u.name LIMIT 1 }[0] AS unit_name,
       s AS start, e AS `end`
ORDER BY unit_name, start, person
