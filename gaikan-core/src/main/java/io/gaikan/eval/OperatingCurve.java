package io.gaikan.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.DoubleStream;

/**
 * The trade between missed defects and false alarms as the defect threshold moves. An image's defect score is the
 * probability of the defect classes together (1 - P(normal classes)); an image is judged defective when its score is
 * at least the threshold. Each point gives the miss rate (defects judged normal) and the over-detection rate (normal
 * parts judged defective) at one threshold, from 0 (everything defective: no misses) to above every score (nothing
 * defective). A line that must not miss defects picks the threshold on validation images with
 * {@link #thresholdForMissRate(double)} and pays for it in over-detection.
 */
public record OperatingCurve(List<Point> points, int defects, int normals) {

    public record Point(double threshold, double missRate, double overDetectionRate) {
    }

    public OperatingCurve {
        points = List.copyOf(points);
    }

    /** Every image's defect score: 1 - its probability of the normal classes. */
    public static double[] defectScores(float[][] probabilities, List<String> classes, Set<String> normalClasses) {
        double[] scores = new double[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            double normal = 0;
            for (int c = 0; c < classes.size(); c++) {
                if (normalClasses.contains(classes.get(c))) {
                    normal += probabilities[i][c];
                }
            }
            scores[i] = Math.min(1, Math.max(0, 1 - normal));
        }
        return scores;
    }

    /**
     * The curve of the main task's probabilities against its labels. Needs normal classes, and labelled images of both
     * groups.
     */
    public static OperatingCurve of(float[][] probabilities, int[] truth, List<String> classes, Set<String> normalClasses) {
        if (normalClasses.isEmpty()) {
            throw new IllegalArgumentException("a miss rate needs the normal (OK) classes: give --normal-classes when training");
        }
        double[] all = defectScores(probabilities, classes, normalClasses);
        List<Double> defectScores = new ArrayList<>();
        List<Double> normalScores = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] >= 0) {
                (normalClasses.contains(classes.get(truth[i])) ? normalScores : defectScores).add(all[i]);
            }
        }
        if (defectScores.isEmpty() || normalScores.isEmpty()) {
            throw new IllegalArgumentException("a miss rate and an over-detection rate need labelled defect and normal "
                    + "images; got " + defectScores.size() + " defect and " + normalScores.size() + " normal");
        }
        double[] d = defectScores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] n = normalScores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] thresholds = DoubleStream.concat(Arrays.stream(d), Arrays.stream(n))
                .distinct().sorted().toArray();
        List<Point> points = new ArrayList<>(thresholds.length + 2);
        points.add(new Point(0, 0, 1));
        for (double t : thresholds) {
            if (t > 0) {
                points.add(new Point(t, (double) below(d, t) / d.length, (double) (n.length - below(n, t)) / n.length));
            }
        }
        points.add(new Point(Math.nextUp(thresholds[thresholds.length - 1]), 1, 0));
        return new OperatingCurve(points, d.length, n.length);
    }

    /** The curve of the main (first) task of {@code predictions}. */
    public static OperatingCurve ofMainTask(Predictions predictions, List<String> mainClasses, Set<String> normalClasses) {
        return of(predictions.probabilities().get(0), predictions.truth().get(0), mainClasses, normalClasses);
    }

    /** CSV lines: a header, then threshold, miss rate, over-detection rate per point. */
    public static final List<String> CSV_HEADER = List.of("threshold", "miss_rate", "over_detection_rate");

    /** One record per point, under {@link #CSV_HEADER}. */
    public List<List<String>> csvRows() {
        return points.stream().map(p -> List.of(String.format(Locale.ROOT, "%.6f", p.threshold()),
                String.format(Locale.ROOT, "%.6f", p.missRate()), String.format(Locale.ROOT, "%.6f", p.overDetectionRate())))
                .toList();
    }

    /** How many of the sorted {@code scores} are below {@code t}. */
    private static int below(double[] sorted, double t) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The highest threshold whose miss rate is at most {@code maxMissRate}: the fewest false alarms under that limit. */
    public Point thresholdForMissRate(double maxMissRate) {
        if (!(maxMissRate >= 0 && maxMissRate <= 1)) {
            throw new IllegalArgumentException("the miss rate limit must be between 0 and 1, got " + maxMissRate);
        }
        Point best = points.get(0);
        for (Point p : points) {
            if (p.missRate() <= maxMissRate && p.threshold() > best.threshold()) {
                best = p;
            }
        }
        return best;
    }

    /** Miss and over-detection rate at {@code threshold}. */
    public Point at(double threshold) {
        // Between two neighbouring scores nothing changes: a threshold judges like the lowest point at or above it.
        Point at = points.get(points.size() - 1);
        for (int i = points.size() - 1; i >= 0 && points.get(i).threshold() >= threshold; i--) {
            at = points.get(i);
        }
        return new Point(threshold, at.missRate(), at.overDetectionRate());
    }
}
