package io.gaikan.cli;

import io.gaikan.data.DataCheck;
import io.gaikan.data.DataException;
import io.gaikan.data.ImageFolder;
import io.gaikan.eval.Classification;
import io.gaikan.eval.PredictionsCsv;
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--skip-bad", description = "skip unreadable images, listing them (and in the CSV, with an error column) "
            + "instead of stopping")
    boolean skipBad;

    @Option(names = "--heatmaps", paramLabel = "DIR", description = "also write each image with its heat map drawn over "
            + "it as DIR/NAME.png (anomaly detection runs: the anomaly map, red above the threshold)")
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
            List<Classification> results = images.isEmpty() ? List.of() : model.classify(images, threads, defectThreshold);
            List<List<String>> records = PredictionsCsv.records(results, null, bad, Path::toString);
            System.out.print(Csv.text(records));
            if (csv != null) {
                PredictionsCsv.write(csv, records);
            }
            if (heatmaps != null) {
                writeHeatMaps(model, images);
            }
        }
        return 0;
    }

    private void writeHeatMaps(TrainedModel model, List<Path> images) throws IOException {
        List<RunScorer.HeatMap> maps;
        try {
            maps = model.heatMaps(images, threads);
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("--heatmaps: " + e.getMessage());
        }
        Files.createDirectories(heatmaps);
        for (int i = 0; i < images.size(); i++) {
            BufferedImage image = ImageIO.read(images.get(i).toFile());
            RunScorer.HeatMap map = maps.get(i);
            String name = images.get(i).getFileName().toString().replaceFirst("\\.[^.]*$", "") + ".png";
            ImageIO.write(HeatMaps.overlay(image, map.values(), map.low(), map.high(), 0.55), "png",
                    heatmaps.resolve(name).toFile());
        }
        System.err.println("heat maps of " + images.size() + " images in " + heatmaps);
    }
}
