// check: rank-down (checks/shapes.ttl says the same in SHACL)
// A higher rank seen (or stated to start) certainly before a lower one: dates compare at
// their precision (an article's date: the one the graph gives it, as for first_seen), D1 certainly before D2 when D2 > D1 + '~'. $grades: rank name -> grade.
MATCH (p:Person)-[h1:HAS_RANK]->(hi:Rank), (p)-[h2:HAS_RANK]->(lo:Rank)
WHERE $grades[hi.name] > $grades[lo.name]
UNWIND h1.sources AS a1
UNWIND h2.sources AS a2
MATCH (x1:VnkgLoad {article: a1}), (x2:VnkgLoad {article: a2})
WITH p, hi, lo, a1, a2,
     coalesce(CASE WHEN h1.start_source IN [a1, 'article/' + a1] THEN h1.start END,
              x1.seen_date) AS d1,
     coalesce(CASE WHEN h2.start_source IN [a2, 'article/' + a2] THEN h2.start END,
              x2.seen_date) AS d2
WHERE d2 > d1 + '~'
RETURN DISTINCT p.id AS a_subject, 'HAS_RANK' AS a_relation, hi.id AS a_object,
       a1 AS a_article, p.id AS b_subject, 'HAS_RANK' AS b_relation, lo.id AS b_object,
       a2 AS b_article, null AS value
