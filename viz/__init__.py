"""Views of the graph people want to look at, drawn as offline pyvis/vis-network pages.

- `viz.views`: overview, person_view, meeting_view, decree_view, co_attendance_view
  (networkx MultiDiGraph in, the view's subgraph out);
- `viz.render.write_html`: one self-contained HTML page (no network needed);
- `viz.export.write_view`: html, graphml, gexf, json (node-link), png (headless Chromium);
  `viz.graphfile`: the one model of the graph files (names as labels, unique edge ids);
- `viz.style`: the one style table (colour and shape by label).
"""
