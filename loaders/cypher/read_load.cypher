// One loaded article and its date (for read_fragment).
MATCH (l:VnkgLoad {article: $article})
RETURN l.article AS article, l.seen_date AS seen_date
