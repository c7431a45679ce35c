// Forget that $articles were loaded (after their statements were removed).
UNWIND $articles AS article
MATCH (l:VnkgLoad {article: article})
DELETE l
