package io.gaikan.augment;

import java.util.random.RandomGenerator;

/** A closed interval of integers, written {@code lo-hi} (or one number when {@code lo == hi}). */
public record IntRange(int lo, int hi) {

    public IntRange {
        if (lo > hi) {
            throw new IllegalArgumentException("bad range " + lo + "-" + hi + " (need lo <= hi)");
        }
    }

    public static IntRange of(int value) {
        return new IntRange(value, value);
    }

    /** Uniform over lo..hi inclusive. */
    public int sample(RandomGenerator rng) {
        return lo == hi ? lo : lo + rng.nextInt(hi - lo + 1);
    }

    @Override
    public String toString() {
        return lo == hi ? Integer.toString(lo) : lo + "-" + hi;
    }
}
