package io.gaikan.augment;

import io.gaikan.data.FloatImage;

import java.util.random.RandomGenerator;

/**
 * torchvision's ColorJitter: brightness, contrast and saturation factors uniform in {@code [max(0, 1-x), 1+x]}, hue
 * shift uniform in {@code [-hue, hue]} (at most 0.5 turn), applied in a random order; a zero strength skips that
 * adjustment. Token {@code jitter(b[,c[,s[,h]]])}.
 */
public record ColorJitter(double brightness, double contrast, double saturation, double hue) implements Transform {

    public ColorJitter {
        Specs.nonNegative(brightness, "brightness");
        Specs.nonNegative(contrast, "contrast");
        Specs.nonNegative(saturation, "saturation");
        if (!(hue >= 0 && hue <= 0.5)) {
            throw new IllegalArgumentException("hue must be in [0, 0.5], got " + Specs.number(hue));
        }
    }

    @Override
    public FloatImage apply(FloatImage image, RandomGenerator rng) {
        int[] order = {0, 1, 2, 3};
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        FloatImage out = image;
        for (int op : order) {
            out = switch (op) {
                case 0 -> brightness > 0 ? ColorOps.brightness(out, factor(brightness, rng)) : out;
                case 1 -> contrast > 0 ? ColorOps.contrast(out, factor(contrast, rng)) : out;
                case 2 -> saturation > 0 ? ColorOps.saturation(out, factor(saturation, rng)) : out;
                default -> hue > 0 ? ColorOps.hue(out, new Range(-hue, hue).sample(rng)) : out;
            };
        }
        return out;
    }

    private static double factor(double strength, RandomGenerator rng) {
        return new Range(Math.max(0, 1 - strength), 1 + strength).sample(rng);
    }

    @Override
    public String toString() {
        return "jitter(" + Specs.number(brightness) + "," + Specs.number(contrast) + ","
                + Specs.number(saturation) + "," + Specs.number(hue) + ")";
    }
}
