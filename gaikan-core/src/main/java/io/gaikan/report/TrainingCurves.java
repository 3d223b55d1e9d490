package io.gaikan.report;

import io.gaikan.eval.EpochRecord;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Training curves: accuracy and loss per epoch of one run ({@code curves.png}), and of several runs overlaid (the
 * schedule study), with the phases marked. Rendered headless with XChart.
 */
public final class TrainingCurves {

    /** The first palette colour at 15% opacity: visible behind the curves without hiding them. */
    private static final Color TRANSFER_SHADE = new Color(0x1f, 0x77, 0xb4, 0x26);
    private static final Color PHASE_LINE = new Color(0x555555);
    private static final BasicStroke PHASE_STROKE =
            new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f);

    private TrainingCurves() {
    }

    /**
     * {@code curves.png}: accuracy and loss per epoch, train and validation, side by side. A phase change (transfer ->
     * fine-tune) is a dashed vertical line named in the legend, and the frozen-backbone phase is shaded.
     */
    public static void curves(List<EpochRecord> history, String title, Path png) throws IOException {
        requireHistory(history, "curves");
        ChartStyle.headless();
        String prefix = title == null || title.isBlank() ? "" : title + ": ";
        XYChart acc = curvePanel(prefix + "accuracy", "accuracy (%)", history, true);
        XYChart loss = curvePanel(prefix + "loss", "loss", history, false);
        ChartStyle.writePngRow(List.of(acc, loss), png);
    }

    /**
     * Training curves of several runs overlaid (the schedule study): validation solid, training dashed, one colour per
     * run, a diamond where each run switches phase. Runs without validation show their training curve only.
     */
    public static void overlaidCurves(Map<String, List<EpochRecord>> runs, String title, Path png) throws IOException {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("overlaid curves: no runs to plot for " + png);
        }
        runs.forEach((name, h) -> requireHistory(h, "overlaid curves, run '" + name + "'"));
        ChartStyle.headless();
        String prefix = title == null || title.isBlank() ? "" : title + ": ";
        XYChart acc = overlaidPanel(prefix + "accuracy", "accuracy (%)", runs, true);
        XYChart loss = overlaidPanel(prefix + "loss", "loss", runs, false);
        ChartStyle.writePngRow(List.of(acc, loss), png);
    }

    private static XYChart curvePanel(String title, String yTitle, List<EpochRecord> history, boolean accuracy) {
        XYChart chart = epochChart(title, yTitle);
        double[] epochs = history.stream().mapToDouble(EpochRecord::epoch).toArray();
        double[] train = values(history, accuracy ? EpochRecord::trainAccuracy : EpochRecord::trainLoss, accuracy);
        double[] val = values(history, accuracy ? EpochRecord::valAccuracy : EpochRecord::valLoss, accuracy);
        double[] range = accuracy ? accuracyRange(train, val) : lossRange(train, val);
        chart.getStyler().setYAxisMin(range[0]);
        chart.getStyler().setYAxisMax(range[1]);
        markPhases(chart, history, range);
        boolean markers = history.size() <= 40;
        Charts.style(chart.addSeries("train", epochs, train), ChartStyle.color(0), SeriesLines.SOLID,
                markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        if (anyFinite(val)) {
            Charts.style(chart.addSeries("validation", epochs, val), ChartStyle.color(1), SeriesLines.SOLID,
                    markers ? SeriesMarkers.SQUARE : SeriesMarkers.NONE);
        }
        return chart;
    }

    private static XYChart overlaidPanel(String title, String yTitle, Map<String, List<EpochRecord>> runs, boolean accuracy) {
        XYChart chart = epochChart(title, yTitle);
        List<double[]> all = new ArrayList<>();
        boolean anyVal = false;
        int run = 0;
        for (Map.Entry<String, List<EpochRecord>> entry : runs.entrySet()) {
            List<EpochRecord> h = entry.getValue();
            Color color = ChartStyle.color(run++);
            double[] epochs = h.stream().mapToDouble(EpochRecord::epoch).toArray();
            double[] train = values(h, accuracy ? EpochRecord::trainAccuracy : EpochRecord::trainLoss, accuracy);
            double[] val = values(h, accuracy ? EpochRecord::valAccuracy : EpochRecord::valLoss, accuracy);
            all.add(train);
            boolean hasVal = anyFinite(val);
            // One legend entry per run keeps the legend on one line; line style (noted on the axis) tells train/val.
            XYSeries trainLine = chart.addSeries(entry.getKey() + (hasVal ? " (train)" : ""), epochs, train);
            Charts.style(trainLine, color, hasVal ? SeriesLines.DASH_DASH : SeriesLines.SOLID, SeriesMarkers.NONE);
            trainLine.setShowInLegend(!hasVal);
            double[] main = train;
            if (hasVal) {
                all.add(val);
                main = val;
                Charts.style(chart.addSeries(entry.getKey(), epochs, val), color, SeriesLines.SOLID, SeriesMarkers.NONE);
                anyVal = true;
            }
            for (int i = 1; i < h.size(); i++) {
                if (!h.get(i).phase().equals(h.get(i - 1).phase()) && Double.isFinite(main[i])) {
                    XYSeries mark = chart.addSeries(entry.getKey() + " phase change " + i,
                            new double[]{epochs[i]}, new double[]{main[i]});
                    Charts.style(mark, color, SeriesLines.NONE, SeriesMarkers.DIAMOND);
                    mark.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    mark.setShowInLegend(false);
                }
            }
        }
        chart.setXAxisTitle(anyVal ? "epoch   (solid: validation, dashed: train, \u25c6: fine-tuning starts)"
                : "epoch   (\u25c6: fine-tuning starts)");
        double[][] arrays = all.toArray(double[][]::new);
        double[] range = accuracy ? accuracyRange(arrays) : lossRange(arrays);
        chart.getStyler().setYAxisMin(range[0]);
        chart.getStyler().setYAxisMax(range[1]);
        return chart;
    }

    private static XYChart epochChart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(Charts.PANEL_WIDTH).height(Charts.PANEL_HEIGHT)
                .title(title).xAxisTitle("epoch").yAxisTitle(yTitle).build();
        ChartStyle.apply(chart.getStyler());
        // Integer-only labels: XChart rejects tick spacings whose labels this pattern would round, so no 0.5 epochs.
        chart.getStyler().setXAxisDecimalPattern("0");
        return chart;
    }

    /**
     * Shades the frozen-backbone ("transfer") epochs and draws a dashed line where each new phase begins, both named
     * in the legend so the reader needs no caption. Added first so the curves are drawn on top.
     */
    private static void markPhases(XYChart chart, List<EpochRecord> history, double[] yRange) {
        int start = 0;
        for (int i = 1; i <= history.size(); i++) {
            if (i < history.size() && history.get(i).phase().equals(history.get(start).phase())) {
                continue;
            }
            EpochRecord first = history.get(start);
            EpochRecord last = history.get(i - 1);
            boolean changes = start > 0 || i < history.size();
            if (changes && first.phase().equals("transfer")) {
                XYSeries shade = chart.addSeries("transfer (frozen)" + (start == 0 ? "" : " " + start),
                        new double[]{first.epoch() - 0.5, last.epoch() + 0.5}, new double[]{yRange[1], yRange[1]});
                shade.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
                shade.setFillColor(TRANSFER_SHADE);
                shade.setLineColor(TRANSFER_SHADE);
                shade.setMarker(SeriesMarkers.NONE);
                shade.setShowInLegend(start == 0);
            }
            if (start > 0) {
                double x = first.epoch() - 0.5;
                XYSeries line = chart.addSeries(phaseName(first.phase()) + " from ep. " + first.epoch(),
                        new double[]{x, x}, new double[]{yRange[0], yRange[1]});
                line.setLineColor(PHASE_LINE);
                line.setLineStyle(PHASE_STROKE);
                line.setMarker(SeriesMarkers.NONE);
            }
            start = i;
        }
    }

    private static String phaseName(String phase) {
        return switch (phase) {
            case "finetune" -> "fine-tuning";
            case "transfer" -> "transfer";
            default -> phase;
        };
    }

    /** Accuracies as percent; anything non-finite becomes NaN, which XChart leaves as a gap. */
    private static double[] values(List<EpochRecord> history, ToDoubleFunction<EpochRecord> f, boolean percent) {
        return history.stream().mapToDouble(f).map(v -> Double.isFinite(v) ? (percent ? 100 * v : v) : Double.NaN).toArray();
    }

    private static double[] accuracyRange(double[]... series) {
        double min = 100;
        for (double[] s : series) {
            for (double v : s) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                }
            }
        }
        double lo = Math.max(0, Math.floor((min - 2) / 10) * 10);
        return new double[]{Math.min(lo, 90), 100};
    }

    private static double[] lossRange(double[]... series) {
        double max = 0;
        for (double[] s : series) {
            for (double v : s) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        return new double[]{0, max <= 0 ? 1 : niceCeil(max * 1.05)};
    }

    /** The next value of the form {1, 2, 2.5, 5} x 10^n at or above v, so the top tick is labelled. */
    private static double niceCeil(double v) {
        double scale = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[]{1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * scale >= v) {
                return step * scale;
            }
        }
        return 10 * scale;
    }

    private static boolean anyFinite(double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                return true;
            }
        }
        return false;
    }

    private static void requireHistory(List<EpochRecord> history, String what) {
        if (history == null || history.isEmpty()) {
            throw new IllegalArgumentException(what + ": the training history has no epochs");
        }
    }
}
