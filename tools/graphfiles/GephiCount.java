/*
 * Opens graph files the way Gephi does (the Gephi toolkit's importers, default settings, a
 * new workspace per file) and prints, per file, one JSON line: the file, the nodes and edges
 * Gephi kept, the node labels it shows, the edge kinds it counted and the import issues.
 *
 * Run (the graph-file tests do this; fetch.sh writes the classpath):
 *   java -cp "$(cat tools/graphfiles/target/classpath.txt)" tools/graphfiles/GephiCount.java a.gexf b.graphml
 */

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.openide.util.Lookup;

public final class GephiCount {
    private GephiCount() {}

    public static void main(String[] args) throws Exception {
        ProjectController projects = Lookup.getDefault().lookup(ProjectController.class);
        ImportController importer = Lookup.getDefault().lookup(ImportController.class);
        projects.newProject();
        for (String path : args) {
            Workspace workspace = projects.newWorkspace(projects.getCurrentProject());
            projects.openWorkspace(workspace);
            Container container = importer.importFile(new File(path));
            if (container == null) {
                throw new IllegalStateException("Gephi could not open " + path);
            }
            List<String> issues = new ArrayList<>();
            container.getReport().getIssues(100).forEachRemaining(
                (Issue issue) -> issues.add(issue.getLevel() + ": " + issue.getMessage()));
            importer.process(container, new DefaultProcessor(), workspace);
            GraphModel model = Lookup.getDefault().lookup(GraphController.class).getGraphModel(workspace);
            System.out.println(describe(path, model.getDirectedGraph(), model, issues));
        }
        System.exit(0);
    }

    private static String describe(String path, Graph graph, GraphModel model, List<String> issues) {
        List<String> labels = new ArrayList<>();
        for (Node node : graph.getNodes()) {
            labels.add(json(node.getLabel()));
        }
        Map<String, Integer> kinds = new TreeMap<>();
        for (Edge edge : graph.getEdges()) {
            Object kind = model.getEdgeTypeLabel(edge.getType());
            kinds.merge(json(kind == null ? "" : kind.toString()), 1, Integer::sum);
        }
        List<String> kindCounts = new ArrayList<>();
        kinds.forEach((kind, count) -> kindCounts.add(kind + ": " + count));
        List<String> issueTexts = new ArrayList<>();
        issues.forEach(text -> issueTexts.add(json(text)));
        return "{\"file\": " + json(path) + ", \"nodes\": " + graph.getNodeCount()
            + ", \"edges\": " + graph.getEdgeCount() + ", \"labels\": [" + String.join(", ", labels)
            + "], \"kinds\": {" + String.join(", ", kindCounts) + "}, \"issues\": ["
            + String.join(", ", issueTexts) + "]}";
    }

    /** A JSON string literal of `text` (null as ""): quotes, backslashes and controls escaped. */
    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : (text == null ? "" : text).toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
