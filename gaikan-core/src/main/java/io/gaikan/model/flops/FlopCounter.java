package io.gaikan.model.flops;

import ai.djl.ndarray.types.Shape;
import io.gaikan.model.layers.Conv2dLayer;
import io.gaikan.model.layers.LinearLayer;
import io.gaikan.model.layers.NamedSequential;

/**
 * Accumulates multiply-adds of one image's forward pass from shapes alone (no tensors are touched). Counts the
 * convolutions and linear layers only, which is the convention behind the usual "ResNet-50 = 4.1 GFLOPs" figures.
 */
public final class FlopCounter {

    private long multiplyAdds;

    public long multiplyAdds() {
        return multiplyAdds;
    }

    public FeatureMap conv(Conv2dLayer conv, FeatureMap in) {
        Shape w = conv.weightShape();
        int out = (int) w.get(0);
        int inPerGroup = (int) w.get(1);
        int k = (int) w.get(2);
        if (inPerGroup * conv.groups() != in.channels()) {
            throw new IllegalStateException("conv expects " + inPerGroup * conv.groups() + " channels, map has " + in.channels());
        }
        FeatureMap result = new FeatureMap(out, outSize(in.height(), k, conv.stride(), conv.padding()),
                outSize(in.width(), k, conv.stride(), conv.padding()));
        multiplyAdds += (long) out * inPerGroup * k * k * result.height() * result.width();
        return result;
    }

    public FeatureMap pool(FeatureMap in, int kernel, int stride, int padding) {
        return new FeatureMap(in.channels(), outSize(in.height(), kernel, stride, padding),
                outSize(in.width(), kernel, stride, padding));
    }

    public void linear(LinearLayer linear) {
        multiplyAdds += (long) linear.inFeatures() * linear.outFeatures();
    }

    /** A chain of blocks run one after another, each of which counts itself. */
    public FeatureMap sequence(NamedSequential blocks, FeatureMap in) {
        FeatureMap x = in;
        for (int i = 0; i < blocks.size(); i++) {
            if (!(blocks.get(i) instanceof CountsFlops block)) {
                throw new IllegalStateException(blocks.get(i).getClass().getSimpleName() + " cannot count its FLOPs");
            }
            x = block.countFlops(x, this);
        }
        return x;
    }

    private static int outSize(int in, int kernel, int stride, int padding) {
        return (in + 2 * padding - kernel) / stride + 1;
    }
}
