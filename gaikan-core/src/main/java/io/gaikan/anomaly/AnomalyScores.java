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
}
