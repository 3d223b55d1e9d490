package io.gaikan.anomaly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import io.gaikan.data.Sample;
import io.gaikan.model.ImageClassifier;
import io.gaikan.train.ImageBatches;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
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
        ParameterStore ps = new ParameterStore(manager, false);
        new ImageBatches(inputSize, BATCH).forEach(samples, manager, threads, label, out, quiet,
                (indices, images) -> sink.accept(indices, extract(ps, images)));
    }
}
