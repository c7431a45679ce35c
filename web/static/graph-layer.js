/* vnkg explorer: the large graph's nodes and edges as one WebGL layer inside sigma
   (sigma's custom layer programs; drawn by graph-gl.js with plain draw calls): every shown
   node a dot of its kind's colour, every shown edge a 1-pixel line.
   Why not sigma's own programs: sigma 4 draws each node and each edge as an instance of
   an instanced draw, twice for nodes (the screen and its picking buffer) and once more for
   the edges' frame pass; in software WebGL (SwiftShader: no GPU) every instance costs tens
   of microseconds, so one frame of 100,020 nodes and 95,000 edges kept the page blocked
   11 to 12 s (2.5 to 2.8 s at 20,020), and every redraw (a filter change) as long again. sigma
   keeps the camera (pan, zoom), the mouse and the node's placement (its normalisation of
   the graph's extent, set with setCustomBBox); a click is found here, on the nearest node
   shown. Names: once the camera rests on a view of at most NAMED shown nodes, sigma's own
   graph is made of those (a few hundred instances: quick), so sigma draws their names and
   circles over the dots and answers the mouse over them as it does for any graph.
   window.vnkgLayer(renderer, attributes, edgesDrawn) -> the layer: setGraph(data),
   show(keep), place(), nodeAt(x, y). */
