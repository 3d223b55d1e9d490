package io.gaikan.synth;

import java.util.SplittableRandom;

/**
 * Albedo variation of the metal: low-frequency blotches (value noise on a coarse random grid, smooth-step
 * interpolated); a multiplier around 1. Fine grain comes from the grinding marks and the sensor noise.
 */
final class Texture {

    private Texture() {
    }

    static float[] draw(SplittableRandom rng, int w, int h, double amplitude, Workspace ws) {
        int cells = 3 + rng.nextInt(8);
        float[] grid = new float[(cells + 1) * (cells + 1)];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = (float) (2 * rng.nextDouble() - 1);
        }
        float blotch = (float) amplitude;
        float[] out = ws.floats(Workspace.Slot.TEXTURE, w * h);
        // the column cell and smooth-step weight of each x are the same on every row
        int[] cellX = new int[w];
        float[] weightX = new float[w];
        for (int x = 0; x < w; x++) {
            float gx = (float) x * cells / w;
            cellX[x] = (int) gx;
            float t = gx - cellX[x];
            weightX[x] = t * t * (3 - 2 * t);
        }
        float[] line = new float[cells + 1];
        for (int y = 0; y < h; y++) {
            float gy = (float) y * cells / h;
            int iy = (int) gy;
            float ty = gy - iy;
            float sy = ty * ty * (3 - 2 * ty);
            for (int c = 0; c <= cells; c++) {
                float top = grid[iy * (cells + 1) + c];
                line[c] = top + sy * (grid[Math.min(cells, iy + 1) * (cells + 1) + c] - top);
            }
            for (int x = 0; x < w; x++) {
                int c = cellX[x];
                float left = line[c];
                out[y * w + x] = 1 + blotch * (left + weightX[x] * (line[Math.min(cells, c + 1)] - left));
            }
        }
        return out;
    }
}
