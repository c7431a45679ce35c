// query: qualifiers
// about: The qualifiers of the relations touching a node (khai mạc, chỉ đạo, tham luận...).
// params: id
// columns: other, rel, qualifiers
// lists: qualifiers
MATCH (n)-[r]-(o)
WHERE n.id = $id AND o.id IS NOT NULL AND size(coalesce(r.qualifiers, [])) > 0
RETURN o.id AS other, type(r) AS rel, r.qualifiers AS qualifiers
