// Opens graph files with a JavaScript reader and prints, per file, one JSON line: the file,
// the nodes and edges the reader holds, the node labels and the count of each edge type.
//   graphology: graphology-gexf, graphology-graphml, or the node-link JSON added to a multi
//               graph (`nodes` and `links`, as a graphology user would);
//   d3:         the node-link JSON in d3-force's forceLink, which resolves each link's
//               `source` and `target` to a node by `id` (it throws on one it cannot find).
//
//   node tools/graphfiles/read.mjs graphology a.gexf b.graphml c.json
//   node tools/graphfiles/read.mjs d3 c.json
// (fetch.sh installs the packages into tools/graphfiles/node_modules)
import {readFileSync} from 'node:fs';
import {forceLink, forceSimulation} from 'd3-force';
import Graph from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';

function fromNodeLink(data) {
  const graph = new Graph({multi: true, type: data.directed ? 'directed' : 'mixed'});
  for (const {id, ...attributes} of data.nodes) graph.addNode(id, attributes);
  for (const {source, target, key, ...attributes} of data.links) {
    graph.addEdgeWithKey(key, source, target, attributes);
  }
  return graph;
}

function graphology(path, text) {
  let graph;
  if (path.endsWith('.gexf')) graph = gexf.parse(Graph, text);
  else if (path.endsWith('.graphml')) graph = graphml.parse(Graph, text);
  else graph = fromNodeLink(JSON.parse(text));
  const kinds = {};
  graph.forEachEdge((edge, attributes) => {
    const kind = attributes.type ?? attributes.kind ?? attributes.label ?? '';
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  });
  return {nodes: graph.order, edges: graph.size,
          labels: graph.mapNodes((node, attributes) => attributes.label), kinds};
}

function d3(path, text) {
  const {nodes, links} = JSON.parse(text);
  const simulation = forceSimulation(nodes).force('link', forceLink(links).id((d) => d.id));
  simulation.stop().tick(1);
  const kinds = {};
  let resolved = 0;
  for (const link of links) {
    if (typeof link.source === 'object' && typeof link.target === 'object') resolved += 1;
    kinds[link.type] = (kinds[link.type] ?? 0) + 1;
  }
  return {nodes: nodes.length, edges: resolved, labels: nodes.map((node) => node.label), kinds};
}

const readers = {graphology, d3};
const [reader, ...paths] = process.argv.slice(2);
if (!readers[reader]) throw new Error(`unknown reader ${reader}: one of ${Object.keys(readers)}`);
for (const path of paths) {
  console.log(JSON.stringify({file: path, ...readers[reader](path, readFileSync(path, 'utf8'))}));
}
