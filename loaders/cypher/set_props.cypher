// Set the properties of one label's nodes, recomputed by the loader (a null removes one).
// __LABEL__ is replaced by the loader from graph.model.LABELS; every value is a parameter.
UNWIND $rows AS row
MATCH (n:__LABEL__ {id: row.id})
SET n += row.props
