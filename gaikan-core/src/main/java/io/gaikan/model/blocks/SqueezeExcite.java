package io.gaikan.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.gaikan.model.flops.FeatureMap;
import io.gaikan.model.flops.FlopCounter;
import io.gaikan.model.layers.Conv2dLayer;
import io.gaikan.model.layers.Layer;

/**
 * Squeeze-and-excitation as in timm's EfficientNet blocks: mean over H and W, {@code conv_reduce} 1x1 (bias), act,
 * {@code conv_expand} 1x1 (bias), sigmoid, scale the input channels.
 */
public final class SqueezeExcite extends Layer {

    private final Conv2dLayer reduce;
    private final Conv2dLayer expand;
    private final Activation act;

    public SqueezeExcite(int channels, int reduced, Activation act) {
        this.reduce = addChildBlock("conv_reduce", new Conv2dLayer(channels, reduced, 1, 1, 1, true));
        this.expand = addChildBlock("conv_expand", new Conv2dLayer(reduced, channels, 1, 1, 1, true));
        this.act = act;
    }

    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray pooled = Pool.globalAvgPool2d(x);
        NDArray s = Sequence.release(pooled, pooled.reshape(x.getShape().get(0), x.getShape().get(1), 1, 1));
        s = Sequence.release(s, reduce.forward(ps, s, training));
        s = Sequence.release(s, act.apply(s));
        s = Sequence.release(s, expand.forward(ps, s, training));
        s = Sequence.release(s, ai.djl.nn.Activation.sigmoid(s));
        return Sequence.release(s, x.mul(s));
    }

    public void countFlops(FeatureMap in, FlopCounter counter) {
        FeatureMap pooled = new FeatureMap(in.channels(), 1, 1);
        counter.conv(expand, counter.conv(reduce, pooled));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training));
    }
}
