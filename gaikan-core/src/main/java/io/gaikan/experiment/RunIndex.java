package io.gaikan.experiment;

import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.text.Html;
import io.gaikan.train.RunLayout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code runs.md} and {@code runs.html}: one line per grid cell and baseline run with its labels, status, test
 * figures and time, linking the run's directory, confusion matrix and training curves (files the Trainer writes).
 */
final class RunIndex {

    /** A grid cell; {@code run} null while unfinished. */
    record Row(Map<String, String> labels, RunStore.RunRecord run) {
    }

    private static final List<String> FIGURES = List.of("accuracy %", "miss %", "over-detection %", "time");

    private final Path dir;
    private final List<Row> rows;
    private final Collection<RunStore.RunRecord> baselines;

    RunIndex(Path dir, List<Row> rows, Collection<RunStore.RunRecord> baselines) {
        this.dir = dir;
        this.rows = rows;
        this.baselines = baselines;
    }

    void write() throws IOException {
        Set<String> axes = new LinkedHashSet<>();
        rows.forEach(r -> axes.addAll(r.labels().keySet()));
        List<String> header = new ArrayList<>(axes);
        header.add("run");
        header.addAll(FIGURES);
        header.add("confusion");
        header.add("curves");
        List<List<Cell>> lines = new ArrayList<>();
        for (Row r : rows) {
            List<Cell> line = new ArrayList<>();
            axes.forEach(a -> line.add(Cell.text(r.labels().getOrDefault(a, ""))));
            line.addAll(runCells(r.run(), true));
            lines.add(line);
        }
        for (RunStore.RunRecord b : baselines) {
            List<Cell> line = new ArrayList<>();
            axes.forEach(a -> line.add(Cell.text(a.equals(Axis.METHOD) ? b.name() : "")));
            line.addAll(runCells(b, false));
            lines.add(line);
        }
        Files.writeString(dir.resolve("runs.md"), markdown(header, lines), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("runs.html"), html(header, lines), StandardCharsets.UTF_8);
    }

    /** Text with an optional link target relative to the experiment directory. */
    private record Cell(String text, String link) {
        static Cell text(String text) {
            return new Cell(text, null);
        }
    }

    private List<Cell> runCells(RunStore.RunRecord run, boolean trainer) {
        List<Cell> out = new ArrayList<>();
        if (run == null) {
            out.add(Cell.text("(not finished)"));
            FIGURES.forEach(f -> out.add(Cell.text("")));
            out.add(Cell.text(""));
            out.add(Cell.text(""));
            return out;
        }
        String runDir = run.dir().replace('\\', '/');
        out.add(new Cell(run.id(), runDir));
        ClassificationMetrics m = run.mainMetrics();
        out.add(Cell.text(m == null ? "" : percent(m.accuracy())));
        out.add(Cell.text(m == null ? "" : percent(m.missRate())));
        out.add(Cell.text(m == null ? "" : percent(m.overDetectionRate())));
        out.add(Cell.text(RunText.duration(run.seconds())));
        out.add(trainer ? new Cell(RunLayout.CONFUSION, runDir + "/" + RunLayout.CONFUSION) : new Cell("overlays", runDir + "/overlays"));
        out.add(trainer ? new Cell(RunLayout.CURVES, runDir + "/" + RunLayout.CURVES) : Cell.text(""));
        return out;
    }

    private static String percent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", 100 * v) : "";
    }

    private static String markdown(List<String> header, List<List<Cell>> lines) {
        StringBuilder md = new StringBuilder("# Runs\n\n| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> md.append("---|"));
        md.append('\n');
        for (List<Cell> line : lines) {
            md.append('|');
            for (Cell c : line) {
                String text = c.text().replace("|", "\\|");
                md.append(' ').append(c.link() == null ? text : "[" + text + "](" + c.link() + ")").append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String html(List<String> header, List<List<Cell>> lines) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Runs</title>"
                + "<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}"
                + "td,th{padding:.3em .7em;border-bottom:1px solid #ddd;text-align:left}</style></head><body>\n"
                + "<h1>Runs</h1>\n<table>\n<tr>");
        header.forEach(c -> h.append("<th>").append(Html.escape(c)).append("</th>"));
        h.append("</tr>\n");
        for (List<Cell> line : lines) {
            h.append("<tr>");
            for (Cell c : line) {
                h.append("<td>").append(c.link() == null ? Html.escape(c.text())
                        : "<a href=\"" + Html.escape(c.link()) + "\">" + Html.escape(c.text()) + "</a>").append("</td>");
            }
            h.append("</tr>\n");
        }
        return h.append("</table>\n</body></html>\n").toString();
    }
}
