// Set the tenure bounds of one relationship type's relationships, recomputed by the loader
// from what the remaining articles state (a null removes one). __SOURCE__, __TARGET__ and
// __TYPE__ come from graph.model.RELATIONS, never from data; every value is a parameter.
UNWIND $rows AS row
MATCH (a:__SOURCE__ {id: row.source})-[r:__TYPE__]->(b:__TARGET__ {id: row.target})
SET r += row.props
