package io.gaikan.fewshot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.gaikan.data.Sample;
import io.gaikan.model.ImageClassifier;
import io.gaikan.train.ImageBatches;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * One vector per image from a frozen backbone: the global average of several stages' feature maps, each stage scaled
 * to unit length (so a 32-channel texture stage counts as much as the 1280-channel head) and the whole divided by the
 * square root of the stage count (unit length again). Mid-level stages describe the textures that surface defects
 * are; the last one describes objects.
 *
 * <p>Views are the image and its mirror images ({@link #VIEWS}): flips leave a surface defect a defect of the same
 * kind, so they serve as support-set augmentation and as test-time augmentation at the price of one more forward pass
 * each.
 */
public final class PooledFeatures {

    /** The views, in order: the image, mirrored left-right, mirrored top-bottom, both. */
    public static final List<String> VIEWS = List.of("identity", "hflip", "vflip", "hvflip");

    private static final int BATCH = 16;

    private final ImageClassifier network;
    private final List<String> stages;
    private final int inputSize;

    public PooledFeatures(ImageClassifier network, List<String> stages, int inputSize) {
        this.network = network;
        this.stages = List.copyOf(stages);
        this.inputSize = inputSize;
    }

    /**
     * The stages of {@code --feature-stages}, or the default for the model's family: timm's feature stages 2-4 and the
     * head convolution where there is one (MobileNetV2, EfficientNet: blocks.2, blocks.4, blocks.6, conv_head; ResNet:
     * layer2, layer3, layer4); an empty list (the pooled features the classifier head sees) for models that expose no
     * stages.
     */
    public static List<String> stages(String setting, ImageClassifier network) {
        if (setting != null && !setting.isBlank()) {
            return Arrays.stream(setting.split(",")).map(String::trim).toList();
        }
        List<String> all = network.stageNames();
        if (all.contains("layer4")) {
            return List.of("layer2", "layer3", "layer4");
        }
        if (all.containsAll(List.of("blocks.2", "blocks.4", "blocks.6", "conv_head"))) {
            return List.of("blocks.2", "blocks.4", "blocks.6", "conv_head");
        }
        return List.of();
    }

    public List<String> stages() {
        return stages;
    }

    /**
     * Features of every sample in the first {@code views} of {@link #VIEWS}: {@code [view][sample][dimension]}.
     */
    public float[][][] extract(List<Sample> samples, int views, NDManager manager, int threads, String label,
                               PrintStream out, boolean quiet) {
        if (views < 1 || views > VIEWS.size()) {
            throw new IllegalArgumentException("views must be 1.." + VIEWS.size() + ", got " + views);
        }
        float[][][] rows = new float[views][samples.size()][];
        ParameterStore ps = new ParameterStore(manager, false);
        new ImageBatches(inputSize, BATCH).forEach(samples, manager, threads, label, out, quiet, (indices, images) -> {
            for (int v = 0; v < views; v++) {
                NDArray x = switch (v) {
                    case 0 -> images;
                    case 1 -> images.flip(3);
                    case 2 -> images.flip(2);
                    default -> images.flip(2).flip(3);
                };
                float[] flat = pooled(ps, x).toFloatArray();
                int dim = flat.length / indices.length;
                for (int b = 0; b < indices.length; b++) {
                    rows[v][indices[b]] = Arrays.copyOfRange(flat, b * dim, (b + 1) * dim);
                }
            }
        });
        return rows;
    }

    /**
     * Where in each image the evidence for a direction of the feature space lies: a map over the finest stage's grid
     * whose mean is {@code weights[i]} . (image i's pooled vector before centring). Each stage's share is the weighted
     * sum of its channels at every position (pooling is a mean, so this splits the score exactly), repeated up to the
     * finest grid. Models without named stages have no such maps.
     */
    public float[][][] evidenceMaps(List<Sample> samples, double[][] weights, NDManager manager, int threads,
                                    PrintStream out, boolean quiet) {
        if (stages.isEmpty()) {
            throw new UnsupportedOperationException("few-shot heads on a model without named stages draw no heat maps");
        }
        float[][][] result = new float[samples.size()][][];
        ParameterStore ps = new ParameterStore(manager, false);
        new ImageBatches(inputSize, BATCH).forEach(samples, manager, threads, "heat maps", out, quiet, (indices, images) -> {
            NDManager scope = images.getManager();
            NDList maps = network.forwardStages(ps, images, stages, false);
            long side = maps.stream().mapToLong(m -> m.getShape().get(2)).max().orElseThrow();
            NDArray total = null;
            int offset = 0;
            for (NDArray map : maps) {
                int channels = (int) map.getShape().get(1);
                float[] w = new float[indices.length * channels];
                for (int b = 0; b < indices.length; b++) {
                    for (int ch = 0; ch < channels; ch++) {
                        w[b * channels + ch] = (float) weights[indices[b]][offset + ch];
                    }
                }
                offset += channels;
                NDArray norm = map.mean(new int[]{3}).mean(new int[]{2}).norm(new int[]{1}, true).add(1e-12f)
                        .mul(Math.sqrt(stages.size())).reshape(-1, 1, 1);
                NDArray share = map.mul(scope.create(w, new ai.djl.ndarray.types.Shape(indices.length, channels, 1, 1)))
                        .sum(new int[]{1}).div(norm);
                int factor = (int) (side / map.getShape().get(2));
                NDArray fine = factor > 1 ? share.repeat(1, factor).repeat(2, factor) : share;
                total = total == null ? fine : total.add(fine);
            }
            float[] flat = total.toFloatArray();
            int cells = (int) (side * side);
            for (int b = 0; b < indices.length; b++) {
                float[][] map = new float[(int) side][(int) side];
                for (int y = 0; y < side; y++) {
                    System.arraycopy(flat, b * cells + y * (int) side, map[y], 0, (int) side);
                }
                result[indices[b]] = map;
            }
        });
        return result;
    }

    /** (N, dimension) on the images' manager. */
    private NDArray pooled(ParameterStore ps, NDArray images) {
        if (stages.isEmpty()) {
            return unit(network.forwardFeatures(ps, images, false));
        }
        NDList maps = network.forwardStages(ps, images, stages, false);
        NDList parts = new NDList(maps.size());
        for (NDArray map : maps) {
            parts.add(unit(map.mean(new int[]{3}).mean(new int[]{2})));
        }
        NDArray joined = parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 1);
        return joined.div(Math.sqrt(parts.size()));
    }

    private static NDArray unit(NDArray rows) {
        return rows.div(rows.norm(new int[]{1}, true).add(1e-12f));
    }
}
