package io.gaikan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.Map;

/**
 * Updates parameters in place from their gradients. Its state (momentum, moments, step count) is exposed by name
 * so that a checkpoint can save it and a resumed run continues bit for bit.
 */
public interface Optimizer {

    /**
     * @param name        the parameter's PyTorch-style name (keys the state)
     * @param weight      the parameter, updated in place
     * @param gradient    its gradient
     * @param lr          the learning rate for this step
     * @param decay       whether weight decay applies (not to biases and norm parameters, as timm does)
     */
    void update(String name, NDArray weight, NDArray gradient, float lr, boolean decay);

    /** State arrays by key; owned by the optimizer. */
    Map<String, NDArray> state();

    /** Replaces the state with copies of {@code saved} placed in {@code manager}. */
    void load(Map<String, NDArray> saved, NDManager manager);
}
