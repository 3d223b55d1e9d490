package io.gaikan.augment;

import io.gaikan.data.FloatImage;

import java.util.SplittableRandom;

/** Small generated inputs for the augmentation tests. */
final class SampleImages {

    private SampleImages() {
    }

    /** Uniform random values in [0, 1). */
    static FloatImage random(int channels, int height, int width, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] d = new float[channels * height * width];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rng.nextDouble();
        }
        return new FloatImage(channels, height, width, d);
    }

    /** Every value distinct: value = index / size, so positions can be traced through geometric ops. */
    static FloatImage indexed(int channels, int height, int width) {
        float[] d = new float[channels * height * width];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) i / d.length;
        }
        return new FloatImage(channels, height, width, d);
    }

    static void assertInUnitRange(FloatImage img, String what) {
        for (float v : img.data()) {
            if (!(v >= 0f && v <= 1f)) {
                throw new AssertionError(what + ": value " + v + " outside [0, 1]");
            }
        }
    }
}
