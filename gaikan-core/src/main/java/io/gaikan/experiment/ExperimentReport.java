package io.gaikan.experiment;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gaikan.eval.EpochRecord;
import io.gaikan.report.HtmlReport;
import io.gaikan.report.Table;
import io.gaikan.text.Csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The report of an experiment directory, from its {@link RunStore} alone: tables in the seeds' shape (rows = one
 * axis, columns = another, usually the methods; mean ± std over seeds; best per row in bold) for accuracy and the
 * miss and over-detection rates, the classical baseline as an extra column, plots (accuracy against images per class
 * on a log2 axis for a {@code shots} axis, overlaid training curves for a {@code schedule} axis), and an index of the
 * runs linking their confusion matrices and curves. Writes {@code report.md}, {@code report.html} (self-contained),
 * {@code tables/*.csv}, {@code results.csv} (one line per grid cell), {@code runs.md}, {@code runs.html} and
 * {@code plots/*.png}. Cells of runs not finished yet are left empty, so a report of a running grid is valid.
 */
public final class ExperimentReport {

    public static final String BASELINE_COLUMN = "Classical baseline";

    /** The files written, and the main table as Markdown for a console. */
    public record Output(Path markdown, Path html, Path results, List<Path> tables, List<Path> plots, String mainTable) {
    }

    /** A grid cell with its training images per class and its finished run (null while not finished). */
    record Cell(Map<String, String> labels, int shots, RunStore.RunRecord run) {
    }

    final Path dir;
    private final String name;
    final ReportSpec spec;
    final Map<String, List<String>> axes;
    private final List<Cell> cells;
    final Map<Integer, RunStore.RunRecord> baselines;
    final Map<String, List<EpochRecord>> histories;

    private ExperimentReport(Path dir, String name, ReportSpec spec, Map<String, List<String>> axes, List<Cell> cells,
                             Map<Integer, RunStore.RunRecord> baselines, Map<String, List<EpochRecord>> histories) {
        this.dir = dir;
        this.name = name;
        this.spec = spec;
        this.axes = axes;
        this.cells = cells;
        this.baselines = baselines;
        this.histories = histories;
    }

    /** Writes the report as the experiment's config asked for it. */
    public static Output write(Path dir) throws IOException {
        return write(dir, null, null, null);
    }

    /**
     * @param rows    axis for the rows instead of the config's, or null
     * @param columns axis for the columns, "" for none, or null for the config's
     * @param metric  main metric instead of the config's, or null
     */
    public static Output write(Path dir, String rows, String columns, Metric metric) throws IOException {
        if (!Files.isRegularFile(dir.resolve(RunStore.FILE))) {
            throw new ConfigException(dir + " is not an experiment directory (no " + RunStore.FILE + ")");
        }
        return load(dir, rows, columns, metric).write();
    }

    private static ExperimentReport load(Path dir, String rows, String columns, Metric metric) throws IOException {
        try (RunStore store = RunStore.open(dir)) {
            ReportSpec spec = RunSpec.JSON.readValue(store.meta("report"), ReportSpec.class);
            Map<String, List<String>> axes = RunSpec.JSON.readValue(store.meta("axes"),
                    new TypeReference<LinkedHashMap<String, List<String>>>() { });
            spec = override(spec, axes.keySet(), rows, columns, metric);
            Map<String, RunStore.RunRecord> runs = store.runs();
            List<Cell> cells = new ArrayList<>();
            Map<String, List<EpochRecord>> histories = new LinkedHashMap<>();
            for (RunStore.GridEntry e : store.grid()) {
                RunStore.RunRecord run = runs.get(e.runId());
                boolean done = run != null && run.status() == RunStore.Status.FINISHED;
                cells.add(new Cell(e.labels(), e.shots(), done ? run : null));
                if (done && axes.containsKey(Axis.SCHEDULE)) {
                    histories.put(run.id(), store.history(run.id()));
                }
            }
            Map<Integer, RunStore.RunRecord> baselines = new LinkedHashMap<>();
            String baselineIds = store.meta(ExperimentRunner.BASELINE_META);
            if (baselineIds != null) {
                Map<Integer, String> ids = RunSpec.JSON.readValue(baselineIds, new TypeReference<LinkedHashMap<Integer, String>>() { });
                ids.forEach((shots, id) -> {
                    RunStore.RunRecord r = runs.get(id);
                    if (r != null && r.status() == RunStore.Status.FINISHED) {
                        baselines.put(shots, r);
                    }
                });
            }
            return new ExperimentReport(dir, store.meta("name"), spec, axes, cells, baselines, histories);
        }
    }

    private static ReportSpec override(ReportSpec spec, Set<String> axes, String rows, String columns, Metric metric) {
        for (String a : new String[]{rows, columns}) {
            if (a != null && !a.isEmpty() && !axes.contains(a)) {
                throw new ConfigException("'" + a + "' is not an axis of this experiment (axes: " + axes + ")");
            }
        }
        String r = rows != null ? rows : spec.rows();
        String c = columns == null ? spec.columns() : columns.isEmpty() ? null : columns;
        List<String> aggregate = spec.aggregate().stream().filter(a -> !a.equals(r) && !a.equals(c)).toList();
        return new ReportSpec(spec.title(), r, c, metric != null ? metric : spec.metric(), aggregate);
    }

    private Output write() throws IOException {
        HtmlReport.Builder page = HtmlReport.builder(spec.title());
        page.text(overview());
        List<Path> tables = new ArrayList<>();
        List<Path> plots = new ArrayList<>();
        String mainTable = null;
        Files.createDirectories(dir.resolve("tables"));
        for (Map.Entry<String, List<Cell>> facet : facets(facetAxes()).entrySet()) {
            if (!facet.getKey().isEmpty()) {
                page.heading(facet.getKey());
            }
            for (Table table : tables(facet.getValue(), facet.getKey())) {
                page.table(table);
                mainTable = mainTable == null ? table.toMarkdown() : mainTable;
                Path csv = dir.resolve("tables").resolve(fileName(table.title()) + ".csv");
                Files.writeString(csv, table.toCsv(), StandardCharsets.UTF_8);
                tables.add(csv);
            }
        }
        ReportPlots plotter = new ReportPlots(this);
        plots.addAll(plotter.shots(page));
        plots.addAll(plotter.schedules(page));
        page.heading("Runs");
        page.text("Every run with its settings, test metrics, confusion matrix and training curves: runs.html "
                + "(runs.md). Run directories are runs/<id>; the database runs.db holds settings, per-epoch history, "
                + "test metrics and timings of every run.");
        page.heading("Config");
        page.preformatted(Files.readString(dir.resolve(ExperimentRunner.CONFIG_FILE), StandardCharsets.UTF_8));
        HtmlReport report = page.build();
        Path md = dir.resolve("report.md");
        Path html = dir.resolve("report.html");
        report.writeMarkdown(md);
        report.write(html);
        Path results = writeResults();
        new RunIndex(dir, cells.stream().map(c -> new RunIndex.Row(c.labels(), c.run())).toList(), baselines.values())
                .write();
        return new Output(md, html, results, tables, plots, mainTable == null ? "" : mainTable);
    }

    private String overview() {
        long done = cells.stream().filter(c -> c.run() != null).count();
        Set<String> runIds = new LinkedHashSet<>();
        double seconds = 0;
        for (Cell c : cells) {
            if (c.run() != null && runIds.add(c.run().id())) {
                seconds += c.run().seconds();
            }
        }
        StringJoiner axesText = new StringJoiner("; ");
        axes.forEach((a, labels) -> axesText.add(a + " = " + String.join(", ", labels)));
        return String.format(Locale.ROOT, "Experiment '%s'. Grid: %s (%d cells, %d finished; training time %s). "
                        + "Test figures in percent on the fixed test set of split.csv, %s.", name, axesText, cells.size(),
                done, RunText.duration(seconds),
                spec.aggregate().isEmpty() ? "single runs" : "mean ± std over " + String.join(", ", spec.aggregate()));
    }

    /** Axes that are neither rows, columns nor averaged over: each combination of their values gets its own tables. */
    private List<String> facetAxes() {
        return axes.keySet().stream().filter(a -> !a.equals(spec.rows()) && !a.equals(spec.columns())
                && !spec.aggregate().contains(a)).toList();
    }

    Map<String, List<Cell>> facets(List<String> facetAxes) {
        Map<String, List<Cell>> out = new LinkedHashMap<>();
        for (Cell c : cells) {
            StringJoiner key = new StringJoiner(", ");
            facetAxes.forEach(a -> key.add(a + " = " + c.labels().get(a)));
            out.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(c);
        }
        return out;
    }

    private List<Measure> measures(List<Cell> cells, boolean withTasks) {
        List<Measure> out = new ArrayList<>();
        out.add(Measure.of(spec.metric()));
        for (Metric m : Metric.values()) {
            if (m != spec.metric()) {
                out.add(Measure.of(m));
            }
        }
        if (withTasks) {
            Set<String> tasks = new LinkedHashSet<>();
            cells.stream().filter(c -> c.run() != null).forEach(c -> tasks.addAll(c.run().metrics().keySet()));
            tasks.stream().skip(1).forEach(t -> out.add(Measure.task(t)));
        }
        return out.stream().filter(m -> cells.stream().anyMatch(c -> c.run() != null && Double.isFinite(m.of(c.run()))))
                .toList();
    }

    private List<Table> tables(List<Cell> facetCells, String facet) {
        String suffix = facet.isEmpty() ? "" : " (" + facet + ")";
        if (spec.columns() == null) {
            return metricRowTables(facetCells, suffix);
        }
        List<Table> out = new ArrayList<>();
        for (Measure m : measures(facetCells, false)) {
            Table.Builder t = Table.builder(m.title() + " (%)" + suffix).rowHeader(header(spec.rows())).decimals(2)
                    .higherIsBetter(m.higherIsBetter());
            t.rows(labelsOf(spec.rows()).toArray(String[]::new));
            t.columns(labelsOf(spec.columns()).toArray(String[]::new));
            Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
            Map<String, Set<Integer>> shotsPerRow = new LinkedHashMap<>();
            for (Cell c : facetCells) {
                String row = rowOf(c);
                shotsPerRow.computeIfAbsent(row, k -> new LinkedHashSet<>()).add(c.shots());
                if (c.run() != null && Double.isFinite(m.of(c.run()))) {
                    values.computeIfAbsent(row, k -> new LinkedHashMap<>())
                            .computeIfAbsent(c.labels().get(spec.columns()), k -> new ArrayList<>()).add(m.of(c.run()));
                }
            }
            values.forEach((row, byColumn) -> byColumn.forEach((col, v) -> t.put(row, col, Table.Cell.of(v))));
            shotsPerRow.forEach((row, shots) -> {
                RunStore.RunRecord b = shots.size() == 1 ? baselines.get(shots.iterator().next()) : null;
                if (b != null && Double.isFinite(m.of(b))) {
                    t.put(row, BASELINE_COLUMN, Table.Cell.of(m.of(b)));
                }
            });
            out.add(t.build());
        }
        return out;
    }

    /**
     * Without a column axis the metrics are the rows and the axis values the columns (seed 002's shape), one table
     * for the figures where higher is better and one for the error rates.
     */
    private List<Table> metricRowTables(List<Cell> facetCells, String suffix) {
        List<Table> out = new ArrayList<>();
        for (boolean higher : new boolean[]{true, false}) {
            List<Measure> ms = measures(facetCells, true).stream().filter(m -> m.higherIsBetter() == higher).toList();
            if (ms.isEmpty()) {
                continue;
            }
            Table.Builder t = Table.builder((higher ? "Accuracies" : "Error rates") + " (%) by " + header(spec.rows()) + suffix)
                    .rowHeader("metric").decimals(2).higherIsBetter(higher);
            t.columns(labelsOf(spec.rows()).toArray(String[]::new));
            for (Measure m : ms) {
                t.rows(m.title());
                Map<String, List<Double>> byColumn = new LinkedHashMap<>();
                for (Cell c : facetCells) {
                    if (c.run() != null && Double.isFinite(m.of(c.run()))) {
                        byColumn.computeIfAbsent(rowOf(c), k -> new ArrayList<>()).add(m.of(c.run()));
                    }
                }
                byColumn.forEach((col, v) -> t.put(m.title(), col, Table.Cell.of(v)));
                Set<Integer> shots = new LinkedHashSet<>();
                facetCells.forEach(c -> shots.add(c.shots()));
                RunStore.RunRecord b = shots.size() == 1 ? baselines.get(shots.iterator().next()) : null;
                if (b != null && Double.isFinite(m.of(b))) {
                    t.put(m.title(), BASELINE_COLUMN, Table.Cell.of(m.of(b)));
                }
            }
            out.add(t.build());
        }
        return out;
    }

    /** One line per grid cell: labels, run, status, time and every metric, full precision. */
    private Path writeResults() throws IOException {
        List<Measure> ms = measures(cells, true);
        List<String> header = new ArrayList<>(List.of("position"));
        header.addAll(axes.keySet());
        header.addAll(List.of("run", "status", "seconds"));
        ms.forEach(m -> header.add(m.key()));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            List<String> row = new ArrayList<>(List.of(Integer.toString(i)));
            axes.keySet().forEach(a -> row.add(c.labels().getOrDefault(a, "")));
            if (c.run() == null) {
                row.addAll(List.of("", "unfinished", ""));
                ms.forEach(m -> row.add(""));
            } else {
                row.addAll(List.of(c.run().id(), "finished", Double.toString(c.run().seconds())));
                ms.forEach(m -> row.add(Double.isFinite(m.of(c.run())) ? Double.toString(m.of(c.run())) : ""));
            }
            rows.add(row);
        }
        Path file = dir.resolve("results.csv");
        Csv.write(file, header, rows);
        return file;
    }

    private static final String ALL = "all runs";

    private List<String> labelsOf(String axis) {
        return axis == null ? List.of(ALL) : axes.getOrDefault(axis, List.of());
    }

    /** The cell's label on the row axis ({@value #ALL} when there is none: everything is averaged). */
    private String rowOf(Cell c) {
        return spec.rows() == null ? ALL : c.labels().get(spec.rows());
    }

    private static String header(String axis) {
        if (axis == null) {
            return "runs";
        }
        return switch (axis) {
            case Axis.SHOTS -> "images per class";
            case Axis.METHOD -> "method";
            case Axis.SCHEDULE -> "transfer/fine-tune epochs";
            case "model" -> "backbone";
            default -> axis;
        };
    }

    static String fileName(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "all" : s;
    }
}
