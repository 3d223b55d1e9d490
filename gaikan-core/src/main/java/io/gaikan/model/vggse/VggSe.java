package io.gaikan.model.vggse;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelOptions;
import io.gaikan.model.flops.CountsFlops;
import io.gaikan.model.flops.FeatureMap;
import io.gaikan.model.flops.FlopCounter;

import java.util.ArrayList;
import java.util.List;

/**
 * The lab's conventional branch (seed 000): VGG-style, 12 convolution layers and 4 pooling layers, with skip
 * connections and squeeze-and-excitation blocks. Four {@link VggSeStage}s of three 3x3 conv-BN-ReLU layers each
 * ({@code stages.0} .. {@code stages.3}, widths 32, 64, 128, 256), each ending in 2x2 max pooling, so a 160x160 view
 * gives a 256 x 10 x 10 feature map. The widths are half of VGG's (64..512): the seed gives the layer counts only,
 * and the branch is trained from scratch on small datasets. SE reduces to max(8, width / 16) channels.
 */
public final class VggSe extends ImageClassifier implements CountsFlops {

    static final int[] WIDTHS = {32, 64, 128, 256};
    static final int MIN_INPUT = 16;

    private final List<VggSeStage> stages = new ArrayList<>();

    public VggSe(ModelOptions options) {
        super(options);
        int in = 3;
        for (int s = 0; s < WIDTHS.length; s++) {
            stages.add(addChildBlock("stages." + s, new VggSeStage(in, WIDTHS[s], Math.max(8, WIDTHS[s] / 16))));
            in = WIDTHS[s];
        }
        addHeads("fc");
    }

    @Override
    public NDArray forwardFeatureMap(ParameterStore ps, NDArray x, boolean training) {
        long side = Math.min(x.getShape().get(2), x.getShape().get(3));
        if (side < MIN_INPUT) {
            throw new IllegalArgumentException("vggse needs inputs of at least " + MIN_INPUT + " px (four 2x2 poolings), got " + side);
        }
        NDArray y = x;
        for (VggSeStage stage : stages) {
            y = stage.forward(ps, y, training);
        }
        return y;
    }

    @Override
    public int featureDim() {
        return WIDTHS[WIDTHS.length - 1];
    }

    @Override
    public FeatureMap countFlops(FeatureMap in, FlopCounter counter) {
        FeatureMap y = in;
        for (VggSeStage stage : stages) {
            y = stage.countFlops(y, counter);
        }
        return y;
    }
}
