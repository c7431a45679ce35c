// The ids of the loaded articles.
MATCH (l:VnkgLoad)
RETURN l.article AS article ORDER BY article
