package io.gaikan.augment;

import java.math.BigDecimal;
import java.util.random.RandomGenerator;

/** Printing and checking helpers shared by the transforms' spec tokens. */
final class Specs {

    private Specs() {
    }

    /** Shortest plain decimal that parses back to exactly {@code v}: 1 rather than 1.0, 0.0001 rather than 1.0E-4. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).toPlainString();
    }

    static double probability(double p, String what) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " must be a probability in [0, 1], got " + number(p));
        }
        return p;
    }

    static int positive(int v, String what) {
        if (v <= 0) {
            throw new IllegalArgumentException(what + " must be > 0, got " + v);
        }
        return v;
    }

    static double nonNegative(double v, String what) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number >= 0, got " + number(v));
        }
        return v;
    }

    /** True with probability p, drawing nothing when the outcome is certain. */
    static boolean chance(RandomGenerator rng, double p) {
        return p >= 1 || (p > 0 && rng.nextDouble() < p);
    }
}
