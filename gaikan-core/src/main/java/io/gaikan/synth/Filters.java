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
        // columns: a running sum of whole rows; rows are copied out so each loop has a single index (vectorises)
        float[] acc = new float[w];
        float[] in = new float[w];
        float[] outRow = new float[w];
        for (int j = -r; j <= r; j++) {
            System.arraycopy(tmp, Math.max(0, Math.min(h - 1, j)) * w, in, 0, w);
            axpy(acc, 1f, in);
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                outRow[x] = acc[x] * norm;
            }
            System.arraycopy(outRow, 0, dst, y * w, w);
            System.arraycopy(tmp, Math.min(h - 1, y + r + 1) * w, in, 0, w);
            axpy(acc, 1f, in);
            System.arraycopy(tmp, Math.max(0, y - r) * w, in, 0, w);
            axpy(acc, -1f, in);
        }
    }

    /** Rows: each row is padded (edge pixels repeated), then each tap adds a shifted copy of it. */
    private static void convolveRows(float[] src, float[] dst, int w, int h, float[] k) {
        int r = k.length / 2;
        float[] padded = new float[w + 2 * r];
        float[] shifted = new float[w];
        float[] acc = new float[w];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            System.arraycopy(src, row, padded, r, w);
            for (int j = 0; j < r; j++) {
                padded[j] = src[row];
                padded[r + w + j] = src[row + w - 1];
            }
            java.util.Arrays.fill(acc, 0f);
            for (int j = 0; j < k.length; j++) {
                System.arraycopy(padded, j, shifted, 0, w);
                axpy(acc, k[j], shifted);
            }
            System.arraycopy(acc, 0, dst, row, w);
        }
    }

    /** Columns: each output row is the weighted sum of whole input rows (edge rows repeated). */
    private static void convolveColumns(float[] src, float[] dst, int w, int h, float[] k) {
        int r = k.length / 2;
        float[] line = new float[w];
        float[] acc = new float[w];
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(acc, 0f);
            for (int j = 0; j < k.length; j++) {
                System.arraycopy(src, Math.max(0, Math.min(h - 1, y + j - r)) * w, line, 0, w);
                axpy(acc, k[j], line);
            }
            System.arraycopy(acc, 0, dst, y * w, w);
        }
    }

    /**
     * acc += a * x. Copying rows into scratch arrays first keeps every array here at the same index, which is
     * what lets the JIT vectorise the loop.
     */
    private static void axpy(float[] acc, float a, float[] x) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += a * x[i];
        }
    }
}
