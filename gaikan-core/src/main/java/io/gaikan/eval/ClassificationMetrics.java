package io.gaikan.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test metrics an inspection engineer reads: accuracy, per-class accuracy, accuracy over the defect and the normal
 * classes, and the two error rates that matter on a line: the miss rate (a defect judged normal) and the
 * over-detection rate (a normal part judged defective). Group figures are NaN when no normal classes are declared
 * or a group has no test images.
 *
 * @param confusion rows = true class, columns = predicted class
 */
public record ClassificationMetrics(
        int count,
        double accuracy,
        Map<String, Double> perClassAccuracy,
        double defectAccuracy,
        double normalAccuracy,
        double missRate,
        double overDetectionRate,
        List<String> classes,
        List<String> normalClasses,
        int[][] confusion) {

    public static ClassificationMetrics compute(List<String> classes, Set<String> normalClasses, int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("truth and predictions differ in length: " + truth.length + " vs " + predicted.length);
        }
        int k = classes.size();
        int[][] confusion = new int[k][k];
        for (int i = 0; i < truth.length; i++) {
            confusion[truth[i]][predicted[i]]++;
        }
        boolean[] normal = new boolean[k];
        for (int c = 0; c < k; c++) {
            normal[c] = normalClasses.contains(classes.get(c));
        }
        int correct = 0;
        int defectTotal = 0, defectCorrect = 0, missed = 0;
        int normalTotal = 0, normalCorrect = 0, overDetected = 0;
        Map<String, Double> perClass = new LinkedHashMap<>();
        for (int t = 0; t < k; t++) {
            int rowTotal = 0;
            for (int p = 0; p < k; p++) {
                int n = confusion[t][p];
                rowTotal += n;
                if (normal[t] && !normal[p]) {
                    overDetected += n;
                } else if (!normal[t] && normal[p]) {
                    missed += n;
                }
            }
            int hit = confusion[t][t];
            correct += hit;
            perClass.put(classes.get(t), ratio(hit, rowTotal));
            if (normal[t]) {
                normalTotal += rowTotal;
                normalCorrect += hit;
            } else {
                defectTotal += rowTotal;
                defectCorrect += hit;
            }
        }
        boolean grouped = !normalClasses.isEmpty();
        return new ClassificationMetrics(truth.length, ratio(correct, truth.length), perClass,
                grouped ? ratio(defectCorrect, defectTotal) : Double.NaN,
                grouped ? ratio(normalCorrect, normalTotal) : Double.NaN,
                grouped ? ratio(missed, defectTotal) : Double.NaN,
                grouped ? ratio(overDetected, normalTotal) : Double.NaN,
                List.copyOf(classes), classes.stream().filter(normalClasses::contains).toList(), confusion);
    }

    /**
     * The mean of the per-class accuracies over the classes that have test images: what accuracy would be on a test
     * set with as many images of every class, so that a set that is mostly one class (magnetic tile's {@code Free})
     * cannot hide a model that never finds the others.
     */
    public double balancedAccuracy() {
        return perClassAccuracy.values().stream().filter(v -> v != null && !v.isNaN()).mapToDouble(Double::doubleValue)
                .average().orElse(Double.NaN);
    }

    private static double ratio(int num, int den) {
        return den == 0 ? Double.NaN : (double) num / den;
    }
}
