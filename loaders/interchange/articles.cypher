// query: articles
// about: Every article: its title, address, publication date and outlet.
// columns: article, title, url, published, outlet
MATCH (a:Article)
WHERE a.id <> 'article/reference'
RETURN a.id AS article, a.title AS title, a.url AS url, a.published AS published,
       a.outlet AS outlet
