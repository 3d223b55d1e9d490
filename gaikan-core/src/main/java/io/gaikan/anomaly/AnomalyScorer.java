package io.gaikan.anomaly;

import ai.djl.ndarray.NDManager;
import io.gaikan.data.Sample;
import io.gaikan.data.Task;
import io.gaikan.eval.Predictions;
import io.gaikan.train.RunScorer;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** A fitted anomaly detector as class probabilities (see {@link AnomalyThreshold#classProbabilities}) and heat maps. */
final class AnomalyScorer implements RunScorer {

    private final NDManager manager;
    private final AnomalyDetector detector;
    private final AnomalyThreshold threshold;
    private final List<String> classes;
    private final Set<String> normalClasses;

    AnomalyScorer(NDManager manager, AnomalyDetector detector, AnomalyThreshold threshold, List<String> classes,
                  Set<String> normalClasses) {
        this.manager = manager;
        this.detector = detector;
        this.threshold = threshold;
        this.classes = List.copyOf(classes);
        this.normalClasses = Set.copyOf(normalClasses);
    }

    AnomalyScores scores(List<Sample> samples, int threads, PrintStream out, boolean quiet) {
        return detector.score(samples, manager, threads, out, quiet);
    }

    AnomalyDetector detector() {
        return detector;
    }

    @Override
    public Predictions predict(List<Sample> samples, List<Task> tasks, int threads, PrintStream out, boolean quiet) {
        return predictions(scores(samples, threads, out, quiet).image(), samples, tasks);
    }

    /** Anomaly maps drawn from two normal-score spreads below the threshold (cold) to two above (hot). */
    @Override
    public List<HeatMap> heatMaps(List<Sample> samples, int threads, PrintStream out, boolean quiet) {
        float[][][] maps = scores(samples, threads, out, quiet).maps();
        double low = threshold.threshold() - 2 * threshold.scale();
        double high = threshold.threshold() + 2 * threshold.scale();
        return Arrays.stream(maps).map(m -> new HeatMap(m, low, high)).toList();
    }

    Predictions predictions(double[] scores, List<Sample> samples, List<Task> tasks) {
        float[][] probabilities = new float[samples.size()][];
        for (int i = 0; i < samples.size(); i++) {
            probabilities[i] = threshold.classProbabilities(scores[i], classes, normalClasses);
        }
        return Predictions.ofMainTask(tasks, samples, probabilities);
    }

    @Override
    public void close() {
        detector.close();
        manager.close();
    }
}
