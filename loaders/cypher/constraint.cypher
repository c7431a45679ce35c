// One uniqueness constraint per label: `id` for each label of graph.model.LABELS, `article`
// for the loader's own VnkgLoad records. __NAME__, __LABEL__ and __KEY__ are replaced by the
// loader from those fixed names, never from data.
CREATE CONSTRAINT __NAME__ IF NOT EXISTS FOR (n:__LABEL__) REQUIRE n.__KEY__ IS UNIQUE
