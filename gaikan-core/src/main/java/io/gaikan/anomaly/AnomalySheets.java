package io.gaikan.anomaly;

import io.gaikan.data.Dataset;
import io.gaikan.data.Sample;
import io.gaikan.eval.RankingMetrics;
import io.gaikan.report.HeatMaps;
import io.gaikan.report.HtmlReport;
import io.gaikan.report.OperatingCurveFiles;
import io.gaikan.report.Table;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * {@code anomaly-maps.png}: anomaly maps over the test images where a person should look first, a row each: the
 * highest-scoring normal images (false alarms or nearly), the lowest-scoring defects (misses or nearly) and the
 * highest-scoring defects (what the detector finds). The colour scale is the same for every tile: the threshold sits
 * in the middle (green), red is two normal-score spreads above it.
 */
final class AnomalySheets {

    static final String FILE = "anomaly-maps.png";
    private static final int PER_ROW = 8;
    private static final int TILE = 160;

    private AnomalySheets() {
    }

    static final String PAGE = "anomaly-report.html";

    /**
     * Writes the contact sheet and {@value #PAGE}: the figures, the sheet, the operating curve and a table naming
     * every image on the sheet with its score, so a person can open the files the detector doubts.
     */
    static void write(Path runDir, List<Sample> samples, AnomalyScores scores, boolean[] defect,
                      AnomalyThreshold threshold, String method, RankingMetrics ranking, Dataset data) throws IOException {
        Comparator<Integer> byScore = Comparator.comparingDouble(i -> scores.image()[i]);
        List<Integer> normal = IntStream.range(0, samples.size()).filter(i -> !defect[i]).boxed().sorted(byScore.reversed()).toList();
        List<Integer> defects = IntStream.range(0, samples.size()).filter(i -> defect[i]).boxed().sorted(byScore).toList();
        List<HeatMaps.Tile> tiles = new ArrayList<>();
        addRow(tiles, normal.subList(0, Math.min(PER_ROW, normal.size())), "OK", samples, scores, threshold);
        addRow(tiles, defects.subList(0, Math.min(PER_ROW, defects.size())), "NG", samples, scores, threshold);
        List<Integer> top = new ArrayList<>(defects.subList(Math.max(0, defects.size() - PER_ROW), defects.size()));
        java.util.Collections.reverse(top);
        addRow(tiles, top, "NG", samples, scores, threshold);
        ImageIO.write(HeatMaps.contactSheet(tiles, PER_ROW, TILE), "png", runDir.resolve(FILE).toFile());

        Table.Builder table = Table.builder("Images on the sheet").rowHeader("image (truth)").columns("anomaly score")
                .decimals(3);
        List<List<Integer>> rows = List.of(normal.subList(0, Math.min(PER_ROW, normal.size())),
                defects.subList(0, Math.min(PER_ROW, defects.size())), top);
        for (int r = 0; r < rows.size(); r++) {
            for (int i : rows.get(r)) {
                table.row((r + 1) + ": " + data.relative(samples.get(i).path()) + (defect[i] ? " (NG)" : " (OK)"),
                        Table.Cell.of(scores.image()[i]));
            }
        }
        HtmlReport.builder(method + ": anomaly maps of " + runDir.getFileName()).embedImages(false)
                .text(String.format(Locale.ROOT, "%d test images: image AUROC %.4f, average precision %.4f; defect "
                                + "threshold %.4f (%s).", samples.size(), ranking.auroc(), ranking.averagePrecision(),
                        threshold.threshold(), threshold.rule()))
                .image(runDir.resolve(FILE), "Row 1: the most anomalous OK images (false alarms, or nearly). Row 2: the "
                        + "least anomalous defects (misses, or nearly). Row 3: the most anomalous defects. Red: two "
                        + "normal-score spreads above the threshold; caption: truth, score, verdict.")
                .image(runDir.resolve(OperatingCurveFiles.PNG), "Miss rate against over-detection as the threshold moves")
                .table(table.build())
                .build().write(runDir.resolve(PAGE));
    }

    private static void addRow(List<HeatMaps.Tile> tiles, List<Integer> indices, String truth, List<Sample> samples,
                               AnomalyScores scores, AnomalyThreshold threshold) throws IOException {
        double low = threshold.threshold() - 2 * threshold.scale();
        double high = threshold.threshold() + 2 * threshold.scale();
        for (int i : indices) {
            BufferedImage image = read(samples.get(i).path());
            tiles.add(new HeatMaps.Tile(HeatMaps.overlay(image, scores.maps()[i], low, high, 0.55),
                    String.format(Locale.ROOT, "%s %.2f %s", truth, scores.image()[i],
                            scores.image()[i] >= threshold.threshold() ? "NG" : "OK")));
        }
        for (int pad = indices.size(); pad < PER_ROW; pad++) {
            tiles.add(new HeatMaps.Tile(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), ""));
        }
    }

    private static BufferedImage read(Path path) throws IOException {
        BufferedImage image = ImageIO.read(path.toFile());
        if (image == null) {
            throw new IOException("cannot decode " + path);
        }
        return image;
    }
}
