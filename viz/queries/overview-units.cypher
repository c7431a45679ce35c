// query: overview-units
// about: The units with the most posts held in them (at most 150; ties broken by the unit's id), each with the province its place is in (the place itself, or one of those it is `within`, that is in no other).
// columns: unit, name, province, holders
MATCH (holder)-[:HOLDS]->()-[:IN_UNIT]->(u)
WITH u, count(DISTINCT holder) AS holders
ORDER BY holders DESC, u.id LIMIT 150
OPTIONAL MATCH (u)-[:LOCATED_IN]->(l)
UNWIND CASE WHEN l IS NULL THEN [null] ELSE coalesce(l.within, []) + [l.id] END AS pid
OPTIONAL MATCH (p:Locality {id: pid}) WHERE NOT EXISTS { (p)-[:PART_OF]->(:Locality) }
RETURN u.id AS unit, u.name AS name, min(p.id) AS province, holders
ORDER BY holders DESC, unit
