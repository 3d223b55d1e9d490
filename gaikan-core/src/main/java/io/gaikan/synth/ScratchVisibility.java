package io.gaikan.synth;

import java.util.List;

/**
 * How visible the scratches are in the developed image (after blur and exposure, before noise). The image is
 * cut into tiles; in each tile the undamaged ring around the scratch gives the local background level, and the
 * scratch pixels' mean absolute deviation from it (the contrast, in tone-mapped units 0..1) is compared with the
 * ring pixels' own deviation (texture and grinding marks). A scratch is visible when its contrast is high both
 * absolutely and relative to that texture (thresholds set by looking at borderline images: contrast 0.05 at
 * ratio 2 is faint but visible; on strongly textured metal under grazing light a contrast of 0.12 or more is
 * visible at lower ratios); otherwise an NG label would be label noise.
 *
 * @param contrast mean |scratch - local background| in tone-mapped units (0..1)
 * @param ratio    contrast over the texture's own mean deviation
 */
record ScratchVisibility(double contrast, double ratio) {

    static final double MIN_CONTRAST = 0.05;
    static final double MIN_RATIO = 2.0;
    /** A scratch this contrasty is visible even on strongly textured metal (grazing light), given it still stands out. */
    static final double STRONG_CONTRAST = 0.12;
    static final double MIN_STRONG_RATIO = 1.1;
    private static final int TILE = 16;

    boolean visible() {
        return contrast >= MIN_CONTRAST
                && (ratio >= MIN_RATIO || contrast >= STRONG_CONTRAST && ratio >= MIN_STRONG_RATIO);
    }

    /** Measures over the bounding box of the scratches (their grooves, lips and rings all lie inside it). */
    static ScratchVisibility measure(float[][] planes, float gain, HeightField hf, List<ScratchPath> scratches) {
        int w = hf.width();
        int h = hf.height();
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (ScratchPath s : scratches) {
            double margin = 2 * s.halfWidth() + 8;
            for (int k = 0; k < s.xs().length; k++) {
                x0 = Math.min(x0, s.xs()[k] - margin);
                y0 = Math.min(y0, s.ys()[k] - margin);
                x1 = Math.max(x1, s.xs()[k] + margin);
                y1 = Math.max(y1, s.ys()[k] + margin);
            }
        }
        int xFirst = (int) Math.max(0, Math.floor(x0));
        int yFirst = (int) Math.max(0, Math.floor(y0));
        int xLast = (int) Math.min(w - 1, Math.ceil(x1));
        int yLast = (int) Math.min(h - 1, Math.ceil(y1));
        int tw = (w + TILE - 1) / TILE;
        int th = (h + TILE - 1) / TILE;
        double[] ringSum = new double[tw * th];
        int[] ringCount = new int[tw * th];
        byte[] flags = hf.flags;
        for (int y = yFirst; y <= yLast; y++) {
            for (int x = xFirst; x <= xLast; x++) {
                int i = y * w + x;
                if (isRing(flags[i])) {
                    int t = (y / TILE) * tw + x / TILE;
                    ringSum[t] += Sensor.tone(gain * Sensor.luminance(planes, i));
                    ringCount[t]++;
                }
            }
        }
        double maskDev = 0;
        int maskN = 0;
        double ringDev = 0;
        int ringN = 0;
        for (int y = yFirst; y <= yLast; y++) {
            for (int x = xFirst; x <= xLast; x++) {
                int i = y * w + x;
                byte f = flags[i];
                boolean scratch = (f & HeightField.SCRATCH) != 0;
                boolean ring = isRing(f);
                if (!scratch && !ring) {
                    continue;
                }
                int t = (y / TILE) * tw + x / TILE;
                if (ringCount[t] < 4) {
                    continue;
                }
                double dev = Math.abs(Sensor.tone(gain * Sensor.luminance(planes, i)) - ringSum[t] / ringCount[t]);
                if (scratch) {
                    maskDev += dev;
                    maskN++;
                } else {
                    ringDev += dev;
                    ringN++;
                }
            }
        }
        double contrast = maskN == 0 ? 0 : maskDev / maskN;
        double texture = ringN == 0 ? 0 : ringDev / ringN;
        return new ScratchVisibility(contrast, contrast / Math.max(0.01, texture));
    }

    private static boolean isRing(byte f) {
        return (f & HeightField.RING) != 0 && (f & (HeightField.SCRATCH | HeightField.BACKGROUND)) == 0;
    }
}
