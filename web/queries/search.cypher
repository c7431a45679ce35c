// query: search
// about: The searchable nodes (people, units, localities, decrees, meetings) and their keys.
// params:
// columns: id, label, name, key, hint
MATCH (n)
WHERE (n:Person OR n:Unit OR n:Locality OR n:Decree OR n:Meeting) AND n.key IS NOT NULL
RETURN n.id AS id, [l IN labels(n) WHERE l IN ['Person', 'Unit', 'Locality', 'Decree',
       'Meeting']][0] AS label, n.name AS name, n.key AS key,
       CASE WHEN n:Person THEN n.anchor WHEN n:Meeting THEN n.date
            WHEN n:Decree THEN n.title
            WHEN n:Locality THEN coalesce(n.type + ' · ', '') + n.province
                                 + coalesce(' · map ' + n.structure, '') END AS hint
