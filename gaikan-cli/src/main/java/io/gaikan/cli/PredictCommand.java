package io.gaikan.cli;

import io.gaikan.data.DataException;
import io.gaikan.data.ImageFolder;
import io.gaikan.eval.Classification;
import io.gaikan.eval.ReviewBand;
import io.gaikan.model.ModelRegistry;
import io.gaikan.train.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Map;
import io.gaikan.data.DataCheck;
import java.io.IOException;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import io.gaikan.report.HeatMaps;
import io.gaikan.train.RunScorer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code gaikan predict}: classes, probabilities and the defect/normal verdict for images. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict images with a trained run: class, probability, defect/normal verdict, every task.")
public final class PredictCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, description = "run directory of 'gaikan train'")
    Path run;

    @Parameters(arity = "1..*", paramLabel = "IMAGE|DIR", description = "image files or folders (searched recursively)")
    List<Path> inputs;

    @Option(names = "--csv", description = "also write the predictions to this CSV file")
    Path csv;

    @Option(names = "--threads", defaultValue = "2")
    int threads;

    @Option(names = "--defect-threshold", description = "judge an image defective when its defect score (1 - P(normal "
            + "classes)) is at least this, e.g. the threshold 'gaikan eval --max-miss-rate' chose; default: by the most probable class")
    Double defectThreshold;

    @Option(names = "--review-band", paramLabel = "LOW,HIGH", description = "three verdicts on the defect score: "
            + "OK below LOW, NG from HIGH on, REVIEW (a person decides) in between")
    String reviewBand;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--skip-bad", description = "skip unreadable images, listing them (and in the CSV, with an error column) "
            + "instead of stopping")
    boolean skipBad;

    @Option(names = "--heatmaps", paramLabel = "DIR", description = "also write each image with its heat map drawn over "
            + "it as DIR/NAME.png (networks: Grad-CAM of the defect classes, or of the predicted class without normal "
            + "classes; anomaly detection runs: the anomaly map, red above the threshold)")
    Path heatmaps;

    @Override
    public Integer call() throws Exception {
        List<Path> images = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                images.addAll(ImageFolder.images(p));
            } else if (Files.isRegularFile(p)) {
                images.add(p);
            } else {
                throw new DataException("no such image or folder: " + p);
            }
        }
        if (images.isEmpty()) {
            throw new DataException("no images found in " + inputs);
        }
        if (csv != null && csv.toAbsolutePath().getParent() != null && !Files.isDirectory(csv.toAbsolutePath().getParent())) {
            throw new IllegalArgumentException("--csv " + csv + ": the folder " + csv.toAbsolutePath().getParent() + " does not exist");
        }
        ReviewBand band = reviewBand == null ? null : ReviewBand.parse(reviewBand);
        if (band != null && defectThreshold != null) {
            throw new IllegalArgumentException("give either --defect-threshold (two verdicts) or --review-band (three), not both");
        }
        Map<Path, String> bad = DataCheck.unreadable(images, threads);
        if (!bad.isEmpty()) {
            if (!skipBad) {
                throw DataCheck.unreadable(bad);
            }
            spec.commandLine().getErr().println("skipped " + bad.size() + " unreadable image(s): "
                    + String.join("; ", bad.values()));
            images = images.stream().filter(p -> !bad.containsKey(p)).toList();
        }
        try (TrainedModel model = TrainedModel.load(run, ModelRegistry.defaults())) {
            if (band != null && model.info().normalClasses().isEmpty()) {
                throw new IllegalArgumentException("--review-band needs the run's normal classes (--normal-classes in training)");
            }
            List<Classification> results = images.isEmpty() ? List.of() : model.classify(images, threads, defectThreshold);
            List<String> lines = new ArrayList<>();
            StringBuilder header = new StringBuilder("path,class,probability");
            if (!model.info().normalClasses().isEmpty()) {
                header.append(",verdict,defect_score");
            }
            model.taskClasses().keySet().stream().skip(1).forEach(t -> header.append(',').append(t).append(',')
                    .append(t).append("_probability"));
            if (!bad.isEmpty()) {
                header.append(",error");
            }
            lines.add(header.toString());
            for (Classification c : results) {
                StringBuilder row = new StringBuilder(c.image().toString());
                for (int t = 0; t < c.tasks().size(); t++) {
                    Classification.TaskLabel label = c.tasks().get(t);
                    row.append(',').append(label.label()).append(',')
                            .append(String.format(Locale.ROOT, "%.4f", label.probability()));
                    if (t == 0) { // the verdict follows the main task, as the header does
                        c.defect().ifPresent(d -> row.append(',')
                                .append(band != null ? band.verdict(c.defectScore()).name() : d ? "DEFECT" : "normal")
                                .append(',').append(String.format(Locale.ROOT, "%.4f", c.defectScore())));
                    }
                }
                lines.add(row.toString() + (bad.isEmpty() ? "" : ","));
            }
            // an unreadable image keeps its row: its path, empty predictions and the reason
            int columns = header.toString().split(",", -1).length;
            bad.forEach((path, reason) -> lines.add(path + ",".repeat(columns - 1) + "\"" + reason.replace("\"", "\"\"") + "\""));
            PrintStream out = System.out;
            lines.forEach(out::println);
            if (csv != null) {
                Files.write(csv, lines);
            }
            if (heatmaps != null) {
                writeHeatMaps(model, images, results);
            }
        }
        return 0;
    }

    /** Overlays of the first images on one captioned sheet, for a quick look at many. */
    private static final int SHEET_IMAGES = 64;

    private void writeHeatMaps(TrainedModel model, List<Path> images, List<Classification> results) throws IOException {
        List<RunScorer.HeatMap> maps;
        try {
            maps = model.heatMaps(images, threads);
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("--heatmaps: " + e.getMessage());
        }
        Files.createDirectories(heatmaps);
        List<HeatMaps.Tile> tiles = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            BufferedImage image = ImageIO.read(images.get(i).toFile());
            RunScorer.HeatMap map = maps.get(i);
            String name = images.get(i).getFileName().toString().replaceFirst("\\.[^.]*$", "") + ".png";
            BufferedImage overlay = HeatMaps.overlay(image, map.values(), map.low(), map.high(), 0.55);
            ImageIO.write(overlay, "png", heatmaps.resolve(name).toFile());
            if (i < SHEET_IMAGES) {
                Classification c = results.get(i);
                tiles.add(new HeatMaps.Tile(overlay, String.format(Locale.ROOT, "%d: %s %.2f", i + 1, c.label(), c.probability())));
            }
        }
        ImageIO.write(HeatMaps.contactSheet(tiles, 8, 160), "png", heatmaps.resolve("heatmaps-sheet.png").toFile());
        System.err.println("heat maps of " + images.size() + " images in " + heatmaps + " (the first " + tiles.size()
                + " on heatmaps-sheet.png)");
    }
}
