package io.gaikan.cli;

import io.gaikan.data.DataCheck;
import io.gaikan.data.DataException;
import io.gaikan.data.ImageFolder;
import io.gaikan.eval.Classification;
import io.gaikan.eval.PredictionsCsv;
import io.gaikan.eval.ReviewBand;
import io.gaikan.model.ModelRegistry;
import io.gaikan.report.HeatMaps;
import io.gaikan.text.Csv;
import io.gaikan.train.RunScorer;
import io.gaikan.train.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;

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
        ThreadCount.check(threads);
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
            List<List<String>> records = PredictionsCsv.records(results, null, bad, Path::toString);
            if (band != null && !results.isEmpty()) { // three verdicts instead of two
                int column = records.get(0).indexOf("verdict");
                for (int i = 0; i < results.size(); i++) {
                    records.get(i + 1).set(column, band.verdict(results.get(i).defectScore()).name());
                }
            }
            System.out.print(Csv.text(records));
            if (csv != null) {
                PredictionsCsv.write(csv, records);
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
