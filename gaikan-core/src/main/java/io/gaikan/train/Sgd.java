package io.gaikan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** PyTorch's SGD: {@code g += wd*w; buf = momentum*buf + g; step = nesterov ? g + momentum*buf : buf; w -= lr*step}. */
final class Sgd extends StatefulOptimizer {

    private final float momentum;
    private final boolean nesterov;
    private final float weightDecay;

    Sgd(NDManager manager, float momentum, boolean nesterov, float weightDecay) {
        super(manager);
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
    }

    @Override
    public void update(String name, NDArray weight, NDArray gradient, float lr, boolean decay) {
        try (NDManager tmp = manager.newSubManager()) {
            NDArray g = gradient;
            if (decay && weightDecay > 0) {
                g = scratch(tmp, g.add(scratch(tmp, weight.mul(weightDecay))));
            }
            NDArray step = g;
            if (momentum > 0) {
                NDArray buf = slot(name + ".momentum", weight);
                buf.muli(momentum).addi(g);
                step = nesterov ? scratch(tmp, g.add(scratch(tmp, buf.mul(momentum)))) : buf;
            }
            weight.subi(scratch(tmp, step.mul(lr)));
        }
    }
}
