package io.gaikan.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The one look shared by every Gaikan chart, and the headless PNG writer. */
final class ChartStyle {

    /** Tableau 10: distinct, print-friendly, and tells the first few series apart for most colour-blind readers. */
    static final List<Color> PALETTE = List.of(
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
            new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf));

    static final Color TEXT = new Color(0x222222);
    static final Color GRID = new Color(0xe3e3e3);
    static final String FONT = ChartFonts.FAMILY;

    private ChartStyle() {
    }

    static Color color(int series) {
        return PALETTE.get(series % PALETTE.size());
    }

    /** White background, light grid, large enough fonts to read the PNG when it is shrunk into a report. */
    static void apply(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x999999));
        s.setPlotBorderVisible(true);
        s.setPlotGridLinesColor(GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartFontColor(TEXT);
        s.setAxisTickLabelsColor(TEXT);
        s.setChartTitleFont(new Font(FONT, Font.BOLD, 18));
        s.setChartTitleBoxBackgroundColor(Color.WHITE);
        s.setChartTitleBoxBorderColor(Color.WHITE);
        s.setChartTitlePadding(10);
        s.setAxisTitleFont(new Font(FONT, Font.PLAIN, 15));
        s.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 13));
        s.setLegendFont(new Font(FONT, Font.PLAIN, 13));
        s.setLegendBorderColor(new Color(0xcccccc));
        s.setLegendBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendSeriesLineLength(28);
        s.setChartPadding(12);
        s.setPlotMargin(6);
        s.setMarkerSize(7);
        s.setAntiAlias(true);
        s.setAxisTickMarksColor(new Color(0x999999));
    }

    static void writePng(Chart<?, ?> chart, Path png) throws IOException {
        headless();
        try (OutputStream out = open(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    /** Several charts of equal size side by side in one PNG. */
    static <C extends Chart<?, ?>> void writePngRow(List<C> charts, Path png) throws IOException {
        headless();
        try (OutputStream out = open(png)) {
            BitmapEncoder.saveBitmap(charts, 1, charts.size(), out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    private static OutputStream open(Path png) throws IOException {
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.newOutputStream(png);
    }

    /**
     * Charts are drawn on servers and CI without a display; AWT must be told before it first loads. An explicit
     * setting by the user (e.g. -Djava.awt.headless=false for a GUI) is respected.
     */
    static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
