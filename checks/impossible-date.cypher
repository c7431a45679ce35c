// check: impossible-date (checks/shapes.ttl says the same in SHACL)
// A stated date the text gives but that cannot exist ("31/2", "năm 22024"): the relation
// keeps its surface and the problem.
MATCH (p:Person)-[h:HOLDS|HAS_RANK]->(o)
UNWIND [[h.start_problem, h.start_source], [h.end_problem, h.end_source]] AS bound
WITH p, h, o, bound
WHERE bound[0] IS NOT NULL
RETURN DISTINCT p.id AS a_subject, type(h) AS a_relation, o.id AS a_object,
       coalesce(bound[1], h.sources[0]) AS a_article, null AS b_subject, null AS b_relation,
       null AS b_object, null AS b_article, bound[0] AS value
