package io.gaikan.anomaly;

import io.gaikan.data.DataOptions;
import io.gaikan.data.PreparedData;
import io.gaikan.data.Sample;
import io.gaikan.eval.Classification;
import io.gaikan.eval.RankingMetrics;
import io.gaikan.model.ModelRegistry;
import io.gaikan.report.MetricsJson;
import io.gaikan.testing.ToyImages;
import io.gaikan.train.FitMethods;
import io.gaikan.train.RunInfo;
import io.gaikan.train.RunScorer;
import io.gaikan.train.TrainConfig;
import io.gaikan.train.TrainResult;
import io.gaikan.train.TrainSettings;
import io.gaikan.train.TrainedModel;
import io.gaikan.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PatchCore and PaDiM on generated parts: OK = horizontal stripes with noise, NG = the same with a small patch of vertical
 * stripes at a random place (a local texture defect whose position is known). Fitted on OK images only, with an
 * untrained ResNet-18 (random features still tell a foreign texture from the normal one), at 64 px.
 */
class AnomalyDetectionTest {

    private static final int SIZE = 64;
    private static final int DEFECT = 16;
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @ParameterizedTest
    @ValueSource(strings = {PatchCoreMethod.NAME, PadimMethod.NAME})
    void fitsOnNormalImagesRanksDefectsAndFindsWhereTheyAre(String method, @TempDir Path dir) throws Exception {
        Map<Path, int[]> defectAt = new HashMap<>();
        Path parts = generate(dir.resolve("parts"), 100, 30, defectAt);
        PreparedData data = PreparedData.prepare(DataOptions.of(parts).withNormalClasses("ok"), 2, QUIET);
        TrainConfig config = TrainConfig.builder().model("resnet18").inputSize(SIZE).method(method)
                .coresetRatio(0.25f).set(TrainSettings.PADIM_CHANNELS, 48).quiet(true).threads(2).build();
        Path run = dir.resolve("run");
        TrainResult result = new Trainer(ModelRegistry.defaults(), QUIET)
                .train(config, data.data(), data.split(), data.normalClasses(), run, false);

        double auroc = MetricsJson.readFigure(run.resolve("metrics.json"), "image_auroc");
        assertTrue(auroc > 0.9, "image AUROC " + auroc);
        assertTrue(result.mainMetrics().accuracy() > 0.75, "accuracy at the chosen threshold " + result.mainMetrics().accuracy());
        assertTrue(Files.size(run.resolve(AnomalySheets.FILE)) > 0);
        String page = Files.readString(run.resolve(AnomalySheets.PAGE));
        assertTrue(page.contains(AnomalySheets.FILE) && page.contains("ng/ng-"), "the page shows the sheet and names images");

        if (method.equals(PadimMethod.NAME)) {
            assertEquals(48L, AnomalyFiles.read(run).sizes().get("feature_dim"), "--padim-channels");
        }

        RunInfo info = RunInfo.read(run);
        List<Sample> defects = data.split().samples(data.data(), data.split().test()).stream()
                .filter(s -> defectAt.containsKey(s.path())).toList();
        double[] bilinear;
        try (AnomalyScorer scorer = (AnomalyScorer) FitMethods.get(method).load(info, run, ModelRegistry.defaults())) {
            AnomalyScores scores = scorer.scores(defects, 2, QUIET, true);
            bilinear = scores.image();
            int inside = 0;
            for (int i = 0; i < defects.size(); i++) {
                if (peakInside(scores.maps()[i], defectAt.get(defects.get(i).path()))) {
                    inside++;
                }
            }
            assertTrue(inside >= 0.7 * defects.size(), "map peak on the defect in " + inside + " of " + defects.size());
        }

        // the run serves like any other: verdicts from TrainedModel agree with the scores' ranking
        List<Path> images = data.split().test();
        try (TrainedModel model = TrainedModel.load(run, ModelRegistry.defaults())) {
            List<Classification> verdicts = model.classify(images, 2);
            boolean[] truth = new boolean[images.size()];
            double[] defectScores = new double[images.size()];
            for (int i = 0; i < images.size(); i++) {
                truth[i] = defectAt.containsKey(images.get(i));
                defectScores[i] = verdicts.get(i).defectScore();
                assertEquals(verdicts.get(i).defect().orElseThrow(), defectScores[i] >= 0.5, "verdict = score >= 0.5");
            }
            assertEquals(auroc, RankingMetrics.of(defectScores, truth).auroc(), 0.02);
            List<RunScorer.HeatMap> maps = model.heatMaps(images.subList(0, 2), 2);
            assertEquals(2, maps.size());
            assertTrue(maps.get(0).high() > maps.get(0).low());
        }

        // a run whose anomaly.json predates the upsampling field is scored with the 2 x 2 repeat it was fitted with
        assertEquals(PatchFeatures.Upsampling.BILINEAR, AnomalyFiles.read(run).upsampling());
        Path settings = run.resolve(AnomalyFiles.SETTINGS);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode old =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(settings.toFile());
        old.remove("upsampling");
        json.writeValue(settings.toFile(), old);
        assertEquals(PatchFeatures.Upsampling.NEAREST, AnomalyFiles.read(run).upsamplingOrOld());
        try (AnomalyScorer scorer = (AnomalyScorer) FitMethods.get(method).load(info, run, ModelRegistry.defaults())) {
            double[] nearest = scorer.scores(defects, 2, QUIET, true).image();
            assertFalse(java.util.Arrays.equals(bilinear, nearest), "the old run's features are upsampled as it was fitted");
        }
    }

