package io.gaikan.augment;

import io.gaikan.data.FloatImage;

import java.util.random.RandomGenerator;

/**
 * Antialiased bilinear resize. Token {@code resize(S)} scales so the shorter side becomes S keeping the aspect ratio
 * (the longer side is {@code floor(S * long / short)}, as torchvision's Resize(int)); {@code resize(H,W)} gives exactly
 * H x W.
 *
 * @param height       output height, or the shorter side when {@code shorterSide}
 * @param width        output width (equal to height when {@code shorterSide})
 * @param shorterSide  whether only the shorter side is fixed
 */
public record Resize(int height, int width, boolean shorterSide) implements Transform {

    public Resize {
        Specs.positive(height, "resize height");
        Specs.positive(width, "resize width");
        if (shorterSide && height != width) {
            throw new IllegalArgumentException("a shorter-side resize has one size, got " + height + " and " + width);
        }
    }

    public static Resize shorterSide(int size) {
        return new Resize(size, size, true);
    }

    public static Resize exact(int height, int width) {
        return new Resize(height, width, false);
    }

    @Override
    public FloatImage apply(FloatImage image, RandomGenerator rng) {
        int outH = height;
        int outW = width;
        if (shorterSide) {
            int h = image.height();
            int w = image.width();
            if (h <= w) {
                outW = (int) ((long) height * w / h);
            } else {
                outH = (int) ((long) width * h / w);
            }
        }
        if (outH == image.height() && outW == image.width()) {
            return image;
        }
        return Resampler.resize(image, outH, outW);
    }

    @Override
    public String toString() {
        return shorterSide ? "resize(" + height + ")" : "resize(" + height + "," + width + ")";
    }
}
