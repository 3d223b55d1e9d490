package io.gaikan.anomaly;

/**
 * Scores of a list of images: per image the anomaly score (the largest patch score) and its map of patch scores
 * (rows x columns of the feature grid), in the order of the images.
 */
record AnomalyScores(double[] image, float[][][] maps) {
}
