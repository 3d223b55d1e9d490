package io.gaikan.anomaly;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.util.NDImageUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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

    /**
     * How a coarser stage is brought to the first stage's grid. BILINEAR, as PatchCore does, lets a feature vary inside
     * a coarse cell, so the map's maximum can fall between cell centres (on CG scratches it lay on the scratch about 7
     * points more often than with NEAREST); NEAREST is how runs were fitted before anomaly.json recorded it.
     */
    enum Upsampling { NEAREST, BILINEAR }

    private static final int BATCH = 16;

    private final ImageClassifier network;
    private final List<String> stages;
    private final int inputSize;
    private final Upsampling upsampling;

    PatchFeatures(ImageClassifier network, List<String> stages, int inputSize, Upsampling upsampling) {
        this.network = network;
        this.stages = List.copyOf(stages);
        this.inputSize = inputSize;
        this.upsampling = upsampling;
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

    Upsampling upsampling() {
        return upsampling;
    }

    /** Patch features of a batch of images (N, 3, S, S): shape (N, H, W, C) on the images' manager. */
    NDArray extract(ParameterStore ps, NDArray images) {
        NDList maps = network.forwardStages(ps, images, stages, false);
        int h = (int) maps.get(0).getShape().get(2);
        int w = (int) maps.get(0).getShape().get(3);
        NDList parts = new NDList(maps.size());
        for (NDArray map : maps) {
            NDArray local = Pool.avgPool2d(map, new Shape(3, 3), new Shape(1, 1), new Shape(1, 1), false, true)
                    .transpose(0, 2, 3, 1);
            int factor = (int) (h / local.getShape().get(1));
            if (factor == 1) {
                parts.add(local);
            } else if (upsampling == Upsampling.BILINEAR) {
                parts.add(NDImageUtils.resize(local, w, h, Image.Interpolation.BILINEAR));
            } else {
                parts.add(local.repeat(1, factor).repeat(2, factor));
            }
        }
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 3);
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
