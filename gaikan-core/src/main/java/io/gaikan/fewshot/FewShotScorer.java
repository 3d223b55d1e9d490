package io.gaikan.fewshot;

import ai.djl.ndarray.NDManager;
import io.gaikan.data.Sample;
import io.gaikan.data.Task;
import io.gaikan.eval.Predictions;
import io.gaikan.train.RunScorer;

import java.io.PrintStream;
import java.util.List;

/**
 * A fitted few-shot head on its frozen backbone: features of each image (averaged over its test views), the head's
 * calibrated probabilities, and with transductive refinement those of all images classified together.
 */
final class FewShotScorer implements RunScorer {

    private final NDManager manager;
    private final PooledFeatures features;
    private final LinearHead head;
    private final int testViews;
    private final boolean transductive;

    FewShotScorer(NDManager manager, PooledFeatures features, LinearHead head, int testViews, boolean transductive) {
        this.manager = manager;
        this.features = features;
        this.head = head;
        this.testViews = testViews;
        this.transductive = transductive;
    }

    /** Embedded vectors ({@link Embedding#apply}) of {@code samples}, each the mean of its test views. */
    double[][] embedded(List<Sample> samples, int threads, PrintStream out, boolean quiet) {
        float[][][] views = features.extract(samples, testViews, manager, threads, "features", out, quiet);
        double[][] z = new double[samples.size()][];
        for (int i = 0; i < z.length; i++) {
            float[] mean = new float[views[0][i].length];
            for (int v = 0; v < testViews; v++) {
                for (int d = 0; d < mean.length; d++) {
                    mean[d] += views[v][i][d] / testViews;
                }
            }
            z[i] = head.embedding().apply(mean);
        }
        return z;
    }

    @Override
    public Predictions predict(List<Sample> samples, List<Task> tasks, int threads, PrintStream out, boolean quiet) {
        return predictions(embedded(samples, threads, out, quiet), samples, tasks);
    }

    Predictions predictions(double[][] z, List<Sample> samples, List<Task> tasks) {
        float[][] p = new float[z.length][];
        for (int i = 0; i < z.length; i++) {
            p[i] = head.probabilities(z[i]);
        }
        if (transductive && z.length > 0) {
            p = SoftKMeans.refine(head.classSums(), z, p);
        }
        return Predictions.ofMainTask(tasks, samples, p);
    }

    /**
     * Where the evidence for the predicted class against the others lies: the predicted class's weights minus the
     * mean of all classes' weights, split over the image ({@link PooledFeatures#evidenceMaps}); drawn from 0 (no
     * evidence) to the image's strongest.
     */
    @Override
    public List<HeatMap> heatMaps(List<Sample> samples, int threads, PrintStream out, boolean quiet) {
        double[][] z = embedded(samples, threads, out, quiet);
        double[][] weights = new double[samples.size()][];
        int classes = head.classes();
        for (int i = 0; i < z.length; i++) {
            float[] p = head.probabilities(z[i]);
            int k = 0;
            for (int c = 1; c < classes; c++) {
                k = p[c] > p[k] ? c : k;
            }
            double[] w = head.weights()[k].clone();
            for (int d = 0; d < w.length; d++) {
                double mean = 0;
                for (int c = 0; c < classes; c++) {
                    mean += head.weights()[c][d] / classes;
                }
                w[d] -= mean;
            }
            weights[i] = w;
        }
        float[][][] maps = features.evidenceMaps(samples, weights, manager, threads, out, quiet);
        List<HeatMap> drawn = new java.util.ArrayList<>(maps.length);
        for (float[][] map : maps) {
            float max = Float.MIN_VALUE;
            for (float[] row : map) {
                for (float v : row) {
                    max = Math.max(max, v);
                }
            }
            drawn.add(new HeatMap(map, 0, max));
        }
        return drawn;
    }

    @Override
    public void close() {
        manager.close();
    }
}
