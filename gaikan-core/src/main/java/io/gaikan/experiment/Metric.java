package io.gaikan.experiment;

import io.gaikan.eval.ClassificationMetrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** The test figures a report can tabulate, each knowing which direction is better (seed tables use percent). */
public enum Metric {
    ACCURACY("accuracy", "Accuracy", true, ClassificationMetrics::accuracy),
    BALANCED_ACCURACY("balanced_accuracy", "Mean per-class accuracy", true, ClassificationMetrics::balancedAccuracy),
    MISS_RATE("miss_rate", "Miss rate, NG judged OK", false, ClassificationMetrics::missRate),
    OVER_DETECTION_RATE("over_detection_rate", "Over-detection rate, OK judged NG", false,
            ClassificationMetrics::overDetectionRate),
    DEFECT_ACCURACY("defect_accuracy", "Defect-class accuracy", true, ClassificationMetrics::defectAccuracy),
    NORMAL_ACCURACY("normal_accuracy", "Normal-class accuracy", true, ClassificationMetrics::normalAccuracy);

    private final String key;
    private final String title;
    private final boolean higherIsBetter;
    private final ToDoubleFunction<ClassificationMetrics> value;

    Metric(String key, String title, boolean higherIsBetter, ToDoubleFunction<ClassificationMetrics> value) {
        this.key = key;
        this.title = title;
        this.higherIsBetter = higherIsBetter;
        this.value = value;
    }

    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The figure in percent; NaN when undefined (e.g. group rates without normal classes). */
    public double percent(ClassificationMetrics m) {
        return 100 * value.applyAsDouble(m);
    }

    public static Metric byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown metric '" + key + "'; known: "
                        + Arrays.stream(values()).map(Metric::key).collect(Collectors.joining(", "))));
    }
}
