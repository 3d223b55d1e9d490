package io.gaikan.anomaly;

/**
 * Scores of a list of images: per image the anomaly score (the largest patch score) and its map of patch scores
 * (rows x columns of the feature grid), in the order of the images.
 */
record AnomalyScores(double[] image, float[][][] maps) {

    static AnomalyScores of(int images) {
        return new AnomalyScores(new double[images], new float[images][][]);
    }

    /**
     * Files a batch's patch scores {@code scores} (batch x rows x columns, row-major) under the images' indices: each
     * image's map, and its score, the map's maximum.
     */
    void put(int[] indices, float[] scores, int rows, int cols) {
        for (int b = 0; b < indices.length; b++) {
            float[][] map = new float[rows][cols];
            double max = 0;
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    map[y][x] = scores[(b * rows + y) * cols + x];
                    max = Math.max(max, map[y][x]);
                }
            }
            image[indices[b]] = max;
            maps[indices[b]] = map;
        }
    }

    /** The (row, column) of a map's maximum, the first in row order on ties. */
    static int[] peak(float[][] map) {
        int py = 0;
        int px = 0;
        for (int y = 0; y < map.length; y++) {
            for (int x = 0; x < map[0].length; x++) {
                if (map[y][x] > map[py][px]) {
                    py = y;
                    px = x;
                }
            }
        }
        return new int[]{py, px};
    }

    /** Upsampling factor of {@link #smoothed}: a 28 x 28 grid of a 224 px image becomes 112 x 112 (2 px cells). */
    static final int UPSAMPLE = 4;

    /**
     * The map as PatchCore reads it: upsampled bilinearly ({@value #UPSAMPLE}x) and Gaussian-smoothed with sigma =
     * half a feature cell (4 px at 224 px with stride 8). Smoothing moves the maximum from a cell centre towards where
     * neighbouring cells are high as well, i.e. onto a defect that crosses between cell centres.
     */
    static float[][] smoothed(float[][] map) {
        int rows = map.length * UPSAMPLE;
        int cols = map[0].length * UPSAMPLE;
        float[][] up = new float[rows][cols];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                up[y][x] = (float) io.gaikan.report.HeatMaps.sample(map, (x + 0.5) / cols, (y + 0.5) / rows);
            }
        }
        double sigma = UPSAMPLE / 2.0;
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = Math.exp(-k * k / (2 * sigma * sigma));
        }
        return blur(blur(up, kernel, true), kernel, false);
    }

    /** One pass of a separable blur along rows ({@code horizontal}) or columns, edges clamped, weights normalised. */
    private static float[][] blur(float[][] in, double[] kernel, boolean horizontal) {
        int rows = in.length;
        int cols = in[0].length;
        int radius = kernel.length / 2;
        float[][] out = new float[rows][cols];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                double sum = 0;
                double weight = 0;
                for (int k = -radius; k <= radius; k++) {
                    int yy = horizontal ? y : Math.max(0, Math.min(rows - 1, y + k));
                    int xx = horizontal ? Math.max(0, Math.min(cols - 1, x + k)) : x;
                    sum += kernel[k + radius] * in[yy][xx];
                    weight += kernel[k + radius];
                }
                out[y][x] = (float) (sum / weight);
            }
        }
        return out;
    }
}
