package io.gaikan.synth;

import java.util.SplittableRandom;

/** A closed interval that one randomised scene parameter is drawn from (uniformly unless a method says otherwise). */
public record Range(double lo, double hi) {

    public Range {
        if (!(hi >= lo)) {
            throw new IllegalArgumentException("range [" + lo + ", " + hi + "] is empty");
        }
    }

    public static Range of(double lo, double hi) {
        return new Range(lo, hi);
    }

    public double draw(SplittableRandom rng) {
        return lo == hi ? lo : lo + (hi - lo) * rng.nextDouble();
    }

    /** Log-uniform draw, for multiplicative quantities such as scale (lo must be positive). */
    public double drawLog(SplittableRandom rng) {
        return lo == hi ? lo : lo * StrictMath.exp(StrictMath.log(hi / lo) * rng.nextDouble());
    }

    /** Integer draw with both ends included. */
    public int drawInt(SplittableRandom rng) {
        int a = (int) Math.round(lo);
        int b = (int) Math.round(hi);
        return a + rng.nextInt(b - a + 1);
    }
}
