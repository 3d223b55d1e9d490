package io.gaikan.report;

import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.eval.OperatingCurve;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The PNG plots of a run's results and of a study: confusion matrix, operating curve and accuracy against images per
 * class ({@link TrainingCurves} draws the curves per epoch). Rendered headless with XChart.
 */
public final class Charts {

    /** One measurement of a few-shot sweep; {@code std} NaN or 0 draws no error bar. */
    public record ShotPoint(int shots, double mean, double std) {
        public ShotPoint {
            if (shots < 1) {
                throw new IllegalArgumentException("images per class must be >= 1, got " + shots);
            }
        }
    }

    static final int PANEL_WIDTH = 720;
    static final int PANEL_HEIGHT = 460;

    static final List<Marker> MARKERS = List.of(SeriesMarkers.CIRCLE,
            SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN);

    private Charts() {
    }

    /**
     * {@code confusion.png}: rows = true class (top to bottom in class order), columns = predicted class, the count in
     * every cell, shaded by count; each true-class label carries the class's recall. Readable for 2 to about 20
     * classes.
     */
    public static void confusion(ClassificationMetrics metrics, String title, Path png) throws IOException {
        int[][] counts = metrics.confusion();
        List<String> classes = metrics.classes();
        int k = classes.size();
        if (k == 0 || counts.length != k) {
            throw new IllegalArgumentException("confusion: matrix is " + counts.length + " rows for " + k + " classes");
        }
        ChartStyle.headless();
        int cell = k <= 4 ? 110 : k <= 10 ? 64 : 44;
        int longestName = classes.stream().mapToInt(String::length).max().orElse(4);
        int labelRoom = 100 + 8 * longestName;
        String fullTitle = String.format(Locale.ROOT, "%s: accuracy %.1f%% (n = %d)",
                title == null || title.isBlank() ? "Confusion matrix" : title, 100 * metrics.accuracy(), metrics.count());
        // XChart centres the title over the plot, not the image, so the label column counts towards its room.
        int width = Math.max(Math.max(520, labelRoom + 12 * fullTitle.length()), k * cell + labelRoom + 90);
        int height = Math.max(480, k * cell + labelRoom + 110);
        HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height).title(fullTitle)
                .xAxisTitle("predicted class").yAxisTitle("true class").build();
        HeatMapStyler s = chart.getStyler();
        ChartStyle.apply(s);
        s.setLegendVisible(false);
        s.setPlotGridLinesVisible(false);
        s.setPlotBorderVisible(false);
        s.setAxisTicksMarksVisible(false);
        s.setShowValue(true);
        s.setDrawBorder(true);
        s.setValueFont(new Font(ChartStyle.FONT, Font.BOLD, k <= 10 ? 16 : 12));
        s.setValueFontColor(ChartStyle.TEXT);
        s.setAxisTickLabelsFont(new Font(ChartStyle.FONT, Font.PLAIN, k <= 10 ? 14 : 12));
        if (k * Math.min(longestName, 20) * 9 > k * cell) { // names wider than their cells would overlap
            s.setXAxisLabelRotation(45);
        }
        // Light-to-mid blue keeps the dark count text readable on every cell.
        s.setRangeColors(new Color[]{Color.WHITE, new Color(0xc6dbef), new Color(0x6baed6)});
        int max = 1;
        List<Number[]> heat = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                max = Math.max(max, counts[t][p]);
                heat.add(new Number[]{p, k - 1 - t, counts[t][p]});
            }
        }
        s.setMin(0);
        s.setMax(max);
        s.setHeatMapValueDecimalPattern("0");
        // Each true-class label carries its recall, the figure an inspector reads off a confusion matrix first.
        List<String> yLabels = new ArrayList<>();
        for (String c : classes) {
            double recall = metrics.perClassAccuracy().getOrDefault(c, Double.NaN);
            yLabels.add(Double.isNaN(recall) ? c : String.format(Locale.ROOT, "%s (%.0f%%)", c, 100 * recall));
        }
        Collections.reverse(yLabels); // heat map rows grow upwards; the first class belongs at the top
        chart.addSeries("count", classes, yLabels, heat);
        ChartStyle.writePng(chart, png);
    }

    /**
     * Accuracy (or any score) against images per class on a log2 axis, one line per method, with optional error bars
     * (std over seeds).
     */
    public static void accuracyVsShots(Map<String, List<ShotPoint>> methods, String title, String yAxisTitle, Path png)
            throws IOException {
        if (methods.isEmpty() || methods.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("accuracy vs shots: no points to plot for " + png);
        }
        ChartStyle.headless();
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH + 160).height(PANEL_HEIGHT + 40)
                .title(title == null || title.isBlank() ? "Accuracy vs images per class" : title)
                .xAxisTitle("images per class (log2 scale)").yAxisTitle(yAxisTitle).build();
        AxesChartStyler s = chart.getStyler();
        ChartStyle.apply(s);
        s.setErrorBarsColorSeriesColor(true);
        int maxLog = 0;
        int series = 0;
        for (Map.Entry<String, List<ShotPoint>> method : methods.entrySet()) {
            List<ShotPoint> points = method.getValue().stream()
                    .sorted(Comparator.comparingInt(ShotPoint::shots)).toList();
            if (points.isEmpty()) {
                continue;
            }
            double[] x = new double[points.size()];
            double[] y = new double[points.size()];
            double[] err = new double[points.size()];
            boolean anyError = false;
            for (int i = 0; i < points.size(); i++) {
                ShotPoint p = points.get(i);
                x[i] = log2(p.shots());
                y[i] = p.mean();
                err[i] = Double.isFinite(p.std()) ? p.std() : 0;
                anyError |= err[i] > 0;
                maxLog = Math.max(maxLog, (int) Math.ceil(x[i]));
            }
            XYSeries line = anyError ? chart.addSeries(method.getKey(), x, y, err) : chart.addSeries(method.getKey(), x, y);
            style(line, ChartStyle.color(series), SeriesLines.SOLID, MARKERS.get(series % MARKERS.size()));
            series++;
        }
        s.setXAxisMin(-0.25);
        s.setXAxisMax(maxLog + 0.25);
        // With exact log2 positions the ticks sit on the measured sizes and read 1, 2, 4, ...; labels must stay
        // unique (XChart's tick search rejects duplicates), so in-between ticks get their true value.
        s.setxAxisTickLabelsFormattingFunction(Charts::powerOfTwoLabel);
        ChartStyle.writePng(chart, png);
    }

    /**
     * {@code operating-curve.png}: miss rate against over-detection rate as the defect threshold moves (lower left is
     * better), with {@code chosen} (null for none) marked: the threshold a line would run at.
     */
    public static void operatingCurve(OperatingCurve curve, OperatingCurve.Point chosen, String title, Path png)
            throws IOException {
        ChartStyle.headless();
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH + 160).height(PANEL_HEIGHT + 40)
                .title(String.format(Locale.ROOT, "%s (%d defect, %d normal images)",
                        title == null || title.isBlank() ? "Miss rate vs over-detection" : title,
                        curve.defects(), curve.normals()))
                .xAxisTitle("over-detection rate (%): normal judged defective")
                .yAxisTitle("miss rate (%): defect judged normal").build();
        AxesChartStyler s = chart.getStyler();
        ChartStyle.apply(s);
        // the curve always runs from (0, 100) to (100, 0), so both axes span 0-100 % without fixed limits
        s.setXAxisDecimalPattern("0");
        s.setYAxisDecimalPattern("0");
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        List<OperatingCurve.Point> corners = corners(curve.points());
        double[] over = corners.stream().mapToDouble(p -> 100 * p.overDetectionRate()).toArray();
        double[] miss = corners.stream().mapToDouble(p -> 100 * p.missRate()).toArray();
        style(chart.addSeries("defect threshold from 0 to 1", over, miss), ChartStyle.color(0), SeriesLines.SOLID,
                SeriesMarkers.NONE);
        if (chosen != null) {
            String name = String.format(Locale.ROOT, "threshold %.3f: miss %.1f%%, over-detection %.1f%%",
                    chosen.threshold(), 100 * chosen.missRate(), 100 * chosen.overDetectionRate());
            style(chart.addSeries(name, new double[]{100 * chosen.overDetectionRate()},
                    new double[]{100 * chosen.missRate()}), ChartStyle.color(1), SeriesLines.NONE, SeriesMarkers.DIAMOND);
        }
        ChartStyle.writePng(chart, png);
    }

    /**
     * The points where the staircase turns; the same line, drawn with fewer points. Every miss rate k/n on the y axis
     * would make XChart put its ticks on those (equally spaced) data values instead of round numbers.
     */
    private static List<OperatingCurve.Point> corners(List<OperatingCurve.Point> points) {
        List<OperatingCurve.Point> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (i == 0 || i == points.size() - 1
                    || direction(points.get(i - 1), points.get(i)) != direction(points.get(i), points.get(i + 1))) {
                out.add(points.get(i));
            }
        }
        return out;
    }

    private static int direction(OperatingCurve.Point a, OperatingCurve.Point b) {
        return 3 * (int) Math.signum(b.missRate() - a.missRate()) + (int) Math.signum(b.overDetectionRate() - a.overDetectionRate());
    }

    static void style(XYSeries s, Color color, BasicStroke line, Marker marker) {
        s.setLineColor(color);
        s.setMarkerColor(color);
        s.setFillColor(color);
        s.setLineStyle(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                line.getDashArray(), 0f));
        if (line == SeriesLines.NONE) {
            s.setLineStyle(SeriesLines.NONE);
        }
        s.setMarker(marker);
    }

    /** Exact for powers of two, so that 1, 2, 4, ... land on equally spaced whole numbers. */
    private static double log2(int n) {
        return Integer.bitCount(n) == 1 ? Integer.numberOfTrailingZeros(n) : Math.log(n) / Math.log(2);
    }

    private static String powerOfTwoLabel(double log2) {
        double v = Math.pow(2, log2);
        double r = Math.rint(v);
        return Math.abs(v - r) < 1e-6 ? Long.toString((long) r) : String.format(Locale.ROOT, "%.3g", v);
    }

}
