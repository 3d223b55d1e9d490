package io.gaikan.model.blocks;

import ai.djl.ndarray.NDArray;

/**
 * The activations of the zoo's families. SiLU is timm's 'swish' (x * sigmoid(x)). SiLU, ReLU and ReLU6 run as single
 * fused PyTorch ops when available ({@link FusedActivations}), else as the equivalent composite ops.
 */
public enum Activation {
    NONE, RELU, RELU6, SILU;

    /**
     * The activation of {@code x}, which it may overwrite (ReLU and ReLU6 run in place): pass a tensor that nothing
     * else reads afterwards and that no backward function needs, such as a convolution's or BatchNorm's fresh output,
     * and release it after.
     */
    public NDArray apply(NDArray x) {
        return switch (this) {
            case NONE -> x;
            case RELU -> FusedActivations.get().map(f -> f.relu(x)).orElseGet(() -> ai.djl.nn.Activation.relu(x));
            case RELU6 -> FusedActivations.get().map(f -> f.relu6(x)).orElseGet(() -> x.clip(0f, 6f));
            case SILU -> FusedActivations.get().map(f -> f.silu(x)).orElseGet(() -> composedSilu(x));
        };
    }

    private static NDArray composedSilu(NDArray x) {
        NDArray gate = ai.djl.nn.Activation.sigmoid(x);
        NDArray y = x.mul(gate);
        gate.close();
        return y;
    }
}
