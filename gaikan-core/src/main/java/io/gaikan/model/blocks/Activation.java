package io.gaikan.model.blocks;

import ai.djl.ndarray.NDArray;

/** The activations of the zoo's families. SiLU is timm's 'swish' (x * sigmoid(x)). */
public enum Activation {
    NONE, RELU, RELU6, SILU;

    public NDArray apply(NDArray x) {
        return switch (this) {
            case NONE -> x;
            case RELU -> ai.djl.nn.Activation.relu(x);
            case RELU6 -> ai.djl.nn.Activation.relu6(x);
            case SILU -> x.mul(ai.djl.nn.Activation.sigmoid(x));
        };
    }
}
