// The loader's record of each loaded fragment: its article, date (Fragment.published, from
// which first_seen/last_seen are recomputed when an article is removed) and digest.
// CYPHER replan=skip: see merge_nodes.
CYPHER replan=skip
UNWIND $rows AS row
MERGE (l:VnkgLoad {article: row.article})
SET l.seen_date = row.seen_date, l.digest = row.digest
