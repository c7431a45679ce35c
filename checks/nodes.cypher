// The names and dates of the nodes a finding names (articles: their title and the date the
// graph gives them, as first_seen uses).
UNWIND $ids AS id
MATCH (n {id: id})
RETURN n.id AS id, n.name AS name, n.title AS title, n.date AS date,
       COLLECT { MATCH (l:VnkgLoad) WHERE 'article/' + l.article = n.id
                 RETURN l.seen_date }[0] AS dated
