// Which of $articles are loaded already, and the digest of the fragment loaded for each.
// CYPHER replan=skip: see merge_nodes.
CYPHER replan=skip
UNWIND $articles AS article
MATCH (l:VnkgLoad {article: article})
RETURN l.article AS article, l.digest AS digest
