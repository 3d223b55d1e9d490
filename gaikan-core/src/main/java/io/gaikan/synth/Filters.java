package io.gaikan.synth;

/** Separable image filters on planar float images, edges clamped. */
final class Filters {

    private Filters() {
    }

    /** Gaussian blur in place (kernel radius ceil(2 sigma)); does nothing for sigma below 0.3 pixel. */
    static void gaussianBlur(float[] img, int w, int h, double sigma, float[] tmp) {
        if (sigma < 0.3) {
            return;
        }
        int r = (int) Math.ceil(2 * sigma);
        float[] k = new float[2 * r + 1];
        double sum = 0;
        for (int j = -r; j <= r; j++) {
            double v = StrictMath.exp(-0.5 * j * j / (sigma * sigma));
            k[j + r] = (float) v;
            sum += v;
        }
        for (int j = 0; j < k.length; j++) {
            k[j] /= (float) sum;
        }
        convolveRows(img, tmp, w, h, k);
        convolveColumns(tmp, img, w, h, k);
    }

    /** Mean over a (2r+1)^2 window (running sums, cost independent of r), written to dst. */
    static void boxBlur(float[] src, float[] dst, int w, int h, int r, float[] tmp) {
        float norm = 1f / (2 * r + 1);
        for (int y = 0; y < h; y++) {
            int row = y * w;
            float acc = 0;
            for (int j = -r; j <= r; j++) {
                acc += src[row + Math.max(0, Math.min(w - 1, j))];
            }
            for (int x = 0; x < w; x++) {
                tmp[row + x] = acc * norm;
                acc += src[row + Math.min(w - 1, x + r + 1)] - src[row + Math.max(0, x - r)];
            }
        }
        float[] acc = new float[w];
        for (int j = -r; j <= r; j++) {
            int src0 = Math.max(0, Math.min(h - 1, j)) * w;
            for (int x = 0; x < w; x++) {
                acc[x] += tmp[src0 + x];
            }
        }
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int add = Math.min(h - 1, y + r + 1) * w;
            int sub = Math.max(0, y - r) * w;
            for (int x = 0; x < w; x++) {
                dst[row + x] = acc[x] * norm;
                acc[x] += tmp[add + x] - tmp[sub + x];
            }
        }
    }

    private static void convolveRows(float[] src, float[] dst, int w, int h, float[] k) {
        int r = k.length / 2;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                if (x == r && w - r > r) {
                    x = w - r; // the interior was done below
                }
                float acc = 0;
                for (int j = 0; j < k.length; j++) {
                    acc += k[j] * src[row + Math.max(0, Math.min(w - 1, x + j - r))];
                }
                dst[row + x] = acc;
            }
            if (w - r > r) {
                java.util.Arrays.fill(dst, row + r, row + w - r, 0f);
            }
            for (int j = 0; j < k.length; j++) {
                float kj = k[j];
                int shift = j - r;
                for (int x = r; x < w - r; x++) {
                    dst[row + x] += kj * src[row + x + shift];
                }
            }
        }
    }

    private static void convolveColumns(float[] src, float[] dst, int w, int h, float[] k) {
        int r = k.length / 2;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            java.util.Arrays.fill(dst, row, row + w, 0f);
            for (int j = 0; j < k.length; j++) {
                int src0 = Math.max(0, Math.min(h - 1, y + j - r)) * w;
                float kj = k[j];
                for (int x = 0; x < w; x++) {
                    dst[row + x] += kj * src[src0 + x];
                }
            }
        }
    }
}
