// The loaded articles and their dates (for read_graph).
MATCH (l:VnkgLoad)
RETURN l.article AS article, l.seen_date AS seen_date
