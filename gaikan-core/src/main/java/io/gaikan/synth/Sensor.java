package io.gaikan.synth;

import java.util.SplittableRandom;

/**
 * The camera's imaging chain after the optics have formed linear radiance planes: focus blur, automatic exposure
 * to a drawn mean brightness, vignetting, a gamma-2 tone curve (square root: cheap, close to sRGB's 2.2),
 * shot + read noise, and 8-bit quantisation. Deterministic: noise comes from the image's own generator.
 */
final class Sensor {

    /** Per-image imaging settings. */
    record Settings(double blurSigma, double meanBrightness, double noiseSigma, double vignetting, boolean grey) {
    }

    private Sensor() {
    }

    /**
     * Applies focus blur (in place) and returns the exposure gain that brings the mean brightness to the target.
     * For grey output the planes are first reduced to one luminance plane (returned as the only element).
     */
    static float[][] blur(float[][] planes, int w, int h, Settings s, Workspace ws) {
        float[][] out = planes;
        if (s.grey()) {
            float[] y = ws.floats(Workspace.Slot.GREY, w * h);
            for (int i = 0; i < y.length; i++) {
                y[i] = 0.299f * planes[0][i] + 0.587f * planes[1][i] + 0.114f * planes[2][i];
            }
            out = new float[][] {y};
        }
        float[] tmp = ws.floats(Workspace.Slot.BLUR, w * h);
        for (float[] p : out) {
            Filters.gaussianBlur(p, w, h, s.blurSigma(), tmp);
        }
        return out;
    }

    /** Gain that maps the mean linear luminance (sampled on a sparse grid) to the drawn target brightness. */
    static float exposureGain(float[][] planes, int w, int h, Settings s) {
        double sum = 0;
        int count = 0;
        for (int y = 1; y < h; y += 3) {
            for (int x = 1; x < w; x += 3) {
                sum += luminance(planes, y * w + x);
                count++;
            }
        }
        double mean = sum / Math.max(1, count);
        return (float) Math.min(50, s.meanBrightness() / Math.max(1e-4, mean));
    }

    static float luminance(float[][] planes, int i) {
        return planes.length == 1 ? planes[0][i]
                : 0.299f * planes[0][i] + 0.587f * planes[1][i] + 0.114f * planes[2][i];
    }

    /** Tone-mapped value in [0, 1] of a linear value, as the quantiser maps it (without noise): gamma 2. */
    static float tone(float linear) {
        return (float) Math.sqrt(Math.max(0, Math.min(1, linear)));
    }

    /** Interleaved 8-bit pixels (grey or RGB) after gain, vignetting, tone curve and noise. */
    static byte[] quantise(float[][] planes, int w, int h, float gain, Settings s, SplittableRandom rng) {
        int channels = planes.length;
        byte[] out = new byte[w * h * channels];
        float cx = 0.5f * (w - 1), cy = 0.5f * (h - 1);
        float vig = (float) (s.vignetting() / (cx * cx + cy * cy));
        float sigma = (float) (255 * s.noiseSigma());
        float[] gainRow = new float[w];
        float[] noise = new float[(w + 7) / 8 * 8];
        float[] value = new float[w];
        for (int y = 0; y < h; y++) {
            float dy2 = (y - cy) * (y - cy);
            for (int x = 0; x < w; x++) {
                float dx = x - cx;
                gainRow[x] = gain * (1 - vig * (dx * dx + dy2));
            }
            // one noise sample per pixel, shared by the colour channels: demosaicing correlates a colour
            // camera's channel noise, and it costs a third of independent noise
            fillNoise(noise, rng);
            for (int c = 0; c < channels; c++) {
                // row copied so that every array in the loop has the same index (the JIT vectorises it)
                System.arraycopy(planes[c], y * w, value, 0, w);
                develop(value, gainRow, noise, sigma);
                int o = y * w * channels + c;
                for (int x = 0; x < w; x++, o += channels) {
                    out[o] = (byte) (int) value[x];
                }
            }
        }
        return out;
    }

    /** Gain, gamma-2 tone curve and noise on one row, in place; results are in [0, 255.5). */
    private static void develop(float[] value, float[] gain, float[] noise, float sigma) {
        for (int x = 0; x < value.length; x++) {
            value[x] = (float) Math.sqrt(Branchless.min(1f, Branchless.positive(value[x] * gain[x])));
        }
        for (int x = 0; x < value.length; x++) {
            float root = value[x];
            value[x] = 255 * root + sigma * (0.5f + root) * noise[x] + 0.5f;
        }
        for (int x = 0; x < value.length; x++) {
            value[x] = Branchless.min(255f, Branchless.positive(value[x]));
        }
    }

    /** Eight unit-variance samples per random long: each the centred sum of two random nibbles (triangular). */
    private static void fillNoise(float[] noise, SplittableRandom rng) {
        for (int x = 0; x + 7 < noise.length; x += 8) {
            long bits = rng.nextLong();
            for (int j = 0; j < 8; j++, bits >>>= 8) {
                noise[x + j] = (((int) bits & 15) + ((int) (bits >>> 4) & 15) - 15) * (1f / 6.519f);
            }
        }
    }
}
