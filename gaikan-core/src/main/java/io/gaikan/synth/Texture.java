package io.gaikan.synth;

import java.util.SplittableRandom;

/**
 * Albedo variation of the metal: low-frequency blotches (value noise on a coarse random grid, smooth-step
 * interpolated); a multiplier around 1. Fine grain comes from the grinding marks and the sensor noise.
 */
final class Texture {

    private Texture() {
    }

    static float[] draw(SplittableRandom rng, int w, int h, double amplitude) {
        int cells = 3 + rng.nextInt(8);
        float[] grid = new float[(cells + 1) * (cells + 1)];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = (float) (2 * rng.nextDouble() - 1);
        }
        float blotch = (float) amplitude;
        float[] out = new float[w * h];
        float fx = (float) cells / w;
        float fy = (float) cells / h;
        for (int y = 0; y < h; y++) {
            float gy = y * fy;
            int iy = (int) gy;
            float ty = gy - iy;
            float sy = ty * ty * (3 - 2 * ty);
            int g0 = iy * (cells + 1);
            int g1 = g0 + cells + 1;
            for (int x = 0; x < w; x++) {
                float gx = x * fx;
                int ix = (int) gx;
                float tx = gx - ix;
                float sx = tx * tx * (3 - 2 * tx);
                float top = grid[g0 + ix] + sx * (grid[g0 + ix + 1] - grid[g0 + ix]);
                float bottom = grid[g1 + ix] + sx * (grid[g1 + ix + 1] - grid[g1 + ix]);
                out[y * w + x] = 1 + blotch * (top + sy * (bottom - top));
            }
        }
        return out;
    }
}
