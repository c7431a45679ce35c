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

  // the career timeline of a person view: one row per post or rank, a bar from its start to
  // its end (a dashed side: a bound observed from article dates, not stated by the text)
  function when(date, end) {
    var p = String(date).split("-").map(Number);
    if (p.length === 1) { return p[0] + (end ? 1 : 0); }
    if (p.length === 2) { return p[0] + (p[1] - (end ? 0 : 1)) / 12; }
    return p[0] + (p[1] - 1) / 12 + (p[2] - (end ? 0 : 1)) / 372;
  }
  function timeline(bars) {
    var box = document.getElementById("vnkg-timeline");
    var dated = bars.filter(function (b) { return b.start || b.end; });
    if (!dated.length) { return; }
    var lo = Math.min.apply(null, dated.map(function (b) { return when(b.start || b.end, false); }));
    var hi = Math.max.apply(null, dated.map(function (b) { return when(b.end || b.start, true); }));
    var span = Math.max(hi - lo, 1 / 12);
    var head = document.createElement("h2");
    head.textContent = "Quá trình công tác";
    var axis = document.createElement("div");
    axis.className = "vnkg-axis";
    [lo, hi].forEach(function (v) {
      var s = document.createElement("span");
      s.textContent = String(Math.floor(v === hi ? v - 1e-9 : v));
      axis.appendChild(s);
    });
    box.append(head, axis);
    dated.forEach(function (b) {
      var row = document.createElement("div");
      row.className = "vnkg-row";
      var what = document.createElement("span");
      what.className = "what";
      what.textContent = b.label;
      what.title = b.person + ": " + b.label;
      var track = document.createElement("span");
      track.className = "track";
      var bar = document.createElement("span");
      var s = when(b.start || b.end, false), e = when(b.end || b.start, true);
      bar.className = "vnkg-bar " + b.kind + (b.start_stated ? "" : " observed-start") +
        (b.end_stated ? "" : " observed-end");
      bar.style.left = (100 * (s - lo) / span) + "%";
      bar.style.width = (100 * Math.max(e - s, 0) / span) + "%";
      bar.title = [b.label, (b.start || "?") + " – " + (b.end || "?")].concat(b.notes)
        .concat(["nguồn: " + (b.source_count ? b.source_count + " bài báo"
                                               : b.sources.join(", "))]).join("\n");
      bar.setAttribute("data-sources", b.sources.join(" "));
      track.appendChild(bar);
      var span2 = document.createElement("span");
      span2.className = "when";
      span2.textContent = (b.start || "?") + " – " + (b.end || "?");
      row.append(what, track, span2);
      box.appendChild(row);
    });
    box.hidden = false;
  }
  timeline(data.timeline || []);
})();
