package io.gaikan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An optimiser step must leave no array behind: a temporary attached to the weight's (run-long) manager would grow
 * native memory by the size of the model every step, for the whole run.
 */
class OptimizerMemoryTest {

    @Test
    void updatesLeaveNoArraysBehindInAnyConfiguration() {
        for (OptimizerKind kind : OptimizerKind.values()) {
            for (boolean nesterov : new boolean[]{false, true}) {
                TrainConfig config = TrainConfig.builder().optimizer(kind).nesterov(nesterov).weightDecay(0.01f)
                        .momentum(0.9f).build();
                try (NDManager run = NDManager.newBaseManager()) {
                    NDArray weight = run.randomNormal(new Shape(8, 4));
                    Optimizer optimizer = kind.create(config, run);
                    step(optimizer, weight, run);
                    int after1 = run.getManagedArrays().size();
                    for (int i = 0; i < 5; i++) {
                        step(optimizer, weight, run);
                    }
                    assertEquals(after1, run.getManagedArrays().size(), kind + " nesterov " + nesterov + " leaks arrays");
                }
            }
        }
    }

    private static void step(Optimizer optimizer, NDArray weight, NDManager run) {
        try (NDManager step = run.newSubManager()) {
            NDArray gradient = step.randomNormal(weight.getShape());
            optimizer.update("w", weight, gradient, 0.1f, true);
        }
    }
}