    @Test
    void refusesDataWithoutNormalClasses(@TempDir Path dir) throws Exception {
        Path parts = generate(dir.resolve("parts"), 6, 6, new HashMap<>());
        PreparedData data = PreparedData.prepare(DataOptions.of(parts), 2, QUIET);
        TrainConfig config = TrainConfig.builder().model("resnet18").inputSize(SIZE).method("patchcore").quiet(true).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Trainer(ModelRegistry.defaults(), QUIET)
                .train(config, data.data(), data.split(), data.normalClasses(), dir.resolve("run"), false));
        assertTrue(e.getMessage().contains("--normal-classes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.builder().coresetRatio(1.5f).build());
    }

    private static boolean peakInside(float[][] map, int[] box) {
        int rows = map.length;
        int[] peak = AnomalyScores.peak(map);
        int by = peak[0];
        int bx = peak[1];
        // centre of the peak cell in image pixels, with one cell of slack for the 3x3 neighbourhood
        double cell = (double) SIZE / rows;
        double cy = (by + 0.5) * cell;
        double cx = (bx + 0.5) * cell;
        return cy >= box[0] - cell && cy <= box[0] + DEFECT + cell && cx >= box[1] - cell && cx <= box[1] + DEFECT + cell;
    }

    private static Path generate(Path root, int ok, int ng, Map<Path, int[]> defectAt) {
        Random rng = new Random(7);
        for (int i = 0; i < ok; i++) {
            ToyImages.write(stripes(SIZE, false, rng), root.resolve("ok").resolve("ok-" + i + ".png"));
        }
        for (int i = 0; i < ng; i++) {
            BufferedImage img = stripes(SIZE, false, rng);
            int y = rng.nextInt(SIZE - DEFECT);
            int x = rng.nextInt(SIZE - DEFECT);
            img.getGraphics().drawImage(stripes(DEFECT, true, rng), x, y, null);
            Path file = root.resolve("ng").resolve("ng-" + i + ".png");
            ToyImages.write(img, file);
            defectAt.put(file, new int[]{y, x});
        }
        return root;
    }

    /** Stripes of period 8 at a random phase with pixel noise: one normal texture, as a part's surface is. */
    private static BufferedImage stripes(int size, boolean vertical, Random rng) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        double phase = rng.nextDouble() * 2 * Math.PI;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double v = 0.5 + 0.3 * Math.sin(2 * Math.PI * (vertical ? x : y) / 8 + phase) + 0.05 * rng.nextGaussian();
                int g = (int) Math.max(0, Math.min(255, v * 255));
                img.setRGB(x, y, (g << 16) | (g << 8) | g);
            }
        }
        return img;
    }
}
