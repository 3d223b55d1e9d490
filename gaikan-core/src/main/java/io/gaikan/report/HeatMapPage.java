package io.gaikan.report;

import io.gaikan.eval.Predictions;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The evaluated images a person should look at, with where the model looked: every error (up to a limit, the most
 * confident first) and the least confident correct answers, each drawn as the image beside its heat map on a contact
 * sheet, with a table naming the files; written as {@value #PAGE} beside eval's metrics.
 */
public final class HeatMapPage {

    public static final String PAGE = "heatmaps.html";
    private static final int COLUMNS = 8;
    private static final int TILE = 160;

    private HeatMapPage() {
    }

    /** One image on the page: its truth and answer on the main task, and its heat map drawn from low to high. */
    public record Entry(Path image, String name, String truth, String predicted, float probability, double defectScore,
                       float[][] map, double low, double high) {
    }

    /** Indices of the main task's errors (most confident first, at most {@code maxErrors}). */
    public static List<Integer> errors(Predictions predictions, int maxErrors) {
        return IntStream.range(0, predictions.size())
                .filter(i -> predictions.truth().get(0)[i] >= 0 && predictions.predicted(0, i) != predictions.truth().get(0)[i])
                .boxed().sorted(Comparator.comparingDouble(i -> -confidence(predictions, i))).limit(maxErrors).toList();
    }

    /** Indices of the {@code count} correct answers of the main task with the lowest probability. */
    public static List<Integer> leastConfidentCorrect(Predictions predictions, int count) {
        return IntStream.range(0, predictions.size())
                .filter(i -> predictions.truth().get(0)[i] >= 0 && predictions.predicted(0, i) == predictions.truth().get(0)[i])
                .boxed().sorted(Comparator.comparingDouble(i -> confidence(predictions, i))).limit(count).toList();
    }

    private static double confidence(Predictions predictions, int i) {
        return predictions.probabilities().get(0)[i][predictions.predicted(0, i)];
    }

    /** Writes the two sheets (heatmap-errors.png, heatmap-least-confident.png) and {@value #PAGE} into {@code dir}. */
    public static Path write(Path dir, String title, String intro, List<Entry> errors, List<Entry> leastConfident)
            throws IOException {
        Files.createDirectories(dir);
        HtmlReport.Builder page = HtmlReport.builder(title).embedImages(false).text(intro + " Each image is shown beside "
                + "its heat map (blue: nothing, red: where the model saw most of what it decided).");
        section(page, dir, "heatmap-errors.png", "Errors", errors);
        section(page, dir, "heatmap-least-confident.png", "Least confident correct answers", leastConfident);
        Path file = dir.resolve(PAGE);
        page.build().write(file);
        return file;
    }

    private static void section(HtmlReport.Builder page, Path dir, String sheet, String heading, List<Entry> entries)
            throws IOException {
        page.heading(heading + " (" + entries.size() + ")");
        if (entries.isEmpty()) {
            page.text("None.");
            return;
        }
        List<HeatMaps.Tile> tiles = new ArrayList<>();
        Table.Builder table = Table.builder(heading).rowHeader("tile: image (truth -> answer)")
                .columns("probability", "defect score").decimals(3);
        for (int k = 0; k < entries.size(); k++) {
            Entry e = entries.get(k);
            BufferedImage image = ImageIO.read(e.image().toFile());
            if (image == null) {
                throw new IOException("cannot decode " + e.image());
            }
            tiles.add(new HeatMaps.Tile(image, (k + 1) + ": " + e.truth()));
            tiles.add(new HeatMaps.Tile(HeatMaps.overlay(image, e.map(), e.low(), e.high(), 0.55),
                    String.format(Locale.ROOT, "-> %s %.2f", e.predicted(), e.probability())));
            table.row((k + 1) + ": " + e.name() + " (" + e.truth() + " -> " + e.predicted() + ")",
                    Table.Cell.of(e.probability()), Table.Cell.of(e.defectScore()));
        }
        ImageIO.write(HeatMaps.contactSheet(tiles, COLUMNS, TILE), "png", dir.resolve(sheet).toFile());
        page.image(dir.resolve(sheet), heading + ": each image, then its heat map with the model's answer and probability")
                .table(table.build());
    }
}
