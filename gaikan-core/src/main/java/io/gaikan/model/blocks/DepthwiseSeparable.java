package io.gaikan.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import io.gaikan.model.flops.FeatureMap;
import io.gaikan.model.flops.FlopCounter;
import io.gaikan.model.layers.BatchNorm2d;
import io.gaikan.model.layers.Conv2dLayer;

/**
 * timm's DepthwiseSeparableConv: {@code conv_dw} kxk/s -> {@code bn1}+act -> [{@code se}] -> {@code conv_pw} 1x1 ->
 * {@code bn2} (no act); skip iff stride 1 and in == out.
 */
public final class DepthwiseSeparable extends ResidualBlock {

    private final ConvBnAct dw;
    private final SqueezeExcite se;
    private final ConvBnAct pw;
    private final boolean hasSkip;

    /** @param seReduced width of the SE bottleneck, 0 for no SE */
    public DepthwiseSeparable(int in, int out, int kernel, int stride, int seReduced, Activation act, float dropPathRate) {
        super(dropPathRate, Activation.NONE);
        dw = new ConvBnAct(addChildBlock("conv_dw", Conv2dLayer.depthwise(in, kernel, stride)),
                addChildBlock("bn1", new BatchNorm2d(in)), act);
        se = seReduced > 0 ? addChildBlock("se", new SqueezeExcite(in, seReduced, act)) : null;
        pw = new ConvBnAct(addChildBlock("conv_pw", Conv2dLayer.plain(in, out, 1, 1)),
                addChildBlock("bn2", new BatchNorm2d(out)), Activation.NONE);
        hasSkip = stride == 1 && in == out;
    }

    @Override
    protected NDArray branch(ParameterStore ps, NDArray x, boolean training) {
        NDArray y = dw.forward(ps, x, training);
        if (se != null) {
            y = Sequence.release(y, se.forward(ps, y, training));
        }
        return Sequence.release(y, pw.forward(ps, y, training));
    }

    @Override
    protected NDArray shortcut(ParameterStore ps, NDArray x, boolean training) {
        return hasSkip ? x : null;
    }

    @Override
    public FeatureMap countFlops(FeatureMap in, FlopCounter counter) {
        FeatureMap y = dw.countFlops(in, counter);
        if (se != null) {
            se.countFlops(y, counter);
        }
        return pw.countFlops(y, counter);
    }
}
