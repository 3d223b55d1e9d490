package io.gaikan.anomaly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import io.gaikan.augment.Pipelines;
import io.gaikan.concurrent.ThreadPools;
import io.gaikan.console.ProgressBar;
import io.gaikan.data.Batch;
import io.gaikan.data.BatchLoader;
import io.gaikan.data.ImageCache;
import io.gaikan.data.Sample;
import io.gaikan.model.ImageClassifier;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;

/**
 * PatchCore's locally aware patch features: the feature maps of two mid-level stages of a frozen pretrained backbone,
 * each averaged over a 3x3 neighbourhood (so a patch describes its surroundings, not one receptive-field centre),
 * brought to the first stage's resolution and concatenated. Mid-level stages, because the last stages describe
 * ImageNet objects and the first ones edges; defects are local textures.
 */
final class PatchFeatures {

    private static final int BATCH = 16;

    private final ImageClassifier network;
    private final List<String> stages;
    private final int inputSize;

    PatchFeatures(ImageClassifier network, List<String> stages, int inputSize) {
        this.network = network;
        this.stages = List.copyOf(stages);
        this.inputSize = inputSize;
    }

    /**
     * The stages of {@code --feature-stages}, or PatchCore's choice: the ends of the stride-8 and stride-16 stages
     * (timm's feature stages 2 and 3: ResNet layer2 and layer3, MobileNetV2/EfficientNet blocks.2 and blocks.4).
     */
    static List<String> stages(String setting, ImageClassifier network) {
        if (setting != null && !setting.isBlank()) {
            return Arrays.stream(setting.split(",")).map(String::trim).toList();
        }
        List<String> all = network.stageNames();
        if (all.contains("layer3")) {
            return List.of("layer2", "layer3");
        }
        if (all.contains("blocks.4")) {
            return List.of("blocks.2", "blocks.4");
        }
        throw new IllegalArgumentException("--feature-stages: " + network.getClass().getSimpleName()
                + " has no default stages for anomaly detection; name two of: " + String.join(", ", all));
    }

    List<String> stages() {
        return stages;
    }

    /** Patch features of a batch of images (N, 3, S, S): shape (N, H, W, C) on the images' manager. */
    NDArray extract(ParameterStore ps, NDArray images) {
        NDList maps = network.forwardStages(ps, images, stages, false);
        long h = maps.get(0).getShape().get(2);
        NDList parts = new NDList(maps.size());
        for (NDArray map : maps) {
            NDArray local = Pool.avgPool2d(map, new Shape(3, 3), new Shape(1, 1), new Shape(1, 1), false, true);
            int factor = (int) (h / map.getShape().get(2));
            parts.add(factor > 1 ? local.repeat(2, factor).repeat(3, factor) : local);
        }
        return (parts.size() == 1 ? parts.get(0) : ai.djl.ndarray.NDArrays.concat(parts, 1)).transpose(0, 2, 3, 1);
    }

    /**
     * Runs {@code samples} through the backbone in batches and hands each batch's patch features (N, H, W, C) with the
     * samples' indices to {@code sink}; the features live until {@code sink} returns.
     */
    void forEachBatch(List<Sample> samples, NDManager manager, int threads, String label, PrintStream out, boolean quiet,
                      BiConsumer<int[], NDArray> sink) {
        ExecutorService pool = ThreadPools.fixed(threads, "loader");
        try (ProgressBar bar = ProgressBar.start(label, samples.size(), out, quiet)) {
            BatchLoader loader = new BatchLoader(samples, List.of(Sample::label), Pipelines.eval(inputSize)::apply,
                    new ImageCache(0), pool, BATCH, 2 * Math.max(1, threads));
            ParameterStore ps = new ParameterStore(manager, false);
            for (Iterator<Batch> it = loader.epoch(0, 0, false); it.hasNext(); ) {
                Batch batch = it.next();
                try (NDManager step = manager.newSubManager()) {
                    NDArray x = step.create(batch.pixels(),
                            new Shape(batch.size(), batch.channels(), batch.height(), batch.width()));
                    sink.accept(batch.indices(), extract(ps, x));
                }
                bar.step(batch.size(), Map.of());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
