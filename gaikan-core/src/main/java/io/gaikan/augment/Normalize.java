package io.gaikan.augment;

import io.gaikan.data.FloatImage;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Per-channel {@code (v - mean) / std}. Token {@code normalize(imagenet)} (the default, also plain {@code normalize}),
 * {@code normalize(m0,m1,m2,s0,s1,s2)} or, for a single channel, {@code normalize(m,s)}. A 1-channel image with a
 * 3-channel normalisation uses the average mean and std (the grey a replicated image would have).
 */
public record Normalize(List<Double> mean, List<Double> std) implements Transform {

    public static final Normalize IMAGENET = new Normalize(List.of(0.485, 0.456, 0.406), List.of(0.229, 0.224, 0.225));

    public Normalize {
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        if (mean.isEmpty() || mean.size() != std.size()) {
            throw new IllegalArgumentException("normalise needs as many means as stds, got " + mean.size()
                    + " and " + std.size());
        }
        for (double s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("normalise std must be > 0, got " + Specs.number(s));
            }
        }
    }

    @Override
    public FloatImage apply(FloatImage image, RandomGenerator rng) {
        float[] in = image.data();
        float[] out = new float[in.length];
        int plane = image.planeSize();
        for (int c = 0; c < image.channels(); c++) {
            float m = (float) channelMean(c, image.channels());
            float inv = (float) (1.0 / channelStd(c, image.channels()));
            for (int i = c * plane, end = i + plane; i < end; i++) {
                out[i] = (in[i] - m) * inv;
            }
        }
        return ColorOps.with(image, out);
    }

    /** The inverse, {@code v * std + mean}, for looking at normalised images. */
    public FloatImage invert(FloatImage image) {
        float[] in = image.data();
        float[] out = new float[in.length];
        int plane = image.planeSize();
        for (int c = 0; c < image.channels(); c++) {
            float m = (float) channelMean(c, image.channels());
            float s = (float) channelStd(c, image.channels());
            for (int i = c * plane, end = i + plane; i < end; i++) {
                out[i] = in[i] * s + m;
            }
        }
        return ColorOps.with(image, out);
    }

    private double channelMean(int c, int channels) {
        return pick(mean, c, channels);
    }

    private double channelStd(int c, int channels) {
        return pick(std, c, channels);
    }

    private static double pick(List<Double> values, int c, int channels) {
        if (values.size() == channels) {
            return values.get(c);
        }
        if (channels == 1) {
            return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        }
        if (values.size() == 1) {
            return values.get(0);
        }
        throw new IllegalArgumentException("normalise has " + values.size() + " channel values but the image has "
                + channels + " channels");
    }

    @Override
    public String toString() {
        if (equals(IMAGENET)) {
            return "normalize(imagenet)";
        }
        StringBuilder sb = new StringBuilder("normalize(");
        mean.forEach(m -> sb.append(Specs.number(m)).append(','));
        std.forEach(s -> sb.append(Specs.number(s)).append(','));
        sb.setLength(sb.length() - 1);
        return sb.append(')').toString();
    }
}
