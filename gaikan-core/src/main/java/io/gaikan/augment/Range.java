package io.gaikan.augment;

import java.util.random.RandomGenerator;

/** A closed interval of reals, written {@code lo-hi} (or one number when {@code lo == hi}). */
public record Range(double lo, double hi) {

    public Range {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi) {
            throw new IllegalArgumentException("bad range " + lo + "-" + hi + " (need finite lo <= hi)");
        }
        lo += 0.0; // -0.0 becomes 0.0 so that printing and parsing back gives an equal record
        hi += 0.0;
    }

    public static Range of(double value) {
        return new Range(value, value);
    }

    /** Uniform in [lo, hi). */
    public double sample(RandomGenerator rng) {
        return lo == hi ? lo : lo + (hi - lo) * rng.nextDouble();
    }

    @Override
    public String toString() {
        return lo == hi ? Specs.number(lo) : Specs.number(lo) + "-" + Specs.number(hi);
    }
}
