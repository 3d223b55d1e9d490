package io.gaikan.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gaikan.augment.Pipelines;
import io.gaikan.data.DataOptions;
import io.gaikan.data.FloatImage;
import io.gaikan.data.ImageDecoder;
import io.gaikan.data.PreparedData;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelRegistry;
import io.gaikan.synth.SynthConfig;
import io.gaikan.synth.Synthesizer;
import io.gaikan.testing.Shared;
import io.gaikan.train.NetworkScorer;
import io.gaikan.train.RunInfo;
import io.gaikan.train.RunScorer;
import io.gaikan.train.TrainConfig;
import io.gaikan.train.TrainMode;
import io.gaikan.train.TrainResult;
import io.gaikan.train.TrainedModel;
import io.gaikan.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Grad-CAM of a briefly fine-tuned MobileNetV2 (ImageNet weights from ../shared) on generated scratches, whose masks
 * say where every scratch is: the map's peak lies on the scratch in most defect images, far more often than a random
 * cell would, and occlusion sensitivity (no gradients) peaks in the same place.
 */
class GradCamLocalisationTest {

    private static final int SIZE = 128;
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void heatMapPeaksLieOnTheScratches(@TempDir Path dir) throws Exception {
        Path weights = Shared.require("weights/mobilenetv2_100.imagenet.safetensors");
        Path images = dir.resolve("cg");
        Path masks = dir.resolve("masks");
        new Synthesizer(SynthConfig.of(SIZE, 11)).writeDataset(images, 240, 2, 0, masks);
        PreparedData data = PreparedData.prepare(DataOptions.of(images).withNormalClasses("ok"), 2, QUIET);
        TrainConfig config = TrainConfig.builder().model("mobilenetv2_100").inputSize(SIZE).init("imagenet")
                .weightsFile(weights.toString()).mode(TrainMode.FINETUNE).freezeBn(true).lr(1e-4f).epochs(5)
                .quiet(true).threads(2).build();
        Path run = dir.resolve("run");
        TrainResult result = new Trainer(ModelRegistry.defaults(), QUIET)
                .train(config, data.data(), data.split(), data.normalClasses(), run, false);

        List<Path> defects = data.split().test().stream().filter(p -> p.getParent().getFileName().toString().equals("ng")).toList();
        int gradCamHits = 0;
        int occlusionHits = 0;
        int agree = 0;
        double chance = 0;
        try (TrainedModel model = TrainedModel.load(run, ModelRegistry.defaults());
             NDManager manager = NDManager.newBaseManager()) {
            List<RunScorer.HeatMap> maps = model.heatMaps(defects, 2);
            ImageClassifier net = NetworkScorer.rebuild(RunInfo.read(run), run.resolve("model.safetensors"),
                    ModelRegistry.defaults(), manager);
            Occlusion occlusion = new Occlusion(net, maps.get(0).values().length);
            for (int i = 0; i < defects.size(); i++) {
                boolean[][] mask = mask(masks.resolve("ng").resolve(defects.get(i).getFileName()));
                float[][] cam = maps.get(i).values();
                float[][] occluded;
                try (NDManager step = manager.newSubManager()) {
                    FloatImage in = Pipelines.eval(SIZE).apply(ImageDecoder.readFloat(defects.get(i)), 0L);
                    NDArray x = step.create(in.data(), new Shape(1, 3, SIZE, SIZE));
                    occluded = occlusion.maps(x, CamTarget.group(List.of(data.data().classes().indexOf("ng")))).get(0);
                }
                int[] camPeak = peak(cam);
                int[] occPeak = peak(occluded);
                gradCamHits += onScratch(mask, camPeak, cam.length) ? 1 : 0;
                occlusionHits += onScratch(mask, occPeak, cam.length) ? 1 : 0;
                // within 32 px: one cell of a stride-32 map, two of the stride-16 map Grad-CAM weighs by default
                int tolerance = Math.max(1, cam.length * 32 / SIZE);
                agree += Math.abs(camPeak[0] - occPeak[0]) <= tolerance && Math.abs(camPeak[1] - occPeak[1]) <= tolerance ? 1 : 0;
                chance += scratchCells(mask, cam.length);
            }
        }
        int n = defects.size();
        chance /= n;
        String summary = String.format("test accuracy %.3f; of %d defect images the Grad-CAM peak is on the scratch in %d,"
                        + " the occlusion peak in %d, both peaks within 32 px in %d; a random cell would be in %.1f",
                result.mainMetrics().accuracy(), n, gradCamHits, occlusionHits, agree, chance * n);
        System.out.println(summary);
        assertTrue(gradCamHits >= 0.6 * n, summary);
        assertTrue(gradCamHits >= chance * n + 0.15 * n, summary);
        assertTrue(agree >= 0.6 * n, summary);
    }

    private static boolean[][] mask(Path file) throws Exception {
        BufferedImage image = ImageIO.read(file.toFile());
        boolean[][] mask = new boolean[image.getHeight()][image.getWidth()];
        for (int y = 0; y < mask.length; y++) {
            for (int x = 0; x < mask[0].length; x++) {
                mask[y][x] = (image.getRGB(x, y) & 0xff) > 127;
            }
        }
        return mask;
    }

    private static int[] peak(float[][] map) {
        int[] best = {0, 0};
        for (int y = 0; y < map.length; y++) {
            for (int x = 0; x < map[0].length; x++) {
                if (map[y][x] > map[best[0]][best[1]]) {
                    best = new int[]{y, x};
                }
            }
        }
        return best;
    }

    /** Whether cell (row, column) of a grid x grid map covers a scratch pixel. */
    private static boolean onScratch(boolean[][] mask, int[] cell, int grid) {
        int h = mask.length;
        int w = mask[0].length;
        for (int y = cell[0] * h / grid; y < (cell[0] + 1) * h / grid; y++) {
            for (int x = cell[1] * w / grid; x < (cell[1] + 1) * w / grid; x++) {
                if (mask[y][x]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Share of the grid's cells that cover a scratch pixel: how often a random peak would be "on the scratch". */
    private static double scratchCells(boolean[][] mask, int grid) {
        int cells = 0;
        for (int gy = 0; gy < grid; gy++) {
            for (int gx = 0; gx < grid; gx++) {
                cells += onScratch(mask, new int[]{gy, gx}, grid) ? 1 : 0;
            }
        }
        return cells / (double) (grid * grid);
    }
}
