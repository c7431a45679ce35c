// The evidence of each person's meeting roles: the sentences naming him, shown for a post or
// rank of the same article (the graph keeps no sentence of those).
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN p.id AS s, COLLECT { MATCH (p)-[r:CHAIRED|ATTENDED|SPOKE_AT]->()
                            UNWIND r.evidence AS e RETURN e } AS evidence
