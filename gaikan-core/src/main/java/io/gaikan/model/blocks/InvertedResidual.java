package io.gaikan.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import io.gaikan.model.flops.FeatureMap;
import io.gaikan.model.flops.FlopCounter;
import io.gaikan.model.layers.BatchNorm2d;
import io.gaikan.model.layers.Conv2dLayer;

/**
 * timm's InvertedResidual (MBConv): {@code conv_pw} 1x1 -> {@code bn1}+act -> {@code conv_dw} kxk/s -> {@code bn2}+act
 * -> [{@code se}] -> {@code conv_pwl} 1x1 -> {@code bn3} (no act); skip iff stride 1 and in == out.
 */
public final class InvertedResidual extends ResidualBlock {

    private final ConvBnAct pw;
    private final ConvBnAct dw;
    private final SqueezeExcite se;
    private final ConvBnAct pwl;
    private final boolean hasSkip;

    /** @param seReduced width of the SE bottleneck, 0 for no SE */
    public InvertedResidual(int in, int mid, int out, int kernel, int stride, int seReduced, Activation act,
                            float dropPathRate) {
        super(dropPathRate, Activation.NONE);
        pw = new ConvBnAct(addChildBlock("conv_pw", Conv2dLayer.plain(in, mid, 1, 1)),
                addChildBlock("bn1", new BatchNorm2d(mid)), act);
        dw = new ConvBnAct(addChildBlock("conv_dw", Conv2dLayer.depthwise(mid, kernel, stride)),
                addChildBlock("bn2", new BatchNorm2d(mid)), act);
        se = seReduced > 0 ? addChildBlock("se", new SqueezeExcite(mid, seReduced, act)) : null;
        pwl = new ConvBnAct(addChildBlock("conv_pwl", Conv2dLayer.plain(mid, out, 1, 1)),
                addChildBlock("bn3", new BatchNorm2d(out)), Activation.NONE);
        hasSkip = stride == 1 && in == out;
    }

    @Override
    protected NDArray branch(ParameterStore ps, NDArray x, boolean training) {
        NDArray expanded = pw.forward(ps, x, training);
        NDArray y = Sequence.release(expanded, dw.forward(ps, expanded, training));
        if (se != null) {
            y = Sequence.release(y, se.forward(ps, y, training));
        }
        return Sequence.release(y, pwl.forward(ps, y, training));
    }

    @Override
    protected NDArray shortcut(ParameterStore ps, NDArray x, boolean training) {
        return hasSkip ? x : null;
    }

    @Override
    public FeatureMap countFlops(FeatureMap in, FlopCounter counter) {
        FeatureMap y = dw.countFlops(pw.countFlops(in, counter), counter);
        if (se != null) {
            se.countFlops(y, counter);
        }
        return pwl.countFlops(y, counter);
    }
}
