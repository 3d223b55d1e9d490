package io.gaikan.linear;

import java.util.List;

/**
 * Per-dimension standardisation fitted on training rows: (x - mean) / scale. Pooled activations differ in spread by
 * orders of magnitude between channels, and an L2 penalty on raw features lets a few loud channels drown the rest.
 *
 * @param mean  per dimension, the mean of the rows
 * @param scale per dimension, the rows' standard deviation, floored at {@link #FLOOR_FRACTION} of its mean over the
 *              dimensions: a channel (nearly) constant on a few training images would otherwise be multiplied a
 *              millionfold wherever a new image moves it
 */
public record FeatureScale(float[] mean, float[] scale) {

    public static final double FLOOR_FRACTION = 0.1;

    public static FeatureScale fit(List<float[]> rows) {
        int dim = rows.get(0).length;
        double[] sum = new double[dim];
        double[] sumSquares = new double[dim];
        for (float[] row : rows) {
            for (int d = 0; d < dim; d++) {
                sum[d] += row[d];
                sumSquares[d] += (double) row[d] * row[d];
            }
        }
        float[] mean = new float[dim];
        double[] spread = new double[dim];
        double meanSpread = 0;
        for (int d = 0; d < dim; d++) {
            double m = sum[d] / rows.size();
            mean[d] = (float) m;
            spread[d] = Math.sqrt(Math.max(0, sumSquares[d] / rows.size() - m * m));
            meanSpread += spread[d] / dim;
        }
        float[] scale = new float[dim];
        double floor = Math.max(1e-12, FLOOR_FRACTION * meanSpread);
        for (int d = 0; d < dim; d++) {
            scale[d] = (float) Math.max(floor, spread[d]);
        }
        return new FeatureScale(mean, scale);
    }

    public double[] apply(float[] x) {
        double[] z = new double[x.length];
        for (int d = 0; d < x.length; d++) {
            z[d] = (x[d] - mean[d]) / scale[d];
        }
        return z;
    }
}
