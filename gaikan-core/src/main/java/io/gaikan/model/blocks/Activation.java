package io.gaikan.model.blocks;

import ai.djl.ndarray.NDArray;

/** The activations of the zoo's families. SiLU is timm's 'swish' (x * sigmoid(x)). */
public enum Activation {
    NONE, RELU, RELU6, SILU;

    public NDArray apply(NDArray x) {
        return switch (this) {
            case NONE -> x;
            case RELU -> ai.djl.nn.Activation.relu(x);
            // clamp(x, 0, 6) is torch's relu6 (hardtanh 0..6) in one op
            case RELU6 -> x.clip(0f, 6f);
            case SILU -> {
                NDArray gate = ai.djl.nn.Activation.sigmoid(x);
                NDArray y = x.mul(gate);
                gate.close();
                yield y;
            }
        };
    }
}
