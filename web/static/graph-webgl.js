/* vnkg explorer: the large graph in WebGL (sigma.js + graphology, vendored, no request off
   this server). Data from /api/graph: nodes {id, label, kind, province, date, x, y, color},
   edges [source index, target index, kind]. Filters hide nodes (sigma draws no edge of a
   hidden node); names are drawn by sigma on the canvas or set with textContent, never HTML.
   window.vnkgRendered: ms from navigation to the first frame; window.vnkgShown: nodes shown. */
(function () {
  "use strict";
  var box = document.getElementById("sigma");
  if (!box) { return; }

  function option(parent, value, text) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    parent.appendChild(o);
  }

  function kindBoxes(kinds) {
    var set = document.getElementById("kinds");
    kinds.forEach(function (k) {
      var label = document.createElement("label"), box = document.createElement("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = k;
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + k));
      set.appendChild(label);
    });
  }

  function draw(data) {
    window.vnkgTimes.parsed = performance.now();
    var graph = new graphology.Graph({ multi: true, type: "directed" });
    var ids = data.nodes.map(function (n) { return n.id; });
    data.nodes.forEach(function (n) {
      graph.addNode(n.id, { x: n.x, y: n.y, size: n.kind === "Locality" ? 2 : 3,
        label: n.label, color: n.color, kind: n.kind, province: n.province || "",
        date: n.date || "", hidden: false });
    });
    data.edges.forEach(function (e) {
      graph.addDirectedEdge(ids[e[0]], ids[e[1]], { kind: e[2], size: 0.5, color: "#c8ccd0" });
    });
    var prov = document.getElementById("province");
    data.provinces.forEach(function (p) { option(prov, p, p); });
    kindBoxes(data.kinds);
    document.getElementById("total").textContent = String(graph.order);
    var first = true;
    window.vnkgTimes.built = performance.now();
    var renderer = new Sigma(graph, box, { labelRenderedSizeThreshold: 8,
      hideEdgesOnMove: graph.size > 20000 });
    window.vnkgTimes.sigma = performance.now();
    renderer.on("afterRender", function () {
      if (first) {
        first = false;
        window.vnkgRendered = performance.now();
      }
    });
    renderer.on("clickNode", function (ev) {
      location.href = "/" + ev.node.split("/").map(encodeURIComponent).join("/");
    });
    window.vnkgSigma = renderer;
    window.vnkgGraph = graph;
    return { graph: graph, renderer: renderer };
  }

  function filter(view) {
    var kinds = {};
    document.querySelectorAll("#kinds input").forEach(function (b) { kinds[b.value] = b.checked; });
    var prov = document.getElementById("province").value;
    var from = document.getElementById("from").value.trim();
    var to = document.getElementById("to").value.trim();
    var shown = 0;
    view.graph.forEachNode(function (id, a) {
      var d = a.date, keep = kinds[a.kind] !== false && (!prov || a.province === prov) &&
        (!from || (d && d.slice(0, from.length) >= from)) &&
        (!to || (d && d.slice(0, to.length) <= to));
      view.graph.setNodeAttribute(id, "hidden", !keep);
      if (keep) { shown += 1; }
    });
    document.getElementById("shown").textContent = String(shown);
    window.vnkgShown = shown;
    view.renderer.refresh();
  }

  function layout(view) {
    var n = view.graph.order;
    forceAtlas2.assign(view.graph, { iterations: n > 5000 ? 20 : 100,
      settings: forceAtlas2.inferSettings(view.graph) });
    view.renderer.refresh();
  }

  window.vnkgTimes = {};
  document.addEventListener("DOMContentLoaded", function () {
    window.vnkgTimes.loaded = performance.now();
    fetch(box.getAttribute("data-src"))
      .then(function (r) { window.vnkgTimes.answered = performance.now(); if (!r.ok) { throw new Error("graph: " + r.status); } return r.json(); })
      .then(function (data) {
        var view = draw(data);
        filter(view);
        document.getElementById("filters").addEventListener("change", function () { filter(view); });
        document.getElementById("layout").addEventListener("click", function () { layout(view); });
        window.vnkgReady = true;
      })
      .catch(function (err) {
        document.getElementById("shown").textContent = "the graph could not be read (" + err.message + ")";
        window.vnkgReady = true;
      });
  });
}());
