// The names and dates of the nodes a finding names (articles: their date and title).
UNWIND $ids AS id
MATCH (n {id: id})
RETURN n.id AS id, n.name AS name, n.title AS title, n.published AS published, n.date AS date
