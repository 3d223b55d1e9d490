package io.gaikan.experiment;

import io.gaikan.eval.ClassificationMetrics;

import java.util.Locale;

/** How the experiment's console lines and run index word a run's result and its time. */
final class RunText {

    private RunText() {
    }

    static String summary(ClassificationMetrics m) {
        if (m == null) {
            return "no test set";
        }
        String s = String.format(Locale.ROOT, "accuracy %.2f%%", 100 * m.accuracy());
        if (!Double.isNaN(m.missRate())) {
            s += String.format(Locale.ROOT, ", miss %.2f%%, over-detection %.2f%%", 100 * m.missRate(),
                    100 * m.overDetectionRate());
        }
        return s;
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? String.format(Locale.ROOT, "%.1fs", seconds)
                : s < 3600 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
                : String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
