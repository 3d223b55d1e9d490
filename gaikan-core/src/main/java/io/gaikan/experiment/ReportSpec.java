package io.gaikan.experiment;

import java.util.List;
import java.util.Set;

/**
 * The {@code report:} section: which axis labels the table rows (null when every axis is averaged over: one row),
 * which the columns (null: the metrics become the rows), the main metric, and the axes averaged over (mean ± std;
 * default {@code seed}). Every other axis gets its own set of tables.
 */
public record ReportSpec(String title, String rows, String columns, Metric metric, List<String> aggregate) {

    static final Set<String> KEYS = Set.of("title", "rows", "columns", "metric", "aggregate");

    public ReportSpec {
        aggregate = List.copyOf(aggregate);
    }

    static ReportSpec read(Node node, String defaultTitle, List<Axis> axes) {
        List<String> names = axes.stream().map(Axis::name).toList();
        if (!node.isNull()) {
            node.allowOnly(KEYS);
        }
        List<String> aggregate = node.has("aggregate") ? node.get("aggregate").asStrings()
                : names.contains(Axis.SEED) ? List.of(Axis.SEED) : List.of();
        for (String a : aggregate) {
            requireAxis(node.get("aggregate"), a, names);
        }
        String rows = node.has("rows") ? requireAxis(node.get("rows"), node.get("rows").asString(), names)
                : names.stream().filter(n -> !aggregate.contains(n) && !n.equals(Axis.METHOD)).findFirst()
                  .orElse(names.stream().filter(n -> !aggregate.contains(n)).findFirst().orElse(null));
        String columns = node.has("columns") ? requireAxis(node.get("columns"), node.get("columns").asString(), names)
                : names.contains(Axis.METHOD) && !Axis.METHOD.equals(rows) && !aggregate.contains(Axis.METHOD) ? Axis.METHOD : null;
        if (rows != null && rows.equals(columns)) {
            throw node.get("columns").error("rows and columns are both '" + rows + "'");
        }
        if ((rows != null && aggregate.contains(rows)) || (columns != null && aggregate.contains(columns))) {
            throw node.get("aggregate").error("an axis cannot be both averaged over and shown as rows/columns");
        }
        Metric metric = Metric.ACCURACY;
        if (node.has("metric")) {
            try {
                metric = Metric.byKey(node.get("metric").asString());
            } catch (IllegalArgumentException e) {
                throw node.get("metric").error(e.getMessage());
            }
        }
        String title = node.has("title") ? node.get("title").asString() : defaultTitle;
        return new ReportSpec(title, rows, columns, metric, aggregate);
    }

    private static String requireAxis(Node where, String name, List<String> axes) {
        if (!axes.contains(name)) {
            throw where.error("'" + name + "' is not an axis of this experiment (axes: " + axes + ")");
        }
        return name;
    }
}
