// query: graph-digest
// about: The digest of the fragment loaded for each article (its VnkgLoad record): what
// `vnkg build` compares to leave an unchanged article alone. The large graph page's answer
// is kept on disk under a digest of these rows (web.graph), the same on every restart while
// the store holds the same thing.
// params:
// columns: article, digest
MATCH (l:VnkgLoad)
RETURN l.article AS article, l.digest AS digest
