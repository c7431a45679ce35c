// query: sources
// about: Says who? The articles behind a node, with the evidence sentences they give for it.
// params: id
// columns: article, url, title, published, evidence
// `evidence` is the smallest text among the article's evidence for the relationships that
// touch the node; the loader stores each as JSON {"article", "start", "end", "text"}, so the
// text is the part after "text": " without the closing "}, JSON escapes undone. The article
// an evidence string names is decoded the same way (the part before `", "start": `, which an
// escaped string cannot hold) and compared with the node's source as a value, so an article
// id holding `"` or `\` matches its evidence.
MATCH (n)
WHERE n.id IS NOT NULL AND NOT n:VnkgLoad
  AND (coalesce($id, '') = '' OR n.id = $id OR n.key = $id_key)
UNWIND n.sources AS s
MATCH (a:Article {id: 'article/' + s})
OPTIONAL MATCH (n)-[r]-()
WHERE s IN r.sources
UNWIND CASE WHEN r IS NULL OR size(coalesce(r.evidence, [])) = 0 THEN [null]
            ELSE r.evidence END AS e
WITH a, s, e, [x IN [substring(split(e, '", "start": ')[0], 13), split(e, '"text": "')[1]] |
             replace(replace(replace(replace(replace(replace(x,
               '\\\\', '\u0000'), '\\"', '"'), '\\n', '\n'), '\\t', '\t'), '\\r', '\r'),
               '\u0000', '\\')] AS decoded
WITH a, CASE WHEN e IS NOT NULL AND decoded[0] = s
             THEN left(decoded[1], size(decoded[1]) - 2) END AS text
RETURN a.id AS article, a.url AS url, a.title AS title, a.published AS published,
       min(text) AS evidence
ORDER BY published, article
