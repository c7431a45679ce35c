// check: tenure-reversed (checks/shapes.ttl says the same in SHACL)
// A stated end certainly before the stated start (compared at their precision). The store
// keeps the tenure the articles state together: the earliest start, the latest end.
MATCH (p:Person)-[h:HOLDS|HAS_RANK]->(o)
WHERE h.start IS NOT NULL AND h.end IS NOT NULL AND h.start > h.end + '~'
RETURN DISTINCT p.id AS a_subject, type(h) AS a_relation, o.id AS a_object,
       h.start_source AS a_article, p.id AS b_subject, type(h) AS b_relation,
       o.id AS b_object, h.end_source AS b_article, null AS value
