package io.gaikan.augment;

import io.gaikan.data.FloatImage;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Cutout as albumentations' CoarseDropout: with probability p, a number of holes drawn from {@code holes}, each of a
 * height and width drawn from {@code height}/{@code width} (a single number means exactly that size, albumentations'
 * default of min = max), placed wholly inside the image and set to {@code fill} in every channel. Holes may overlap.
 * The fill is written into whatever values the image holds at that point of the pipeline (before or after
 * normalisation). Token {@code cutout(holes,h[,w[,fill[,p]]])}, e.g. {@code cutout(4-8,16,16,0)}.
 */
public record Cutout(IntRange holes, IntRange height, IntRange width, double fill, double p) implements Transform {

    public Cutout {
        if (holes.lo() < 0) {
            throw new IllegalArgumentException("number of holes must be >= 0, got " + holes);
        }
        if (height.lo() <= 0 || width.lo() <= 0) {
            throw new IllegalArgumentException("hole sizes must be > 0, got " + height + " x " + width);
        }
        if (!Double.isFinite(fill)) {
            throw new IllegalArgumentException("cutout fill must be finite");
        }
        Specs.probability(p, "cutout probability");
    }

    @Override
    public FloatImage apply(FloatImage image, RandomGenerator rng) {
        if (!Specs.chance(rng, p)) {
            return image;
        }
        int count = holes.sample(rng);
        if (count == 0) {
            return image;
        }
        int h = image.height();
        int w = image.width();
        float[] out = image.data().clone();
        for (int i = 0; i < count; i++) {
            int holeH = Math.min(height.sample(rng), h);
            int holeW = Math.min(width.sample(rng), w);
            int top = rng.nextInt(h - holeH + 1);
            int left = rng.nextInt(w - holeW + 1);
            for (int c = 0; c < image.channels(); c++) {
                for (int y = top; y < top + holeH; y++) {
                    int from = (c * h + y) * w + left;
                    Arrays.fill(out, from, from + holeW, (float) fill);
                }
            }
        }
        return ColorOps.with(image, out);
    }

    @Override
    public String toString() {
        return "cutout(" + holes + "," + height + "," + width + "," + Specs.number(fill)
                + (p == 1 ? "" : "," + Specs.number(p)) + ")";
    }
}
