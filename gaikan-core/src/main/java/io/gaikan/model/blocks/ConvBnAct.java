package io.gaikan.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import io.gaikan.model.flops.FeatureMap;
import io.gaikan.model.flops.FlopCounter;
import io.gaikan.model.layers.BatchNorm2d;
import io.gaikan.model.layers.Conv2dLayer;

/**
 * Convolution, BatchNorm, activation. Not a block of its own: the conv and BN are children of the enclosing module
 * under their timm names ({@code conv_pw}/{@code bn1}), just as timm's BatchNormAct2d adds no {@code .bn.} level.
 * Build it from the values {@code addChildBlock} returns.
 */
public record ConvBnAct(Conv2dLayer conv, BatchNorm2d bn, Activation act) {

    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray c = conv.forward(ps, x, training);
        NDArray b = Sequence.release(c, bn.forward(ps, c, training));
        return Sequence.release(b, act.apply(b));
    }

    public FeatureMap countFlops(FeatureMap in, FlopCounter counter) {
        return counter.conv(conv, in);
    }

    public int outChannels() {
        return (int) conv.weightShape().get(0);
    }
}
