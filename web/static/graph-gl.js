/* vnkg explorer: the WebGL side of the large graph's layer (graph-layer.js): its programs,
   buffers and frame. Plain draw calls, no instancing: every shown node a dot (gl.POINTS),
   every shown edge a 1-pixel line (gl.LINES), from index buffers over one buffer of places.
   The lines are what costs in software WebGL (SwiftShader, no GPU): their pixels, 0.7 to
   1.3 s for 95,000 long edges in a 1400 x 900 window, all drawn in the one task the
   browser then spends reading the frame back. So they are drawn into a texture of their
   own, EDGE_CHUNK edges a frame, and that texture is laid under the dots each frame: the
   view shows every dot at once and every edge a few frames later, each frame a short task;
   the texture is drawn afresh when the camera, the size or the edges shown change; while
   the camera moves, no edge is drawn (as sigma's hideEdgesOnMove).
   window.vnkgGL: parts(gl, state), upload(parts, state), draw(parts, state, params, moving)
   -> true while edges are left to draw, kill(parts). */
(function () {
  "use strict";

  var GRAPH_VERTEX = "#version 300 es\n" +
    "in vec2 a_position; in vec4 a_color;\n" +
    "uniform mat3 u_matrix; uniform float u_pointSize; uniform bool u_edges; out vec4 v_color;\n" +
    "void main() {\n" +
    "  gl_Position = vec4((u_matrix * vec3(a_position, 1.0)).xy, 0.0, 1.0);\n" +
    "  gl_PointSize = u_pointSize * a_color.a;\n" +  // a locality's dot is 2/3 of the others'
    "  v_color = u_edges ? vec4(0.784, 0.8, 0.816, 1.0) : vec4(a_color.rgb, 1.0);\n" +  // #c8ccd0
    "}\n";
  var GRAPH_FRAGMENT = "#version 300 es\nprecision mediump float;\n" +
    "in vec4 v_color; uniform bool u_edges; out vec4 color;\n" +
    "void main() {\n" +
    "  if (!u_edges && length(gl_PointCoord - vec2(0.5)) > 0.5) { discard; }\n" +
    "  color = v_color;\n" +
    "}\n";
  var COPY_VERTEX = "#version 300 es\nin vec2 a_corner; out vec2 v_uv;\n" +
    "void main() { v_uv = a_corner * 0.5 + 0.5; gl_Position = vec4(a_corner, 0.0, 1.0); }\n";
  var COPY_FRAGMENT = "#version 300 es\nprecision mediump float;\n" +
    "in vec2 v_uv; uniform sampler2D u_edges; out vec4 color;\n" +
    "void main() { color = texture(u_edges, v_uv); }\n";
  var DOT = 3;  // CSS pixels across at sigma's first zoom, growing as sigma's nodes do
  var EDGE_CHUNK = 20000;  // edges drawn a frame: a task of about 0.2 s in SwiftShader
  var UNIT = 15;  // the texture unit of the edges' texture: sigma's own use 0 to 7

  function program(gl, vertex, fragment) {
    var p = gl.createProgram();
    [[gl.VERTEX_SHADER, vertex], [gl.FRAGMENT_SHADER, fragment]].forEach(function (s) {
      var one = gl.createShader(s[0]);
      gl.shaderSource(one, s[1]);
      gl.compileShader(one);
      if (!gl.getShaderParameter(one, gl.COMPILE_STATUS)) { throw new Error(gl.getShaderInfoLog(one)); }
      gl.attachShader(p, one);
    });
    gl.linkProgram(p);
    if (!gl.getProgramParameter(p, gl.LINK_STATUS)) { throw new Error(gl.getProgramInfoLog(p)); }
    return p;
  }

  /* A vertex array of `attributes` ([name, buffer, size, type, normalised]) for `p`. */
  function vertexArray(gl, p, attributes) {
    var vao = gl.createVertexArray();
    gl.bindVertexArray(vao);
    attributes.forEach(function (a) {
      var at = gl.getAttribLocation(p, a[0]);
      gl.bindBuffer(gl.ARRAY_BUFFER, a[1]);
      gl.enableVertexAttribArray(at);
      gl.vertexAttribPointer(at, a[2], a[3], a[4], 0, 0);
    });
    gl.bindVertexArray(null);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
    return vao;
  }

  /* The programs and buffers for one WebGL context (sigma makes its layers again when a
     lost context comes back), the state's arrays uploaded. */
  function parts(gl, state) {
    var graph = program(gl, GRAPH_VERTEX, GRAPH_FRAGMENT), copy = program(gl, COPY_VERTEX, COPY_FRAGMENT);
    var made = { gl: gl, graph: graph, copy: copy, position: gl.createBuffer(),
      color: gl.createBuffer(), points: gl.createBuffer(), lines: gl.createBuffer(),
      corners: gl.createBuffer(), texture: null, framebuffer: null, size: "", key: "", drawn: 0,
      uniforms: {} };
    ["u_matrix", "u_pointSize", "u_edges"].forEach(function (u) {
      made.uniforms[u] = gl.getUniformLocation(graph, u);
    });
    made.uniforms.u_copy = gl.getUniformLocation(copy, "u_edges");
    gl.bindBuffer(gl.ARRAY_BUFFER, made.corners);
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
    made.graphArray = vertexArray(gl, graph, [["a_position", made.position, 2, gl.FLOAT, false],
      ["a_color", made.color, 4, gl.UNSIGNED_BYTE, true]]);
    made.copyArray = vertexArray(gl, copy, [["a_corner", made.corners, 2, gl.FLOAT, false]]);
    upload(made, state);
    return made;
  }

  /* The state's arrays into the buffers; the edges' texture to be drawn again. */
  function upload(made, state) {
    var gl = made.gl;
    [[gl.ARRAY_BUFFER, made.position, state.positions],
     [gl.ARRAY_BUFFER, made.color, state.colors],
     [gl.ELEMENT_ARRAY_BUFFER, made.points, state.points],
     [gl.ELEMENT_ARRAY_BUFFER, made.lines, state.lines]].forEach(function (b) {
      gl.bindBuffer(b[0], b[1]);
      gl.bufferData(b[0], b[2], gl.STATIC_DRAW);
    });
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, null);
    made.key = "";
  }

  /* The edges' texture, the size of the drawing buffer (made again when that changes). */
  function edgeTarget(made, width, height) {
    var gl = made.gl, size = width + "x" + height;
    if (made.size === size) { return; }
    if (made.texture) { gl.deleteTexture(made.texture); gl.deleteFramebuffer(made.framebuffer); }
    made.texture = gl.createTexture();
    gl.activeTexture(gl.TEXTURE0 + UNIT);
    gl.bindTexture(gl.TEXTURE_2D, made.texture);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, width, height, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    made.framebuffer = gl.createFramebuffer();
    gl.bindFramebuffer(gl.FRAMEBUFFER, made.framebuffer);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, made.texture, 0);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.activeTexture(gl.TEXTURE0);
    made.size = size;
    made.key = "";
  }

  /* The next EDGE_CHUNK edges into the edges' texture (cleared first when the view
     changed); whether edges are left to draw. */
  function drawEdges(made, state, params, width, height) {
    var gl = made.gl, key = made.size + ":" + Array.prototype.join.call(params.matrix);
    gl.bindFramebuffer(gl.FRAMEBUFFER, made.framebuffer);
    gl.viewport(0, 0, width, height);
    if (key !== made.key) {
      gl.clearColor(0, 0, 0, 0);
      gl.clear(gl.COLOR_BUFFER_BIT);
      made.key = key;
      made.drawn = 0;
    }
    var count = Math.min(EDGE_CHUNK, state.lineCount / 2 - made.drawn);
    if (count > 0) {
      gl.uniform1i(made.uniforms.u_edges, 1);
      gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, made.lines);
      gl.drawElements(gl.LINES, count * 2, gl.UNSIGNED_INT, made.drawn * 2 * 4);
      made.drawn += count;
    }
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.viewport(0, 0, width, height);
    return made.drawn < state.lineCount / 2;
  }

  /* One frame: the edges' texture (a chunk more drawn into it), the dots over it; the
     dots alone while the camera is `moving`. */
  function draw(made, state, params, moving) {
    var gl = made.gl, u = made.uniforms;
    var width = Math.round(params.width * params.pixelRatio);
    var height = Math.round(params.height * params.pixelRatio);
    if (!state.pointCount) { return false; }
    edgeTarget(made, width, height);
    gl.disable(gl.BLEND);  // every colour is opaque
    gl.useProgram(made.graph);
    gl.bindVertexArray(made.graphArray);
    gl.uniformMatrix3fv(u.u_matrix, false, params.matrix);
    gl.uniform1f(u.u_pointSize, DOT * params.pixelRatio / Math.sqrt(params.zoomRatio));
    var more = !moving && drawEdges(made, state, params, width, height);
    if (!moving) {
      gl.enable(gl.BLEND);  // the texture is transparent but for the edges
      gl.useProgram(made.copy);
      gl.bindVertexArray(made.copyArray);
      gl.activeTexture(gl.TEXTURE0 + UNIT);
      gl.bindTexture(gl.TEXTURE_2D, made.texture);
      gl.uniform1i(u.u_copy, UNIT);
      gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
      gl.activeTexture(gl.TEXTURE0);
      gl.disable(gl.BLEND);
      gl.useProgram(made.graph);
      gl.bindVertexArray(made.graphArray);
    }
    gl.uniform1i(u.u_edges, 0);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, made.points);
    gl.drawElements(gl.POINTS, state.pointCount, gl.UNSIGNED_INT, 0);
    gl.bindVertexArray(null);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, null);
    gl.enable(gl.BLEND);  // as sigma's own programs expect it
    return more;
  }

  function kill(made) {
    var gl = made.gl;
    [made.position, made.color, made.points, made.lines, made.corners].forEach(function (b) {
      gl.deleteBuffer(b);
    });
    [made.graphArray, made.copyArray].forEach(function (a) { gl.deleteVertexArray(a); });
    [made.graph, made.copy].forEach(function (p) { gl.deleteProgram(p); });
    if (made.texture) { gl.deleteTexture(made.texture); gl.deleteFramebuffer(made.framebuffer); }
  }

  window.vnkgGL = { parts: parts, upload: upload, draw: draw, kill: kill };
}());
