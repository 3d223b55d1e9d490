package io.gaikan.linear;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LbfgsTest {

    @Test
    void lbfgsFindsTheMinimumOfRosenbrocksValley() {
        Lbfgs.Objective rosenbrock = (x, g) -> {
            double a = 1 - x[0];
            double b = x[1] - x[0] * x[0];
            g[0] = -2 * a - 400 * x[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        };
        Lbfgs.Result r = Lbfgs.minimise(rosenbrock, new double[]{-1.2, 1}, 500, 1e-8);
        assertTrue(r.converged(), "converged in " + r.iterations());
        assertEquals(1, r.x()[0], 1e-5);
        assertEquals(1, r.x()[1], 1e-5);
    }
}