(function () {
  "use strict";

  var CLICK_PX = 6;  // how far from a node's centre a click still opens it
  var ANCHOR = "vnkg-layer";
  var NAMED = 500;  // at most this many shown nodes in view: sigma draws them, with names
  var REST_MS = 150;  // the camera still for this long: the named nodes follow the view
  var MOVING_MS = 100;  // while the camera moves, whether it still does is seen this often

  /* Indexes of the shown nodes inside the framed-graph box [x0, x1] x [y0, y1], or null
     past NAMED of them. */
  function inside(state, x0, x1, y0, y1) {
    var pos = state.positions, found = [];
    for (var i = 0; i < state.shown.length; i++) {
      var x = pos[i * 2], y = pos[i * 2 + 1];
      if (state.shown[i] && x >= x0 && x <= x1 && y >= y0 && y <= y1) {
        if (found.length === NAMED) { return null; }
        found.push(i);
      }
    }
    return found;
  }

  /* sigma's graph made of the shown nodes in view (none past NAMED) and the hidden
     anchor: its own node attributes for them, `attributes(i)`. */
  function name(renderer, state, attributes) {
    var w = renderer.getDimensions().width, h = renderer.getDimensions().height;
    var corners = [[0, 0], [w, 0], [0, h], [w, h]].map(function (c) {
      return renderer.viewportToFramedGraph({ x: c[0], y: c[1] });
    });
    var xs = corners.map(function (c) { return c.x; }), ys = corners.map(function (c) { return c.y; });
    var found = state.data ? inside(state, Math.min.apply(null, xs), Math.max.apply(null, xs),
      Math.min.apply(null, ys), Math.max.apply(null, ys)) : null;
    var graph = renderer.getGraph();
    graph.forEachNode(function (id) { if (id !== ANCHOR) { graph.dropNode(id); } });
    (found || []).forEach(function (i) { graph.addNode(state.data.ids[i], attributes(i)); });
  }

  /* Whether sigma's camera is moving (sigma's own test before it hides edges). */
  function moving(renderer) {
    var mouse = renderer.getMouseCaptor();
    return Boolean(renderer.getCamera().isAnimating() || mouse.isMoving ||
      mouse.draggedEvents || mouse.currentWheelDirection);
  }

  function rgba(hex, scale) {
    var v = parseInt(hex.slice(1), 16);
    return [(v >> 16) & 255, (v >> 8) & 255, v & 255, Math.round(255 * scale)];
  }

  /* `renderer`: sigma over an empty graph; `attributes(i)`: node i's attributes for
     sigma, when it draws it; `edgesDrawn()`: called once every edge shown is drawn. */
  window.vnkgLayer = function (renderer, attributes, edgesDrawn) {
    var state = { data: null, positions: new Float32Array(0), colors: new Uint8Array(0),
      points: new Uint32Array(0), lines: new Uint32Array(0), pointCount: 0, lineCount: 0,
      shown: new Uint8Array(0) };
    var parts = null, left = false;
    // sigma draws nothing (its custom layers neither) over a graph of no node: its graph
    // holds this one, hidden (drawn by none, clicked by none)
    renderer.getGraph().addNode(ANCHOR, { x: 0, y: 0, size: 1 });
    renderer.setNodeState(ANCHOR, { isHidden: true });
    renderer.addCustomLayerProgram("vnkg-graph", "nodes", function (gl) {
      parts = vnkgGL.parts(gl, state);
      return { render: function (params) {
        var now = moving(renderer), more = vnkgGL.draw(parts, state, params, now);
        if (more || now) {  // the next frame, after what waits (a click, a filter change)
          setTimeout(function () { renderer.scheduleRender(); }, now ? MOVING_MS : 0);
        } else if (left) {
          edgesDrawn();
        }
        left = left && (more || now);
      }, kill: function () { vnkgGL.kill(parts); } };
    });

    var resting = null;
    function named() { name(renderer, state, attributes); }
    renderer.getCamera().on("updated", function () {
      clearTimeout(resting);
      resting = setTimeout(named, REST_MS);
    });

    var layer = {
      /* The graph's nodes (data's columns) and edges, all shown; sigma's camera framed
         on their extent as if they were its own nodes. */
      setGraph: function (data) {
        var n = data.ids.length, colors = new Uint8Array(n * 4);
        for (var i = 0; i < n; i++) {
          var kind = data.kinds[data.kind[i]];
          colors.set(rgba(data.colors[data.kind[i]], kind === "Locality" ? 2 / 3 : 1), i * 4);
        }
        state.data = data;
        state.colors = colors;
        layer.place();
        layer.show(function () { return true; });
      },
      /* Every node's place from data.x and data.y (again after a layout). */
      place: function () {
        var data = state.data, n = data.ids.length, minX = Infinity, maxX = -Infinity;
        var minY = Infinity, maxY = -Infinity, out = new Float32Array(n * 2);
        for (var i = 0; i < n; i++) {
          minX = Math.min(minX, data.x[i]); maxX = Math.max(maxX, data.x[i]);
          minY = Math.min(minY, data.y[i]); maxY = Math.max(maxY, data.y[i]);
        }
        renderer.setCustomBBox({ x: [minX, maxX], y: [minY, maxY] });
        renderer.refresh();  // sigma's normalisation follows the box
        var normal = renderer.getNormalizationFunction();
        for (i = 0; i < n; i++) {
          var at = normal({ x: data.x[i], y: data.y[i] });
          out[i * 2] = at.x;
          out[i * 2 + 1] = at.y;
        }
        state.positions = out;
        if (parts) { vnkgGL.upload(parts, state); }
        left = true;
        named();
      },
      /* Only the nodes `keep(i)` keeps and the edges between two of them drawn; how many
         nodes that is. */
      show: function (keep) {
        var data = state.data, n = data.ids.length, e = data.edges;
        var shown = new Uint8Array(n), points = new Uint32Array(n), lines = new Uint32Array(e.length / 3 * 2);
        var p = 0, l = 0;
        for (var i = 0; i < n; i++) {
          if (keep(i)) { shown[i] = 1; points[p++] = i; }
        }
        for (var j = 0; j < e.length; j += 3) {
          if (shown[e[j]] && shown[e[j + 1]]) { lines[l++] = e[j]; lines[l++] = e[j + 1]; }
        }
        state.shown = shown;
        state.points = points.subarray(0, p);
        state.lines = lines.subarray(0, l);
        state.pointCount = p;
        state.lineCount = l;
        if (parts) { vnkgGL.upload(parts, state); }
        left = true;
        named();
        renderer.refresh();
        return p;
      },
      /* The shown node nearest the viewport point (x, y), within CLICK_PX; -1 if none. */
      nodeAt: function (x, y) {
        var at = renderer.viewportToFramedGraph({ x: x, y: y });
        var off = renderer.viewportToFramedGraph({ x: x + CLICK_PX, y: y });
        var reach = Math.pow(off.x - at.x, 2) + Math.pow(off.y - at.y, 2), best = -1;
        var pos = state.positions;
        for (var i = 0; i < state.shown.length; i++) {
          if (!state.shown[i]) { continue; }
          var d = Math.pow(pos[i * 2] - at.x, 2) + Math.pow(pos[i * 2 + 1] - at.y, 2);
          if (d <= reach) { reach = d; best = i; }
        }
        return best;
      }
    };
    return layer;
  };
}());
