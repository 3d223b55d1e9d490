package io.gaikan.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/** 2-D convolution with PyTorch's symmetric static padding {@code ((stride - 1) + dilation * (k - 1)) / 2}. */
public final class Conv2dLayer extends Layer {

    private final int stride;
    private final int padding;
    private final int groups;
    private final Parameter weight;
    private final Parameter bias;

    public Conv2dLayer(int in, int out, int kernel, int stride, int groups, boolean withBias) {
        this(in, out, kernel, stride, groups, withBias, ((stride - 1) + (kernel - 1)) / 2);
    }

    public Conv2dLayer(int in, int out, int kernel, int stride, int groups, boolean withBias, int padding) {
        this.stride = stride;
        this.padding = padding;
        this.groups = groups;
        // He (fan-out) normal, the torchvision/timm default for conv weights.
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(out, in / groups, kernel, kernel))
                .optInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                        XavierInitializer.FactorType.OUT, 2))
                .build());
        bias = withBias ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(out)).optInitializer(new ConstantInitializer(0)).build()) : null;
    }

    public static Conv2dLayer plain(int in, int out, int kernel, int stride) {
        return new Conv2dLayer(in, out, kernel, stride, 1, false);
    }

    public static Conv2dLayer depthwise(int channels, int kernel, int stride) {
        return new Conv2dLayer(channels, channels, kernel, stride, channels, false);
    }

    public int stride() {
        return stride;
    }

    public int padding() {
        return padding;
    }

    public int groups() {
        return groups;
    }

    /** Weight shape {@code [out, in / groups, k, k]}. */
    public Shape weightShape() {
        return weight.getShape();
    }

    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray w = ps.getValue(weight, x.getDevice(), training);
        NDArray b = bias == null ? null : ps.getValue(bias, x.getDevice(), training);
        return Conv2d.conv2d(x, w, b, new Shape(stride, stride), new Shape(padding, padding), new Shape(1, 1), groups)
                .singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training));
    }
}
