package io.gaikan.augment;

import io.gaikan.data.FloatImage;

import java.util.random.RandomGenerator;

/**
 * torchvision's RandomResizedCrop: up to 10 attempts to draw a window whose area is a uniform fraction {@code scale}
 * of the image and whose aspect ratio w/h is log-uniform in {@code ratio}; if none fits, the centre crop with the
 * ratio clamped to {@code ratio}. The window is then resized to {@code size x size} (antialiased bilinear).
 * Token {@code rrc(S[,scaleLo-scaleHi[,ratioLo-ratioHi]])}, defaults scale 0.08-1 and ratio 3/4-4/3.
 */
public record RandomResizedCrop(int size, Range scale, Range ratio) implements Transform {

    public static final Range DEFAULT_SCALE = new Range(0.08, 1.0);
    public static final Range DEFAULT_RATIO = new Range(3.0 / 4.0, 4.0 / 3.0);
    private static final int ATTEMPTS = 10;

    public RandomResizedCrop {
        Specs.positive(size, "crop size");
        if (scale.lo() <= 0 || scale.hi() > 1) {
            throw new IllegalArgumentException("scale must lie in (0, 1], got " + scale);
        }
        if (ratio.lo() <= 0) {
            throw new IllegalArgumentException("ratio must be > 0, got " + ratio);
        }
    }

    public static RandomResizedCrop of(int size) {
        return new RandomResizedCrop(size, DEFAULT_SCALE, DEFAULT_RATIO);
    }

    /** The crop window as (top, left, height, width). */
    record Window(int top, int left, int height, int width) {
    }

    @Override
    public FloatImage apply(FloatImage image, RandomGenerator rng) {
        Window w = window(image.height(), image.width(), rng);
        return Resampler.resample(image, w.top, w.left, w.height, w.width, size, size);
    }

    Window window(int height, int width, RandomGenerator rng) {
        double area = (double) height * width;
        double logLo = Math.log(ratio.lo());
        double logHi = Math.log(ratio.hi());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double targetArea = area * scale.sample(rng);
            double aspect = Math.exp(new Range(logLo, logHi).sample(rng));
            int w = (int) Math.round(Math.sqrt(targetArea * aspect));
            int h = (int) Math.round(Math.sqrt(targetArea / aspect));
            if (w > 0 && w <= width && h > 0 && h <= height) {
                int top = rng.nextInt(height - h + 1);
                int left = rng.nextInt(width - w + 1);
                return new Window(top, left, h, w);
            }
        }
        double inRatio = (double) width / height;
        int w = width;
        int h = height;
        if (inRatio < ratio.lo()) {
            h = (int) Math.round(w / ratio.lo());
        } else if (inRatio > ratio.hi()) {
            w = (int) Math.round(h * ratio.hi());
        }
        h = Math.max(1, Math.min(h, height));
        w = Math.max(1, Math.min(w, width));
        return new Window((height - h) / 2, (width - w) / 2, h, w);
    }

    @Override
    public String toString() {
        return "rrc(" + size + "," + rangeText(scale) + "," + rangeText(ratio) + ")";
    }

    /** Always lo-hi, so that a one-value range is not mistaken for a missing bound. */
    private static String rangeText(Range r) {
        return Specs.number(r.lo()) + "-" + Specs.number(r.hi());
    }
}
