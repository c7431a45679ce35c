// query: succession
// about: The holders of a post (or of each post of a unit) in order, with gaps and overlaps.
// params: post, unit
// columns: post, start, end, person, person_name, gap, sources
// lists: sources
// `gap`: the row's start against the latest end of the post's other holders who started
// before it: "gap", "overlap", "adjacent" (equal at the coarser precision), null if none.
MATCH (p:Person)-[h:HOLDS]->(pos:Position)
WHERE p.name IS NOT NULL AND pos.name IS NOT NULL
  AND (coalesce($post, '') = '' OR pos.id = $post OR pos.key = $post_key)
  AND (coalesce($unit, '') = '' OR EXISTS {
    MATCH (pos)-[:IN_UNIT]->(u) WHERE u.id = $unit OR u.key = $unit_key })
WITH p, pos, h, coalesce(h.start, h.first_seen) AS s, coalesce(h.end, h.last_seen) AS e
CALL (p, pos, s) {
  OPTIONAL MATCH (q:Person)-[k:HOLDS]->(pos)
  WHERE q <> p AND coalesce(k.start, k.first_seen) < s
  RETURN max(coalesce(k.end, k.last_seen)) AS pe
}
RETURN pos.name AS post, s AS start, e AS `end`, p.id AS person, p.name AS person_name,
       CASE WHEN pe IS NULL OR s IS NULL THEN null
            WHEN left(pe, size(s)) < left(s, size(pe)) THEN 'gap'
            WHEN left(pe, size(s)) > left(s, size(pe)) THEN 'overlap'
            ELSE 'adjacent' END AS gap,
       [x IN h.sources | 'article/' + x] AS sources
ORDER BY post, start, person
