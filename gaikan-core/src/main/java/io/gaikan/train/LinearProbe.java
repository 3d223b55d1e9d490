package io.gaikan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import io.gaikan.data.Batch;
import io.gaikan.data.BatchLoader;
import io.gaikan.linear.FeatureScale;
import io.gaikan.linear.SoftmaxRegression;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ParameterNames;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --head-init probe}: fine-tuning starts from a linear probe instead of a random classifier (LP-FT, Kumar et
 * al., "Fine-Tuning can Distort Pretrained Features and Underperform Out-of-Distribution", ICLR 2022). A random
 * head's first gradients reshape the pretrained features before the head means anything, and with a handful of
 * images per class those first steps are most of the run.
 */
final class LinearProbe {

    /** Penalty per standardised feature: the few-shot heads' default (fewshot.Heads#DEFAULT_L2). */
    static final double L2 = 1e-3;

    private LinearProbe() {
    }

    /**
     * Fits softmax regression on the standardised pooled features of the un-augmented training images (main task)
     * and writes it into the main classifier, with the standardisation folded into its weights and bias so the
     * network's logits equal the probe's.
     */
    static void initialiseMainHead(ImageClassifier model, BatchLoader plainTrain, int classes, NDManager manager,
                                   PrintStream out) {
        int n = plainTrain.size();
        int dim = model.featureDim();
        float[][] features = new float[n][];
        int[] labels = new int[n];
        ParameterStore ps = new ParameterStore(manager, false);
        Iterator<Batch> batches = plainTrain.epoch(0, 0, false);
        while (batches.hasNext()) {
            Batch batch = batches.next();
            try (NDManager step = manager.newSubManager()) {
                NDArray x = step.create(batch.pixels(), new Shape(batch.size(), batch.channels(), batch.height(), batch.width()));
                float[] flat = model.forwardFeatures(ps, x, false).toFloatArray();
                for (int b = 0; b < batch.size(); b++) {
                    int i = batch.indices()[b];
                    features[i] = Arrays.copyOfRange(flat, b * dim, (b + 1) * dim);
                    labels[i] = batch.labels()[0][b];
                }
            }
        }
        FeatureScale scale = FeatureScale.fit(Arrays.asList(features));
        double[][] rows = Arrays.stream(features).map(scale::apply).toArray(double[][]::new);
        double[] weights = new double[n];
        Arrays.fill(weights, 1);
        SoftmaxRegression.Fit fit = SoftmaxRegression.fit(rows, labels, weights, classes, L2, new double[classes][dim]);

        // W (x - mean) / scale + b  =  (W / scale) x + (b - (W / scale) . mean)
        float[] w = new float[classes * dim];
        float[] bias = new float[classes];
        int hits = 0;
        for (int c = 0; c < classes; c++) {
            double shift = 0;
            for (int d = 0; d < dim; d++) {
                double folded = fit.weights()[c][d] / scale.scale()[d];
                w[c * dim + d] = (float) folded;
                shift += folded * scale.mean()[d];
            }
            bias[c] = (float) (fit.bias()[c] - shift);
        }
        for (int i = 0; i < n; i++) {
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                double s = fit.bias()[c];
                for (int d = 0; d < dim; d++) {
                    s += fit.weights()[c][d] * rows[i][d];
                }
                if (s > bestScore) {
                    bestScore = s;
                    best = c;
                }
            }
            hits += best == labels[i] ? 1 : 0;
        }
        Map<String, Parameter> parameters = ParameterNames.of(model);
        parameters.get(model.classifierName() + ".weight").getArray().set(w);
        parameters.get(model.classifierName() + ".bias").getArray().set(bias);
        out.printf(Locale.ROOT, "head: a linear probe on the pooled features of %d training images (L2 %.0e, training "
                + "accuracy %.1f %%), fine-tuned from there%n", n, L2, 100.0 * hits / n);
    }
}
