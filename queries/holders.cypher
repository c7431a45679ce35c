// query: holders
// about: Who held a post (or a post of a unit) on a date: stated bounds win, observed ones fill in.
// params: post, unit, date
// columns: person, person_name, post, start, end, sources
// lists: sources
// start/end: the stated bound on the HOLDS relationship, else first_seen/last_seen; a date
// D is inside when start <= D <= end and D < end_by (an undated end), compared at the
// coarser precision of the two: left(D, size(x)) against left(x, size(D)).
MATCH (p:Person)-[h:HOLDS]->(pos:Position)
WHERE p.name IS NOT NULL AND pos.name IS NOT NULL
  AND (coalesce($post, '') = '' OR pos.id = $post OR pos.key = $post_key)
  AND (coalesce($unit, '') = '' OR EXISTS {
    MATCH (pos)-[:IN_UNIT]->(u) WHERE u.id = $unit OR u.key = $unit_key })
WITH p, pos, h, coalesce(h.start, h.first_seen) AS s, coalesce(h.end, h.last_seen) AS e,
     CASE WHEN h.end IS NULL THEN coalesce(h.end_by, '') ELSE '' END AS eb,
     coalesce($date, '') AS d
WHERE d = '' OR ((s IS NULL OR left(d, size(s)) >= left(s, size(d)))
                 AND (e IS NULL OR left(d, size(e)) <= left(e, size(d)))
                 AND (eb = '' OR left(d, size(eb)) < left(eb, size(d))))
RETURN p.id AS person, p.name AS person_name, pos.name AS post, s AS start, e AS `end`,
       [x IN h.sources | 'article/' + x] AS sources
ORDER BY start, person
