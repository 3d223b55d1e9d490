package io.gaikan.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Class probabilities of every task for a list of images, with the true labels ({@code -1} = unlabelled).
 *
 * @param taskNames   task names, main task first
 * @param truth       per task, the true label of each image
 * @param probabilities per task, per image, the softmax over that task's classes
 */
public record Predictions(List<String> taskNames, List<int[]> truth, List<float[][]> probabilities) {

    /**
     * Predictions of a model that answers the main task only (a fitted method): its probabilities per image, the true
     * labels read from the samples by the main task.
     */
    public static Predictions ofMainTask(List<io.gaikan.data.Task> tasks, List<io.gaikan.data.Sample> samples,
                                         float[][] probabilities) {
        int[] truth = samples.stream().mapToInt(tasks.get(0).labeler()).toArray();
        List<float[][]> probs = new java.util.ArrayList<>();
        probs.add(probabilities);
        return new Predictions(List.of(tasks.get(0).name()), List.<int[]>of(truth), probs);
    }

    public int size() {
        return truth.get(0).length;
    }

    public int predicted(int task, int image) {
        float[] p = probabilities.get(task)[image];
        int best = 0;
        for (int j = 1; j < p.length; j++) {
            if (p[j] > p[best]) {
                best = j;
            }
        }
        return best;
    }

    /** Mean negative log-likelihood of the true class over labelled images. */
    public double loss(int task) {
        double sum = 0;
        int n = 0;
        int[] t = truth.get(task);
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= 0) {
                sum -= Math.log(Math.max(1e-12, probabilities.get(task)[i][t[i]]));
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    public double accuracy(int task) {
        int hit = 0, n = 0;
        int[] t = truth.get(task);
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= 0) {
                n++;
                hit += predicted(task, i) == t[i] ? 1 : 0;
            }
        }
        return n == 0 ? Double.NaN : (double) hit / n;
    }

    /**
     * Metrics per task over its labelled images. The main task's defect/normal groups come from
     * {@code normalClasses}; an auxiliary task named by its classes "defect"/"normal" is grouped likewise.
     */
    public Map<String, ClassificationMetrics> metrics(List<List<String>> taskClasses, Set<String> normalClasses) {
        Map<String, ClassificationMetrics> out = new LinkedHashMap<>();
        for (int task = 0; task < taskNames.size(); task++) {
            int[] t = truth.get(task);
            int n = 0;
            for (int label : t) {
                n += label >= 0 ? 1 : 0;
            }
            int[] truthL = new int[n];
            int[] predL = new int[n];
            for (int i = 0, j = 0; i < t.length; i++) {
                if (t[i] >= 0) {
                    truthL[j] = t[i];
                    predL[j++] = predicted(task, i);
                }
            }
            List<String> classes = taskClasses.get(task);
            Set<String> normal = task == 0 ? normalClasses : classes.contains("normal") ? Set.of("normal") : Set.of();
            out.put(taskNames.get(task), ClassificationMetrics.compute(classes, normal, truthL, predL));
        }
        return out;
    }

    /**
     * What the model says about each image ({@code images} in prediction order): per task the most probable class of
     * {@code taskClasses} and its probability; with {@code normalClasses}, the defect score (1 - P(normal)) and the
     * verdict, by the most probable class or, with {@code defectThreshold}, by the score.
     */
    public List<Classification> classifications(List<java.nio.file.Path> images, List<List<String>> taskClasses,
                                                Set<String> normalClasses, Double defectThreshold) {
        double[] scores = OperatingCurve.defectScores(probabilities.get(0), taskClasses.get(0), normalClasses);
        List<Classification> out = new java.util.ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            List<Classification.TaskLabel> labels = new java.util.ArrayList<>(taskClasses.size());
            for (int t = 0; t < taskClasses.size(); t++) {
                int k = predicted(t, i);
                float[] p = probabilities.get(t)[i];
                java.util.Map<String, Float> all = new java.util.LinkedHashMap<>();
                for (int c = 0; c < p.length; c++) {
                    all.put(taskClasses.get(t).get(c), p[c]);
                }
                labels.add(new Classification.TaskLabel(taskNames.get(t), taskClasses.get(t).get(k), p[k], all));
            }
            java.util.Optional<Boolean> defect = normalClasses.isEmpty() ? java.util.Optional.empty()
                    : java.util.Optional.of(defectThreshold != null ? scores[i] >= defectThreshold
                    : !normalClasses.contains(labels.get(0).label()));
            out.add(new Classification(images.get(i), labels, normalClasses.isEmpty() ? Double.NaN : scores[i], defect));
        }
        return out;
    }

    /** Per image, per task, the true class name ("" when unlabelled). */
    public List<List<String>> truthLabels(List<List<String>> taskClasses) {
        List<List<String>> out = new java.util.ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            List<String> row = new java.util.ArrayList<>(taskClasses.size());
            for (int t = 0; t < taskClasses.size(); t++) {
                int k = truth.get(t)[i];
                row.add(k >= 0 ? taskClasses.get(t).get(k) : "");
            }
            out.add(row);
        }
        return out;
    }
}
