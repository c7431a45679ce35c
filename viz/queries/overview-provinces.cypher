// query: overview-provinces
// about: The provinces the meetings were held in (a place, or the top of the places it is within: a place's `within` holds the ids of the places it is in, the top is in none), with how many meetings each; an id `within` names that no node has counts under no province, as in the RDF twin.
// columns: province, name, meetings
MATCH (m)-[:HELD_IN]->(l)
WITH l, collect(DISTINCT m) AS held
UNWIND coalesce(l.within, []) + CASE WHEN l:Locality THEN [l.id] ELSE [] END AS pid
OPTIONAL MATCH (p:Locality {id: pid})
WITH pid, p, held WHERE p IS NULL OR NOT EXISTS { (p)-[:PART_OF]->(:Locality) }
UNWIND held AS m
WITH pid, p, count(DISTINCT m) AS meetings
WITH CASE WHEN p IS NULL THEN null ELSE pid END AS province, p.name AS pname, meetings
RETURN province, min(pname) AS name, meetings
ORDER BY meetings DESC, province
