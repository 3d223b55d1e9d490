package io.gaikan.model.vgg;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelOptions;
import io.gaikan.model.blocks.Activation;
import io.gaikan.model.blocks.ActivationLayer;
import io.gaikan.model.blocks.MaxPool;
import io.gaikan.model.blocks.Sequence;
import io.gaikan.model.flops.CountsFlops;
import io.gaikan.model.flops.FeatureMap;
import io.gaikan.model.flops.FlopCounter;
import io.gaikan.model.layers.BatchNorm2d;
import io.gaikan.model.layers.Conv2dLayer;
import io.gaikan.model.layers.NamedSequential;

/**
 * VGG with timm's structure: {@code features.N} (torchvision's indices: 3x3 conv with bias, [BN], ReLU, 2x2 max
 * pool), {@code pre_logits} (a {@link ConvMlp}: 7x7 conv 512->4096, 1x1 conv), global average pool, {@code head.fc}.
 */
public final class Vgg extends ImageClassifier implements CountsFlops {

    /**
     * @param preLogitsWidth width of the ConvMlp and of the pooled features (4096 in VGG)
     * @param layers         widths of the 3x3 convs in order; {@link #POOL} marks a max pool
     */
    public record Arch(boolean batchNorm, int preLogitsWidth, int... layers) {
    }

    public static final int POOL = 0;

    private final NamedSequential features = new NamedSequential();
    private final ConvMlp preLogits;
    private final int featureDim;

    public Vgg(Arch arch, ModelOptions options) {
        super(options);
        int in = 3;
        for (int width : arch.layers()) {
            if (width == POOL) {
                features.add(new MaxPool(2, 2, 0));
                continue;
            }
            features.add(new Conv2dLayer(in, width, 3, 1, 1, true, 1));
            if (arch.batchNorm()) {
                features.add(new BatchNorm2d(width));
            }
            features.add(new ActivationLayer(Activation.RELU));
            in = width;
        }
        addChildBlock("features", features);
        featureDim = arch.preLogitsWidth();
        preLogits = addChildBlock("pre_logits", new ConvMlp(in, featureDim, 7, options.dropRate()));
        addHeads("head.fc");
    }

    /** The pre-logits map (ConvMlp output), the last map before pooling, so every parameter is used. */
    @Override
    public NDArray forwardFeatureMap(ParameterStore ps, NDArray x, boolean training) {
        NDArray y = Sequence.forward(features, ps, x, training);
        return Sequence.release(y, preLogits.forward(ps, y, training), x);
    }

    @Override
    public int featureDim() {
        return featureDim;
    }

    @Override
    public FeatureMap countFlops(FeatureMap in, FlopCounter counter) {
        FeatureMap x = in;
        for (int i = 0; i < features.size(); i++) {
            Block layer = features.get(i);
            if (layer instanceof Conv2dLayer conv) {
                x = counter.conv(conv, x);
            } else if (layer instanceof CountsFlops costed) {
                x = costed.countFlops(x, counter);
            }
        }
        return preLogits.countFlops(x, counter);
    }
}
