package io.gaikan.baseline;

import java.util.Arrays;
import java.util.List;

/**
 * The classical region-feature classifier: features standardised with the training mean and standard deviation,
 * one centroid per class, and the nearest centroid (Euclidean) wins. A class without training images has no centroid
 * (null) and is never predicted.
 */
public record NearestCentroid(List<String> featureNames, double[] mean, double[] std, double[][] centroids) {

    static NearestCentroid fit(List<String> featureNames, double[][] x, int[] y, int classes) {
        int d = featureNames.size();
        double[] mean = new double[d], std = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / x.length;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / x.length;
            }
        }
        for (int j = 0; j < d; j++) {
            // a constant feature carries no information; scale 1 keeps it from dividing by zero
            std[j] = std[j] > 1e-12 ? Math.sqrt(std[j]) : 1;
        }
        double[][] sums = new double[classes][d];
        int[] counts = new int[classes];
        for (int i = 0; i < x.length; i++) {
            double[] z = standardise(x[i], mean, std);
            counts[y[i]]++;
            for (int j = 0; j < d; j++) {
                sums[y[i]][j] += z[j];
            }
        }
        double[][] centroids = new double[classes][];
        for (int c = 0; c < classes; c++) {
            if (counts[c] > 0) {
                int n = counts[c];
                centroids[c] = Arrays.stream(sums[c]).map(s -> s / n).toArray();
            }
        }
        return new NearestCentroid(List.copyOf(featureNames), mean, std, centroids);
    }

    int predict(double[] features) {
        double[] z = standardise(features, mean, std);
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            if (centroids[c] == null) {
                continue;
            }
            double dist = 0;
            for (int j = 0; j < z.length; j++) {
                dist += (z[j] - centroids[c][j]) * (z[j] - centroids[c][j]);
            }
            if (dist < bestDistance) {
                bestDistance = dist;
                best = c;
            }
        }
        return best;
    }

    private static double[] standardise(double[] x, double[] mean, double[] std) {
        double[] z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            z[j] = (x[j] - mean[j]) / std[j];
        }
        return z;
    }
}
