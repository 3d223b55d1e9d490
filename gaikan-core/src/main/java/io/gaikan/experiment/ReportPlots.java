package io.gaikan.experiment;

import io.gaikan.eval.EpochRecord;
import io.gaikan.report.Charts;
import io.gaikan.report.HtmlReport;
import io.gaikan.report.Table;
import io.gaikan.report.TrainingCurves;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The plots of an experiment's report: accuracy against images per class, and training curves per schedule. */
final class ReportPlots {

    private final ExperimentReport report;

    ReportPlots(ExperimentReport report) {
        this.report = report;
    }

    /** Accuracy against images per class, one line per value of the series axis (usually the methods). */
    List<Path> shots(HtmlReport.Builder page) throws IOException {
        if (!report.axes.containsKey(Axis.SHOTS) || report.axes.get(Axis.SHOTS).size() < 2) {
            return List.of();
        }
        String series = report.spec.columns() != null && !report.spec.columns().equals(Axis.SHOTS) ? report.spec.columns()
                : report.spec.rows() != null && !report.spec.rows().equals(Axis.SHOTS) ? report.spec.rows() : null;
        List<String> facetAxes = report.axes.keySet().stream().filter(a -> !a.equals(Axis.SHOTS) && !a.equals(series)
                && !report.spec.aggregate().contains(a)).toList();
        Measure m = Measure.of(report.spec.metric());
        List<Path> out = new ArrayList<>();
        page.heading(m.title() + " against images per class");
        for (Map.Entry<String, List<ExperimentReport.Cell>> facet : report.facets(facetAxes).entrySet()) {
            Map<String, Map<Integer, List<Double>>> points = new LinkedHashMap<>();
            for (ExperimentReport.Cell c : facet.getValue()) {
                if (c.run() != null && Double.isFinite(m.of(c.run()))) {
                    points.computeIfAbsent(series == null ? "runs" : c.labels().get(series), k -> new LinkedHashMap<>())
                            .computeIfAbsent(c.shots(), k -> new ArrayList<>()).add(m.of(c.run()));
                }
            }
            Map<String, List<Charts.ShotPoint>> lines = new LinkedHashMap<>();
            points.forEach((label, byShots) -> lines.put(label, shotPoints(byShots)));
            Map<Integer, List<Double>> baseline = new LinkedHashMap<>();
            report.baselines.forEach((shots, run) -> {
                if (shots > 0 && Double.isFinite(m.of(run))) {
                    baseline.put(shots, List.of(m.of(run)));
                }
            });
            if (!baseline.isEmpty()) {
                lines.put(ExperimentReport.BASELINE_COLUMN, shotPoints(baseline));
            }
            if (lines.values().stream().allMatch(List::isEmpty)) {
                continue;
            }
            Path png = report.dir.resolve("plots").resolve(ExperimentReport.fileName("shots " + facet.getKey()) + ".png");
            Files.createDirectories(png.getParent());
            String title = m.title() + " vs images per class" + (facet.getKey().isEmpty() ? "" : " (" + facet.getKey() + ")");
            Charts.accuracyVsShots(lines, title, m.title() + " (%)", png);
            page.image(png, title + (report.spec.aggregate().isEmpty() ? "" : "; error bars: std over " + String.join(", ", report.spec.aggregate())));
            out.add(png);
        }
        return out;
    }

    private static List<Charts.ShotPoint> shotPoints(Map<Integer, List<Double>> byShots) {
        List<Charts.ShotPoint> out = new ArrayList<>();
        byShots.forEach((shots, v) -> {
            if (shots > 0) {
                Table.Cell cell = Table.Cell.of(v);
                out.add(new Charts.ShotPoint(shots, cell.mean(), cell.std()));
            }
        });
        return out;
    }

    /** Training curves of the schedule values overlaid, averaged per epoch over the aggregated report.axes (seeds). */
    List<Path> schedules(HtmlReport.Builder page) throws IOException {
        if (!report.axes.containsKey(Axis.SCHEDULE)) {
            return List.of();
        }
        List<String> facetAxes = report.axes.keySet().stream().filter(a -> !a.equals(Axis.SCHEDULE)
                && !report.spec.aggregate().contains(a)).toList();
        List<Path> out = new ArrayList<>();
        page.heading("Training curves by transfer/fine-tune schedule");
        for (Map.Entry<String, List<ExperimentReport.Cell>> facet : report.facets(facetAxes).entrySet()) {
            Map<String, List<List<EpochRecord>>> bySchedule = new LinkedHashMap<>();
            for (ExperimentReport.Cell c : facet.getValue()) {
                if (c.run() != null && !report.histories.getOrDefault(c.run().id(), List.of()).isEmpty()) {
                    bySchedule.computeIfAbsent(c.labels().get(Axis.SCHEDULE), k -> new ArrayList<>())
                            .add(report.histories.get(c.run().id()));
                }
            }
            if (bySchedule.isEmpty()) {
                continue;
            }
            Map<String, List<EpochRecord>> curves = new LinkedHashMap<>();
            bySchedule.forEach((label, runs) -> curves.put(label, meanHistory(runs)));
            Path png = report.dir.resolve("plots").resolve(ExperimentReport.fileName("curves " + facet.getKey()) + ".png");
            Files.createDirectories(png.getParent());
            TrainingCurves.overlaidCurves(curves, "Schedule N/M" + (facet.getKey().isEmpty() ? "" : " (" + facet.getKey() + ")"), png);
            page.image(png, "Transfer N / fine-tune M epochs; curves averaged over "
                    + (report.spec.aggregate().isEmpty() ? "nothing (single runs)" : String.join(", ", report.spec.aggregate())));
            out.add(png);
        }
        return out;
    }

    /** Per epoch the mean of each figure over runs (epochs present in every run only; phases from the first run). */
    static List<EpochRecord> meanHistory(List<List<EpochRecord>> runs) {
        int epochs = runs.stream().mapToInt(List::size).min().orElse(0);
        List<EpochRecord> out = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            final int i = e;
            List<EpochRecord> at = runs.stream().map(h -> h.get(i)).toList();
            out.add(new EpochRecord(at.get(0).epoch(), at.get(0).phase(), mean(at, EpochRecord::trainLoss),
                    mean(at, EpochRecord::trainAccuracy), mean(at, EpochRecord::valLoss), mean(at, EpochRecord::valAccuracy),
                    mean(at, EpochRecord::lr), mean(at, EpochRecord::seconds)));
        }
        return out;
    }

    private static double mean(List<EpochRecord> records, ToDoubleFunction<EpochRecord> f) {
        return records.stream().mapToDouble(f).average().orElse(Double.NaN);
    }
}
