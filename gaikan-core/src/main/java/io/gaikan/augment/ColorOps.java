package io.gaikan.augment;

import io.gaikan.data.FloatImage;

/**
 * Colour maths on [0, 1] images shared by {@link ColorJitter} and {@link RandAugment}: each "enhance" is a blend
 * {@code degenerate + factor * (image - degenerate)} clamped to [0, 1] (torchvision's {@code _blend}, PIL's
 * {@code ImageEnhance}). A 1-channel image has no colour, so saturation and hue leave it unchanged.
 */
final class ColorOps {

    /** ITU-R 601 luma weights, as PIL's convert("L") and torchvision's rgb_to_grayscale use. */
    private static final float LUMA_R = 0.299f;
    private static final float LUMA_G = 0.587f;
    private static final float LUMA_B = 0.114f;

    private ColorOps() {
    }

    /** Blend with black. */
    static FloatImage brightness(FloatImage img, double factor) {
        float f = (float) factor;
        float[] in = img.data();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = clamp01(in[i] * f);
        }
        return with(img, out);
    }

    /** Blend with a flat image at the mean luma. */
    static FloatImage contrast(FloatImage img, double factor) {
        float mean = (float) meanLuma(img);
        float f = (float) factor;
        float[] in = img.data();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = clamp01(mean + f * (in[i] - mean));
        }
        return with(img, out);
    }

    /** Blend with the image's own grey version (PIL's Color, torchvision's saturation). */
    static FloatImage saturation(FloatImage img, double factor) {
        if (img.channels() < 3) {
            return img;
        }
        float f = (float) factor;
        float[] in = img.data();
        float[] out = new float[in.length];
        int plane = img.planeSize();
        for (int i = 0; i < plane; i++) {
            float grey = LUMA_R * in[i] + LUMA_G * in[plane + i] + LUMA_B * in[2 * plane + i];
            for (int c = 0; c < 3; c++) {
                out[c * plane + i] = clamp01(grey + f * (in[c * plane + i] - grey));
            }
        }
        return with(img, out);
    }

    /** Rotates hue by {@code shift} turns (torchvision's adjust_hue via HSV); shift in [-0.5, 0.5]. */
    static FloatImage hue(FloatImage img, double shift) {
        if (img.channels() < 3 || shift == 0) {
            return img;
        }
        float[] in = img.data();
        float[] out = new float[in.length];
        int plane = img.planeSize();
        for (int i = 0; i < plane; i++) {
            float r = in[i];
            float g = in[plane + i];
            float b = in[2 * plane + i];
            float max = Math.max(r, Math.max(g, b));
            float min = Math.min(r, Math.min(g, b));
            float chroma = max - min;
            if (chroma <= 0f) { // grey pixel: hue undefined, nothing to rotate
                out[i] = r;
                out[plane + i] = g;
                out[2 * plane + i] = b;
                continue;
            }
            float h;
            if (max == r) {
                h = (g - b) / chroma;
            } else if (max == g) {
                h = (b - r) / chroma + 2f;
            } else {
                h = (r - g) / chroma + 4f;
            }
            h = h / 6f + (float) shift;
            h -= (float) Math.floor(h);
            float s = chroma / max;
            hsvToRgb(h, s, max, out, i, plane);
        }
        return with(img, out);
    }

    /**
     * Blend with PIL's SMOOTH-filtered image (3x3 kernel 1 1 1 / 1 5 1 / 1 1 1, divided by 13; border pixels kept),
     * which is what PIL's ImageEnhance.Sharpness does.
     */
    static FloatImage sharpness(FloatImage img, double factor) {
        int h = img.height();
        int w = img.width();
        float[] in = img.data();
        float[] out = in.clone();
        if (h < 3 || w < 3) {
            return with(img, out);
        }
        float f = (float) factor;
        for (int c = 0; c < img.channels(); c++) {
            int base = c * h * w;
            for (int y = 1; y < h - 1; y++) {
                int row = base + y * w;
                for (int x = 1; x < w - 1; x++) {
                    int i = row + x;
                    float sum = in[i - w - 1] + in[i - w] + in[i - w + 1]
                            + in[i - 1] + 5f * in[i] + in[i + 1]
                            + in[i + w - 1] + in[i + w] + in[i + w + 1];
                    float smooth = sum / 13f;
                    out[i] = clamp01(smooth + f * (in[i] - smooth));
                }
            }
        }
        return with(img, out);
    }

    static double meanLuma(FloatImage img) {
        float[] in = img.data();
        int plane = img.planeSize();
        double sum = 0;
        if (img.channels() < 3) {
            for (int i = 0; i < plane; i++) {
                sum += in[i];
            }
        } else {
            for (int i = 0; i < plane; i++) {
                sum += LUMA_R * in[i] + LUMA_G * in[plane + i] + LUMA_B * in[2 * plane + i];
            }
        }
        return sum / plane;
    }

    static float clamp01(float v) {
        return v < 0f ? 0f : Math.min(v, 1f);
    }

    static FloatImage with(FloatImage shape, float[] data) {
        return new FloatImage(shape.channels(), shape.height(), shape.width(), data);
    }

    private static void hsvToRgb(float h, float s, float v, float[] out, int i, int plane) {
        float h6 = h * 6f;
        int sector = (int) h6;
        float frac = h6 - sector;
        float p = v * (1f - s);
        float q = v * (1f - s * frac);
        float t = v * (1f - s * (1f - frac));
        float r;
        float g;
        float b;
        switch (sector % 6) {
            case 0 -> { r = v; g = t; b = p; }
            case 1 -> { r = q; g = v; b = p; }
            case 2 -> { r = p; g = v; b = t; }
            case 3 -> { r = p; g = q; b = v; }
            case 4 -> { r = t; g = p; b = v; }
            default -> { r = v; g = p; b = q; }
        }
        out[i] = r;
        out[plane + i] = g;
        out[2 * plane + i] = b;
    }
}
