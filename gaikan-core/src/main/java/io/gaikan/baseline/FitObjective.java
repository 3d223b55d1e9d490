package io.gaikan.baseline;

/**
 * What the training-set search optimises for the OK/NG rule: plain training accuracy, or the lowest over-detection
 * rate among settings whose training miss rate stays within a bound (missed defects cost more than false alarms).
 *
 * @param maxMissRate NaN for plain accuracy, else the miss-rate bound in [0, 1]
 */
public record FitObjective(double maxMissRate) {

    public FitObjective {
        if (!Double.isNaN(maxMissRate) && (maxMissRate < 0 || maxMissRate > 1)) {
            throw new IllegalArgumentException("miss-rate bound must be in [0, 1], got " + maxMissRate);
        }
    }

    public static FitObjective accuracy() {
        return new FitObjective(Double.NaN);
    }

    public static FitObjective missRateAtMost(double bound) {
        return new FitObjective(bound);
    }

    public boolean isAccuracy() {
        return Double.isNaN(maxMissRate);
    }

    /**
     * Scores a confusion of the OK/NG decision; a higher score is better.
     *
     * @param detected defect images judged NG, of {@code defects}
     * @param falseAlarms normal images judged NG, of {@code normals}
     */
    Score score(int detected, int defects, int falseAlarms, int normals) {
        double accuracy = (double) (detected + normals - falseAlarms) / Math.max(1, defects + normals);
        double missRate = defects == 0 ? 0 : (double) (defects - detected) / defects;
        double overDetection = normals == 0 ? 0 : (double) falseAlarms / normals;
        if (isAccuracy()) {
            return new Score(accuracy, -missRate);
        }
        // every setting within the bound beats every setting outside it
        return missRate <= maxMissRate + 1e-12 ? new Score(2 - overDetection, accuracy) : new Score(-missRate, -overDetection);
    }

    /** Lexicographic score: {@code primary} first, {@code secondary} breaks ties. */
    record Score(double primary, double secondary) implements Comparable<Score> {
        static final Score WORST = new Score(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);

        @Override
        public int compareTo(Score o) {
            int c = Double.compare(primary, o.primary);
            return c != 0 ? c : Double.compare(secondary, o.secondary);
        }

        boolean beats(Score o) {
            return compareTo(o) > 0;
        }
    }
}
