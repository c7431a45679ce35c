/* vnkg explorer: the large graph in WebGL (sigma.js v4 + graphology, vendored, no request off
   this server). Data from /api/graph in columns (web/biggraph.py): ids, names, kind, province,
   dates, x, y per node; edges flat as source, target, relation index.
   sigma is made over an empty graph as soon as the page is loaded, while the data is on
   its way (a server just started may still be reading the graph), and is given the graph
   when it comes. The first frame is made small: the nodes alone, unlabelled (sigma makes
   a glyph atlas of every label and buffers every edge before it draws anything). Right
   after it is shown, the whole graph (names and edges) replaces it. Filters hide nodes
   through sigma's node state (sigma draws no edge of a hidden node); names are drawn by
   sigma on the canvas or set with textContent, never HTML.
   window.vnkgTimes: ms from navigation to each stage (loaded, answered, parsed, built, sigma,
   rendered: the first frame, complete: the whole graph drawn); window.vnkgRendered: the
   first frame; window.vnkgShown: nodes shown, set once the whole graph is in. */
(function () {
  "use strict";
  var box = document.getElementById("sigma");
  if (!box) { return; }
  var times = window.vnkgTimes = {};
  function mark(stage) { times[stage] = performance.now(); return times[stage]; }

  function option(parent, value, text) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    parent.appendChild(o);
  }

  function kindBoxes(kinds) {
    var set = document.getElementById("kinds");
    kinds.forEach(function (k) {
      var label = document.createElement("label"), input = document.createElement("input");
      input.type = "checkbox";
      input.checked = true;
      input.value = k;
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + k));
      set.appendChild(label);
    });
  }

  /* The nodes in graphology's serialized form; names only when `named`. */
  function nodes(data, named) {
    var out = new Array(data.ids.length);
    for (var i = 0; i < data.ids.length; i++) {
      var kind = data.kinds[data.kind[i]], p = data.province[i];
      var a = { x: data.x[i], y: data.y[i], size: kind === "Locality" ? 2 : 3,
        color: data.colors[data.kind[i]], kind: kind,
        province: p >= 0 ? data.provinces[p] : "", date: data.dates[i] || "" };
      if (named) { a.label = data.names[i]; }
      out[i] = { key: data.ids[i], attributes: a };
    }
    return out;
  }

  function edges(data) {
    var e = data.edges, out = new Array(e.length / 3);
    for (var i = 0, j = 0; i < e.length; i += 3, j++) {
      out[j] = { source: data.ids[e[i]], target: data.ids[e[i + 1]],
        attributes: { kind: data.relations[e[i + 2]], size: 0.5, color: "#c8ccd0" } };
    }
    return out;
  }

  function graphOf(nodeList, edgeList) {
    var graph = new graphology.Graph({ multi: true, type: "directed" });
    graph.import({ nodes: nodeList, edges: edgeList });
    return graph;
  }

  /* sigma over an empty graph, made while the graph is on its way: making its WebGL
     programs takes a few hundred ms in a fresh page, as long as drawing 20,000 nodes. */
  function emptyRenderer() {
    var renderer = new Sigma(graphOf([], []), box, { settings: {
      labelRenderedSizeThreshold: 8, hideEdgesOnMove: true, renderEdgeLabels: false } });
    renderer.on("clickNode", function (ev) {
      location.href = "/" + ev.node.split("/").map(encodeURIComponent).join("/");
    });
    return renderer;
  }

  /* The first frame: every node at its place, no name, no edge. */
  function firstFrame(renderer, data, whenShown) {
    var graph = graphOf(nodes(data, false), []);
    mark("built");
    renderer.setGraph(graph);
    mark("sigma");  // sigma draws the frame before setGraph returns
    requestAnimationFrame(function () {  // the frame it drew is now on the screen
      window.vnkgRendered = mark("rendered");
      setTimeout(whenShown, 0);
    });
    return { graph: graph, renderer: renderer };
  }

  /* The whole graph in place of the first frame's, and the filters on. */
  function complete(view, data) {
    try {
      view.graph = graphOf(nodes(data, true), edges(data));
      view.renderer.setGraph(view.graph);  // drawn before it returns, as the first frame was
    } catch (err) {
      failed(err);
      return;
    }
    requestAnimationFrame(function () { mark("complete"); });
    window.vnkgGraph = view.graph;
    document.getElementById("total").textContent = String(view.graph.order);
    document.getElementById("shown").textContent = String(view.graph.order);
    window.vnkgShown = view.graph.order;
    document.getElementById("filters").addEventListener("change", function () { filter(view); });
    document.getElementById("layout").addEventListener("click", function () { layout(view); });
    window.vnkgReady = true;
  }

  function failed(err) {
    document.getElementById("shown").textContent = "the graph could not be drawn (" + err.message + ")";
    window.vnkgReady = true;
  }

  function filter(view) {
    var kinds = {};
    document.querySelectorAll("#kinds input").forEach(function (b) { kinds[b.value] = b.checked; });
    var prov = document.getElementById("province").value;
    var from = document.getElementById("from").value.trim();
    var to = document.getElementById("to").value.trim();
    var shown = [], hidden = [];
    view.graph.forEachNode(function (id, a) {
      var d = a.date, keep = kinds[a.kind] !== false && (!prov || a.province === prov) &&
        (!from || (d && d.slice(0, from.length) >= from)) &&
        (!to || (d && d.slice(0, to.length) <= to));
      (keep ? shown : hidden).push(id);
    });
    view.renderer.setNodesState(shown, { isHidden: false });
    view.renderer.setNodesState(hidden, { isHidden: true });
    document.getElementById("shown").textContent = String(shown.length);
    window.vnkgShown = shown.length;
  }

  function layout(view) {
    var n = view.graph.order;
    forceAtlas2.assign(view.graph, { iterations: n > 5000 ? 20 : 100,
      settings: forceAtlas2.inferSettings(view.graph) });
    view.renderer.refresh();
  }

  document.addEventListener("DOMContentLoaded", function () {
    mark("loaded");
    var asked = fetch(box.getAttribute("data-src")), renderer = null;
    try {
      renderer = emptyRenderer();  // while the server answers
    } catch (err) {
      failed(err);
      return;
    }
    asked
      .then(function (r) {
        mark("answered");
        if (!r.ok) { throw new Error("graph: " + r.status); }
        return r.json();
      })
      .then(function (data) {
        mark("parsed");
        var prov = document.getElementById("province");
        data.provinces.forEach(function (p) { option(prov, p, p); });
        kindBoxes(data.kinds);
        var view = firstFrame(renderer, data, function () { complete(view, data); });
        window.vnkgSigma = view.renderer;
        window.vnkgGraph = view.graph;
      })
      .catch(failed);
  });
}());
