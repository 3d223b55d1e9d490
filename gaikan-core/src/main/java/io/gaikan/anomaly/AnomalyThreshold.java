package io.gaikan.anomaly;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The defect threshold on an anomaly score and the scale that turns a score into a defect probability,
 * {@code sigmoid((score - threshold) / scale)}: 0.5 at the threshold, so "the most probable class" and the threshold
 * give the same verdict, and the defect score of {@code eval --max-miss-rate} and {@code predict --defect-threshold}
 * ranks images exactly as the anomaly score does.
 *
 * @param threshold anomaly score at which an image is judged defective
 * @param scale     spread of normal validation scores (their standard deviation)
 * @param rule      how the threshold was chosen, for people
 */
record AnomalyThreshold(double threshold, double scale, String rule) {

    /** The share of normal validation images allowed above the threshold when no defect image is there to judge by. */
    static final double NORMAL_QUANTILE = 0.99;

    /**
     * With defect images among the validation images: the threshold with the highest mean of normal and defect
     * accuracy (Youden's J); with normal images only: their {@value #NORMAL_QUANTILE} quantile.
     */
    static AnomalyThreshold choose(double[] normal, double[] defect) {
        if (normal.length == 0) {
            throw new IllegalArgumentException("choosing an anomaly threshold needs normal validation images (--val > 0)");
        }
        double[] sortedNormal = normal.clone();
        Arrays.sort(sortedNormal);
        double mean = Arrays.stream(normal).average().orElse(0);
        double std = Math.sqrt(Arrays.stream(normal).map(v -> (v - mean) * (v - mean)).average().orElse(0));
        double scale = std > 0 ? std : Math.max(1e-6, Math.abs(mean) * 0.1);
        if (defect.length == 0) {
            int index = (int) Math.min(sortedNormal.length - 1, Math.ceil(NORMAL_QUANTILE * sortedNormal.length) - 1);
            return new AnomalyThreshold(sortedNormal[Math.max(0, index)], scale,
                    "the 99th percentile of " + normal.length + " normal validation images");
        }
        double best = Double.NEGATIVE_INFINITY;
        double threshold = sortedNormal[sortedNormal.length - 1];
        double[] candidates = java.util.stream.DoubleStream.concat(Arrays.stream(normal), Arrays.stream(defect))
                .sorted().distinct().toArray();
        for (double t : candidates) {
            double normalOk = Arrays.stream(normal).filter(v -> v < t).count() / (double) normal.length;
            double defectOk = Arrays.stream(defect).filter(v -> v >= t).count() / (double) defect.length;
            if (normalOk + defectOk > best) {
                best = normalOk + defectOk;
                threshold = t;
            }
        }
        return new AnomalyThreshold(threshold, scale, "the best balanced accuracy on " + normal.length
                + " normal and " + defect.length + " defect validation images");
    }

    double defectProbability(double score) {
        return 1 / (1 + Math.exp(-(score - threshold) / scale));
    }

    /**
     * Class probabilities for the main task: the defect probability on the first defect class, the rest on the first
     * normal class. An anomaly detector tells defective from normal, not one defect kind from another; putting each
     * side on one class keeps "the most probable class" on the same side as the threshold.
     */
    float[] classProbabilities(double score, List<String> classes, Set<String> normalClasses) {
        double p = defectProbability(score);
        float[] out = new float[classes.size()];
        int firstNormal = -1;
        int firstDefect = -1;
        for (int k = 0; k < out.length; k++) {
            boolean normal = normalClasses.contains(classes.get(k));
            if (normal && firstNormal < 0) {
                firstNormal = k;
            } else if (!normal && firstDefect < 0) {
                firstDefect = k;
            }
        }
        out[firstNormal] = (float) (1 - p);
        out[firstDefect] = (float) p;
        return out;
    }
}
