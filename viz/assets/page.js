// vnkg view page: draws the network from the inlined JSON, with a legend that filters by
// label, a search box, and tooltips. All article text goes into the DOM via textContent.
(function () {
  "use strict";
  var timings = { start: performance.now() };
  var data = JSON.parse(document.getElementById("vnkg-data").textContent);
  timings.parsed = performance.now();
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("vnkg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  timings.built = performance.now();
  window.vnkgTimings = timings;
  var tip = document.getElementById("vnkg-tip");
  var details = document.getElementById("vnkg-details");
  window.vnkgNetwork = network;
  window.vnkgNodes = nodes;
  window.vnkgEdges = edges;
  window.vnkgReady = false;

  function ready() {
    if (window.vnkgReady) { return; }
    if (data.physics) { network.setOptions({ physics: { enabled: false } }); }
    timings.ready = performance.now();
    window.vnkgReady = true;
    document.body.setAttribute("data-ready", "1");
  }
  if (data.physics && data.nodes.length) {
    network.once("stabilizationIterationsDone", ready);
  } else {
    network.once("afterDrawing", ready);
    setTimeout(ready, 0);
  }

  function fold(text) {
    return text.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function build(key) {
    var box = document.createElement("div");
    (data.tips[key] || []).forEach(function (line, i) {
      var row = document.createElement("div");
      row.className = i === 0 ? "vnkg-line vnkg-head" : "vnkg-line";
      if (line[0]) {
        var b = document.createElement("b");
        b.textContent = line[0] + ":";
        row.appendChild(b);
      }
      row.appendChild(document.createTextNode(line[1]));
      box.appendChild(row);
    });
    return box;
  }

  function show(key, params) {
    tip.replaceChildren(build(key));
    tip.hidden = false;
    var rect = container.getBoundingClientRect();
    var dom = (params.pointer && params.pointer.DOM) || { x: 0, y: 0 };
    var x = rect.left + dom.x;
    var y = rect.top + dom.y;
    tip.style.left = Math.min(x + 14, window.innerWidth - 440) + "px";
    tip.style.top = Math.min(y + 14, window.innerHeight - 200) + "px";
  }
  function hide() { tip.hidden = true; }
  network.on("hoverNode", function (p) { show("n:" + p.node, p); });
  network.on("hoverEdge", function (p) { show("e:" + p.edge, p); });
  network.on("blurNode", hide);
  network.on("blurEdge", hide);
  network.on("dragStart", hide);
  network.on("click", function (p) {
    var key = p.nodes.length ? "n:" + p.nodes[0] : (p.edges.length ? "e:" + p.edges[0] : null);
    details.hidden = !key;
    if (key) { details.replaceChildren(build(key)); }
  });

  var legend = document.getElementById("vnkg-legend");
  data.legend.forEach(function (entry) {
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = entry.group;
    var glyph = document.createElement("span");
    glyph.className = "glyph";
    glyph.style.color = entry.color;
    glyph.textContent = entry.glyph;
    var count = document.createElement("span");
    count.className = "count";
    count.textContent = " (" + entry.count + ")";
    label.append(box, glyph, document.createTextNode(" " + entry.caption), count);
    box.addEventListener("change", function () {
      var ids = nodes.getIds({ filter: function (n) { return n.group === entry.group; } });
      nodes.update(ids.map(function (id) { return { id: id, hidden: !box.checked }; }));
    });
    legend.appendChild(label);
  });

  var search = document.getElementById("vnkg-search");
  var found = document.getElementById("vnkg-found");
  function find() {
    var q = fold(search.value);
    if (!q) { network.unselectAll(); found.textContent = ""; return []; }
    var ids = nodes.getIds({ filter: function (n) { return !n.hidden && n.k.indexOf(q) >= 0; } });
    network.selectNodes(ids.slice(0, 500), false);
    found.textContent = ids.length + " kết quả";
    if (ids.length) { network.fit({ nodes: ids.slice(0, 50), animation: false }); }
    return ids;
  }
  var pending = null;
  search.addEventListener("input", function () {
    clearTimeout(pending);
    pending = setTimeout(find, 300);
  });
  search.addEventListener("change", find);
  search.addEventListener("keyup", function (e) { if (e.key === "Enter") { find(); } });
  window.vnkgFind = function (text) { search.value = text; return find(); };
})();
