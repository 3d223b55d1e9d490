package io.gaikan.augment;

import io.gaikan.data.FloatImage;

/**
 * Separable bilinear resampling of a box of an image, antialiased the way PIL (and torchvision with
 * {@code antialias=True}) does it: the triangle filter is widened by the downscale factor, so shrinking averages all
 * covered pixels instead of skipping them. When enlarging this is plain half-pixel-centred bilinear with edge clamp.
 *
 * <p>Weights are computed once per output row/column, never per pixel.
 */
final class Resampler {

    private Resampler() {
    }

    /** Whole image to {@code outH x outW}. */
    static FloatImage resize(FloatImage src, int outH, int outW) {
        return resample(src, 0, 0, src.height(), src.width(), outH, outW);
    }

    /** Box (top, left, boxH, boxW), which must lie inside the image, to {@code outH x outW}. */
    static FloatImage resample(FloatImage src, int top, int left, int boxH, int boxW, int outH, int outW) {
        int channels = src.channels();
        int width = src.width();
        float[] in = src.data();
        Taps tx = Taps.of(left, boxW, outW);
        Taps ty = Taps.of(top, boxH, outH);

        // Horizontal pass over only the rows of the box: tmp is channels x boxH x outW.
        float[] tmp = new float[channels * boxH * outW];
        for (int c = 0; c < channels; c++) {
            for (int r = 0; r < boxH; r++) {
                int rowBase = (c * src.height() + top + r) * width;
                int tmpBase = (c * boxH + r) * outW;
                for (int ox = 0; ox < outW; ox++) {
                    int from = rowBase + tx.start[ox];
                    int wBase = ox * tx.stride;
                    float acc = 0f;
                    for (int k = 0; k < tx.count[ox]; k++) {
                        acc += tx.weights[wBase + k] * in[from + k];
                    }
                    tmp[tmpBase + ox] = acc;
                }
            }
        }

        // Vertical pass, row by row so the inner loop runs along contiguous memory.
        float[] out = new float[channels * outH * outW];
        for (int c = 0; c < channels; c++) {
            for (int oy = 0; oy < outH; oy++) {
                int outBase = (c * outH + oy) * outW;
                int wBase = oy * ty.stride;
                for (int k = 0; k < ty.count[oy]; k++) {
                    float w = ty.weights[wBase + k];
                    int tmpBase = (c * boxH + ty.start[oy] - top + k) * outW;
                    for (int ox = 0; ox < outW; ox++) {
                        out[outBase + ox] += w * tmp[tmpBase + ox];
                    }
                }
            }
        }
        return new FloatImage(channels, outH, outW, out);
    }

    /** Filter taps for one axis: output i reads count[i] inputs from start[i] with weights[i*stride ..]. */
    private record Taps(int[] start, int[] count, float[] weights, int stride) {

        static Taps of(int boxStart, int boxSize, int outSize) {
            double scale = (double) boxSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = filterScale; // the triangle filter has support 1 before widening
            int stride = (int) Math.ceil(support) * 2 + 1;
            int[] start = new int[outSize];
            int[] count = new int[outSize];
            float[] weights = new float[outSize * stride];
            int boxEnd = boxStart + boxSize;
            for (int o = 0; o < outSize; o++) {
                double center = boxStart + (o + 0.5) * scale;
                int lo = Math.max((int) Math.floor(center - support + 0.5), boxStart);
                int hi = Math.min((int) Math.floor(center + support + 0.5), boxEnd);
                int n = Math.min(hi - lo, stride);
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    double w = Math.max(0.0, 1.0 - Math.abs((lo + k - center + 0.5) / filterScale));
                    weights[o * stride + k] = (float) w;
                    sum += w;
                }
                for (int k = 0; k < n; k++) {
                    weights[o * stride + k] = (float) (weights[o * stride + k] / sum);
                }
                start[o] = lo;
                count[o] = n;
            }
            return new Taps(start, count, weights, stride);
        }
    }
}
