package io.gaikan.augment;

import io.gaikan.data.FloatImage;

import java.util.random.RandomGenerator;

/** Mirrors the image with probability p. Tokens {@code hflip(p)} (left-right) and {@code vflip(p)} (top-bottom). */
public record Flip(Axis axis, double p) implements Transform {

    public enum Axis {
        HORIZONTAL("hflip"), VERTICAL("vflip");

        final String token;

        Axis(String token) {
            this.token = token;
        }
    }

    public Flip {
        Specs.probability(p, axis.token + " probability");
    }

    public static Flip horizontal(double p) {
        return new Flip(Axis.HORIZONTAL, p);
    }

    public static Flip vertical(double p) {
        return new Flip(Axis.VERTICAL, p);
    }

    @Override
    public FloatImage apply(FloatImage image, RandomGenerator rng) {
        if (!Specs.chance(rng, p)) {
            return image;
        }
        return axis == Axis.HORIZONTAL ? mirrorColumns(image) : mirrorRows(image);
    }

    private static FloatImage mirrorColumns(FloatImage image) {
        int w = image.width();
        float[] in = image.data();
        float[] out = new float[in.length];
        for (int row = 0; row < image.channels() * image.height(); row++) {
            int base = row * w;
            for (int x = 0; x < w; x++) {
                out[base + x] = in[base + w - 1 - x];
            }
        }
        return ColorOps.with(image, out);
    }

    private static FloatImage mirrorRows(FloatImage image) {
        int w = image.width();
        int h = image.height();
        float[] in = image.data();
        float[] out = new float[in.length];
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(in, (c * h + h - 1 - y) * w, out, (c * h + y) * w, w);
            }
        }
        return ColorOps.with(image, out);
    }

    @Override
    public String toString() {
        return axis.token + "(" + Specs.number(p) + ")";
    }
}
