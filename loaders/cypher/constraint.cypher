// One uniqueness constraint per label: `id` for each label of graph.model.LABELS, `article`
// for the loader's own VnkgLoad records. __NAME__, __LABEL__ and __KEY__ are replaced by the
// loader from those fixed names, never from data. The variable is the constraint's name, so
// that neo4j-admin's import (--schema), which reads them all as one text, accepts them.
CREATE CONSTRAINT __NAME__ IF NOT EXISTS FOR (__NAME__:__LABEL__) REQUIRE __NAME__.__KEY__ IS UNIQUE
