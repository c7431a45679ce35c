// query: node
// about: One node: its label and each property with its value (one row per value).
// params: id
// columns: label, prop, value
MATCH (n)
WHERE n.id = $id AND NOT n:VnkgLoad
// `stated`: the loader's record of which article said what, not a property of the node
UNWIND [k IN keys(n) WHERE k <> 'stated'] AS prop
UNWIND CASE WHEN n[prop] IS :: LIST<ANY> THEN n[prop] ELSE [n[prop]] END AS value
RETURN labels(n)[0] AS label, prop, value
