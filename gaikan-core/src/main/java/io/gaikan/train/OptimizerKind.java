package io.gaikan.train;

import ai.djl.ndarray.NDManager;

/** The optimisers a run can name. */
public enum OptimizerKind {
    SGD, ADAM, ADAMW;

    public Optimizer create(TrainConfig config, NDManager manager) {
        return switch (this) {
            case SGD -> new Sgd(manager, config.momentum(), config.nesterov(), config.weightDecay());
            case ADAM -> new Adam(manager, 0.9f, 0.999f, 1e-8f, config.weightDecay(), false);
            case ADAMW -> new Adam(manager, 0.9f, 0.999f, 1e-8f, config.weightDecay(), true);
        };
    }
}
