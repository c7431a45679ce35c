/* vnkg explorer: the large graph in WebGL (sigma.js v4 + graphology, vendored, no request off
   this server). Data from /api/graph in columns (web/biggraph.py): ids, names, kind, province,
   dates, x, y per node; edges flat as source, target, relation index.
   sigma is made over an empty graph as soon as the page is loaded, while the data is on
   its way (a server just started may still be reading the graph), with the page's own
   layer (graph-layer.js, graph-gl.js), which draws every node and edge in sigma's canvas:
   sigma's own programs take seconds a frame at 100,000 nodes in software WebGL. The first
   frame is drawn by this page itself on a plain canvas over sigma's: every node, as a dot
   of its kind's colour at the very place sigma draws it (the graph's extent fitted to the
   box as sigma's camera first shows it), no name, no edge. Right after that frame is
   shown, the whole graph is built in slices that leave the filters answering, then given
   to the layer once the filters have been left alone for QUIET_MS, and the canvas goes
   once the layer has drawn (its edges follow in a few frames). Filters hide nodes and
   their edges (on the first frame's canvas while it is shown, then in the layer); names
   are drawn by sigma on the canvas or set with textContent, never HTML.
   window.vnkgTimes: ms from navigation to each stage (loaded, answered, parsed, painted:
   the first frame drawn, rendered: on the screen, built: the whole graph made, sigma: drawn
   by sigma, complete: sigma's frame on the screen, edges: every edge shown drawn, filtered:
   the last filter change drawn); window.vnkgRendered: the first frame;
   window.vnkgPlace(i): where the first frame put node i; window.vnkgPainted: the nodes
   it drew; window.vnkgShown: nodes shown,
   set once the whole graph is in. */
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

  /* A checkbox per kind, with a swatch of the kind's colour: the legend of the drawing
     (the colour set through the CSSOM, which the page's style-src 'self' allows). */
  function kindBoxes(kinds, colors) {
    var set = document.getElementById("kinds");
    kinds.forEach(function (k, i) {
      var label = document.createElement("label"), input = document.createElement("input");
      var swatch = document.createElement("span");
      input.type = "checkbox";
      input.checked = true;
      input.value = k;
      swatch.className = "swatch";
      swatch.style.backgroundColor = colors[i];
      label.appendChild(input);
      label.appendChild(swatch);
      label.appendChild(document.createTextNode(k));
      set.appendChild(label);
    });
  }

  /* Node i's attributes as sigma reads them. */
  function nodeAttributes(data, i) {
    var kind = data.kinds[data.kind[i]], p = data.province[i];
    return { x: data.x[i], y: data.y[i], size: kind === "Locality" ? 2 : 3,
      color: data.colors[data.kind[i]], kind: kind,
      province: p >= 0 ? data.provinces[p] : "", date: data.dates[i] || "",
      label: data.names[i] };
  }

  var SLICE = 10000;  // nodes or edges added between two turns of the event loop

  /* The graphology graph built in slices (nodes, then edges), each slice a task of its own
     so that the filters keep answering on the first frame meanwhile (100,000 nodes and
     95,000 edges: about 1 s of work in one go); `done(graph)` once it is whole. */
  function buildInSlices(data, done) {
    var graph = emptyGraph(), n = data.ids.length, e = data.edges, at = 0;
    function step() {
      try {
        var stop = Math.min(at + SLICE, n + e.length / 3);
        for (; at < stop; at++) {
          if (at < n) {
            graph.addNode(data.ids[at], nodeAttributes(data, at));
          } else {
            var j = (at - n) * 3;
            graph.addEdge(data.ids[e[j]], data.ids[e[j + 1]],
              { kind: data.relations[e[j + 2]], size: 0.5, color: "#c8ccd0" });
          }
        }
      } catch (err) {
        failed(err);
        return;
      }
      if (at < n + e.length / 3) { setTimeout(step, 0); } else { done(graph); }
    }
    step();
  }

  function emptyGraph() {
    return new graphology.Graph({ multi: true, type: "directed" });
  }

  /* sigma over an empty graph with the page's own layer (graph-layer.js: every node and
     edge, which sigma's own programs draw far too slowly without a GPU), made while the
     graph is on its way: making its WebGL programs takes a few hundred ms in a fresh page.
     A click on the stage opens the page of the shown node under it (`view()`: the page's
     view, once the graph is in). */
  function emptyRenderer(view) {
    var renderer = new Sigma(emptyGraph(), box, { settings: {
      labelRenderedSizeThreshold: 8, renderEdgeLabels: false } });
    var layer = vnkgLayer(renderer, function (i) { return nodeAttributes(view().data, i); },
      function () { mark("edges"); });
    function open(id) { location.href = "/" + id.split("/").map(encodeURIComponent).join("/"); }
    renderer.on("clickStage", function (ev) {
      var v = view(), i = v && v.graph ? layer.nodeAt(ev.event.x, ev.event.y) : -1;
      if (i >= 0) { open(v.data.ids[i]); }
    });
    renderer.on("clickNode", function (ev) { open(ev.node); });
    return { sigma: renderer, layer: layer };
  }

  /* Where sigma first shows each node, in CSS pixels of sigma's stage (the box with its
     border, as sigma measures it): the graph's extent centred and fitted inside the stage
     less sigma's padding on each side; y grows upwards in the graph, downwards on the
     screen. */
  function placer(data, width, height, padding) {
    var minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (var i = 0; i < data.x.length; i++) {
      minX = Math.min(minX, data.x[i]); maxX = Math.max(maxX, data.x[i]);
      minY = Math.min(minY, data.y[i]); maxY = Math.max(maxY, data.y[i]);
    }
    var scale = Math.min((width - 2 * padding) / (maxX - minX || 1),
                         (height - 2 * padding) / (maxY - minY || 1));
    var cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
    return function (j) {
      return [width / 2 + (data.x[j] - cx) * scale, height / 2 - (data.y[j] - cy) * scale];
    };
  }

  /* The first frame's canvas over sigma's, drawn with the nodes `keep` keeps. */
  function quickFrame(data, renderer) {
    var canvas = document.createElement("canvas"), ratio = window.devicePixelRatio || 1;
    var width = box.offsetWidth, height = box.offsetHeight;  // sigma's stage
    canvas.className = "first-frame";
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = width + "px";
    canvas.style.height = height + "px";
    box.appendChild(canvas);
    var place = placer(data, width, height, renderer.getSetting("stagePadding") || 0);
    window.vnkgPlace = place;
    return { canvas: canvas, draw: function (keep) {
      var ctx = canvas.getContext("2d");
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, width, height);
      var painted = 0;
      for (var k = 0; k < data.kinds.length; k++) {  // one fill colour per kind
        var r = data.kinds[k] === "Locality" ? 2 : 3;
        ctx.fillStyle = data.colors[k];
        for (var i = 0; i < data.ids.length; i++) {
          if (data.kind[i] !== k || !keep(i)) { continue; }
          var at = place(i);
          ctx.fillRect(at[0] - r / 2, at[1] - r / 2, r, r);
          painted += 1;
        }
      }
      window.vnkgPainted = painted;
      return painted;
    } };
  }

  /* Whether node i passes the filters' values now. */
  function keeper(data) {
    var kinds = {};
    document.querySelectorAll("#kinds input").forEach(function (b) { kinds[b.value] = b.checked; });
    var prov = document.getElementById("province").value;
    var from = document.getElementById("from").value.trim();
    var to = document.getElementById("to").value.trim();
    return function (i) {
      var d = data.dates[i] || "", p = data.province[i];
      return kinds[data.kinds[data.kind[i]]] !== false &&
        (!prov || (p >= 0 && data.provinces[p] === prov)) &&
        (!from || (d && d.slice(0, from.length) >= from)) &&
        (!to || (d && d.slice(0, to.length) <= to));
    };
  }

  function filter(view) {
    var keep = keeper(view.data);
    if (!view.graph) {  // sigma is not drawing yet: the first frame is
      document.getElementById("shown").textContent = String(view.quick.draw(keep));
      view.filtered = true;
      view.changed = mark("filtered");
      return;
    }
    var shown = view.layer.show(keep);  // drawn before it returns
    document.getElementById("shown").textContent = String(shown);
    window.vnkgShown = shown;
    mark("filtered");
  }

  // no filter change (nor first frame) for this long before sigma: the handover is a task
  // of 0.1 to 0.4 s at 100,000 nodes (the layer's buffers and first frame)
  var QUIET_MS = 300;

  /* The handover to sigma starts only once the first frame has been shown and the filters
     left alone for QUIET_MS, so that a filter change in the meantime is answered at once
     on the first frame (the cost: sigma comes up to QUIET_MS later). */
  function whenQuiet(view, then) {
    var wait = view.changed + QUIET_MS - performance.now();
    if (wait > 0) {
      setTimeout(function () { whenQuiet(view, then); }, wait);
    } else {
      then();
    }
  }

  /* The whole graph given to sigma's layer, the filters as they are applied, the first
     frame's canvas gone once sigma's frame is on the screen. */
  function complete(view, graph) {
    try {
      view.layer.setGraph(view.data);  // drawn before it returns
      view.graph = graph;
      if (view.filtered) {
        filter(view);  // as the first frame was filtered
      } else {
        document.getElementById("shown").textContent = String(graph.order);
        window.vnkgShown = graph.order;
      }
      mark("sigma");
    } catch (err) {
      failed(err);
      return;
    }
    requestAnimationFrame(function () {
      view.quick.canvas.remove();
      mark("complete");
      window.vnkgGraph = view.graph;
      document.getElementById("total").textContent = String(view.graph.order);
      window.vnkgReady = true;
    });
  }

  function failed(err) {
    document.getElementById("shown").textContent = "the graph could not be drawn (" + err.message + ")";
    window.vnkgReady = true;
  }

  /* ForceAtlas2 over the whole graph; the layer's places follow. */
  function layout(view) {
    if (!view.graph) { return; }
    var n = view.graph.order, data = view.data, i = 0;
    forceAtlas2.assign(view.graph, { iterations: n > 5000 ? 20 : 100,
      settings: forceAtlas2.inferSettings(view.graph) });
    view.graph.forEachNode(function (id, a) {  // in the order the nodes were added: data's
      data.x[i] = a.x;
      data.y[i] = a.y;
      i += 1;
    });
    view.layer.place();
  }

  /* A store past the server's limit (vnkg.web.WHOLE_GRAPH) is answered by its aggregate:
     the page says so, and how many nodes the store holds. */
  function aggregateNote(aggregate) {
    document.getElementById("scope").textContent = "WebGL · the store's aggregate";
    var note = document.getElementById("aggregate");
    note.textContent = "The store holds " + aggregate.nodes.toLocaleString("en") +
      " nodes, more than this page draws at once. Shown: " + aggregate.title +
      " (the provinces meetings were held in, the units with most posts held, the most " +
      "connected officials). Search for a name to open its page and go further.";
    note.hidden = false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    mark("loaded");
    var asked = fetch(box.getAttribute("data-src")), made = null, view = null;
    try {
      made = emptyRenderer(function () { return view; });  // while the server answers
    } catch (err) {
      failed(err);
      return;
    }
    var renderer = made.sigma;
    window.vnkgSigma = renderer;
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
        kindBoxes(data.kinds, data.colors);
        view = { data: data, renderer: renderer, layer: made.layer, graph: null,
          filtered: false, changed: 0, quick: quickFrame(data, renderer) };
        document.getElementById("shown").textContent = String(view.quick.draw(keeper(data)));
        document.getElementById("total").textContent = String(data.ids.length);
        if (data.aggregate) { aggregateNote(data.aggregate); }
        view.changed = mark("painted");  // the first frame counts as a change
        document.getElementById("filters").addEventListener("change", function () { filter(view); });
        document.getElementById("layout").addEventListener("click", function () { layout(view); });
        requestAnimationFrame(function () {  // the frame drawn is now on the screen
          window.vnkgRendered = mark("rendered");
          buildInSlices(data, function (graph) {
            mark("built");
            whenQuiet(view, function () { complete(view, graph); });
          });
        });
      })
      .catch(failed);
  });
}());
