// The relations a finding rests on: their evidence and the tenure bounds they state.
UNWIND $obs AS o
MATCH (s {id: o[0]})-[r]->(t {id: o[2]})
WHERE type(r) = o[1]
RETURN o[0] AS s, o[1] AS rel, o[2] AS t, r.evidence AS evidence, r.start AS start,
       r.end AS end, r.start_source AS start_source, r.end_source AS end_source,
       r.start_surface AS start_surface, r.end_surface AS end_surface
