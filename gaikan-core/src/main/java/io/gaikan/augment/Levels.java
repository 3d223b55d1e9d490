package io.gaikan.augment;

import io.gaikan.data.FloatImage;

import java.util.Arrays;

/**
 * PIL's uint8 point operations (posterize, solarize, solarize-add, autocontrast, equalize) on [0, 1] floats: each
 * value is quantised to one of the 256 levels 0..255, mapped through a per-channel lookup table, and scaled back, so
 * results match PIL on the same 8-bit image.
 */
final class Levels {

    static final int LEVELS = 256;

    private Levels() {
    }

    static int quantise(float v) {
        int q = (int) (v * 255f + 0.5f);
        return q < 0 ? 0 : Math.min(q, 255);
    }

    /** Keeps the top {@code bits} bits (PIL ImageOps.posterize); 8 or more leaves the image alone. */
    static FloatImage posterize(FloatImage img, int bits) {
        if (bits >= 8) {
            return img;
        }
        int mask = ~((1 << (8 - Math.max(bits, 0))) - 1) & 0xff;
        int[] lut = new int[LEVELS];
        for (int i = 0; i < LEVELS; i++) {
            lut[i] = i & mask;
        }
        return applyShared(img, lut);
    }

    /** Inverts every level at or above {@code threshold} (PIL ImageOps.solarize). */
    static FloatImage solarize(FloatImage img, int threshold) {
        int[] lut = new int[LEVELS];
        for (int i = 0; i < LEVELS; i++) {
            lut[i] = i < threshold ? i : 255 - i;
        }
        return applyShared(img, lut);
    }

    /** Adds {@code add} to every level below {@code threshold}, saturating at 255 (timm's solarize_add). */
    static FloatImage solarizeAdd(FloatImage img, int add, int threshold) {
        int[] lut = new int[LEVELS];
        for (int i = 0; i < LEVELS; i++) {
            lut[i] = i < threshold ? Math.min(255, i + add) : i;
        }
        return applyShared(img, lut);
    }

    /** Per channel, stretches [darkest, brightest] present level to [0, 255] (PIL ImageOps.autocontrast, cutoff 0). */
    static FloatImage autoContrast(FloatImage img) {
        int[][] hist = histograms(img);
        int[][] luts = new int[img.channels()][LEVELS];
        for (int c = 0; c < luts.length; c++) {
            int lo = 0;
            while (lo < LEVELS && hist[c][lo] == 0) {
                lo++;
            }
            int hi = LEVELS - 1;
            while (hi >= 0 && hist[c][hi] == 0) {
                hi--;
            }
            if (hi <= lo) {
                luts[c] = identity();
                continue;
            }
            double scale = 255.0 / (hi - lo);
            double offset = -lo * scale;
            for (int i = 0; i < LEVELS; i++) {
                int v = (int) (i * scale + offset);
                luts[c][i] = v < 0 ? 0 : Math.min(v, 255);
            }
        }
        return apply(img, luts);
    }

    /** Per channel histogram equalisation exactly as PIL ImageOps.equalize builds its table. */
    static FloatImage equalize(FloatImage img) {
        int[][] hist = histograms(img);
        int[][] luts = new int[img.channels()][];
        for (int c = 0; c < luts.length; c++) {
            int total = 0;
            int last = 0;
            for (int i = 0; i < LEVELS; i++) {
                if (hist[c][i] > 0) {
                    total += hist[c][i];
                    last = hist[c][i];
                }
            }
            int step = (total - last) / 255;
            if (step == 0) {
                luts[c] = identity();
                continue;
            }
            luts[c] = new int[LEVELS];
            int n = step / 2;
            for (int i = 0; i < LEVELS; i++) {
                luts[c][i] = Math.min(n / step, 255);
                n += hist[c][i];
            }
        }
        return apply(img, luts);
    }

    private static int[][] histograms(FloatImage img) {
        int plane = img.planeSize();
        float[] in = img.data();
        int[][] hist = new int[img.channels()][LEVELS];
        for (int c = 0; c < img.channels(); c++) {
            for (int i = 0; i < plane; i++) {
                hist[c][quantise(in[c * plane + i])]++;
            }
        }
        return hist;
    }

    private static int[] identity() {
        int[] lut = new int[LEVELS];
        for (int i = 0; i < LEVELS; i++) {
            lut[i] = i;
        }
        return lut;
    }

    private static FloatImage applyShared(FloatImage img, int[] lut) {
        int[][] luts = new int[img.channels()][];
        Arrays.fill(luts, lut);
        return apply(img, luts);
    }

    private static FloatImage apply(FloatImage img, int[][] luts) {
        int plane = img.planeSize();
        float[] in = img.data();
        float[] out = new float[in.length];
        float[] scaled = new float[LEVELS];
        for (int c = 0; c < img.channels(); c++) {
            for (int i = 0; i < LEVELS; i++) {
                scaled[i] = luts[c][i] / 255f;
            }
            for (int i = c * plane, end = i + plane; i < end; i++) {
                out[i] = scaled[quantise(in[i])];
            }
        }
        return ColorOps.with(img, out);
    }
}
