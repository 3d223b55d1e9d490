package io.gaikan.fewshot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gaikan.linear.Lbfgs;
import io.gaikan.train.ModelState;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every few-shot head comes down to: class scores {@code W z + b} of an embedded feature vector z (see
 * {@link Embedding#apply}), turned into probabilities by a softmax at {@code temperature}. Prototypes are the case
 * {@code W} = scaled unit class means, {@code b} = 0; logistic regression fits {@code W} and {@code b}.
 *
 * @param kind        the head's name ({@link HeadKind})
 * @param embedding   how a raw feature vector becomes the vector the head scores
 * @param weights     one row per class
 * @param bias        one per class
 * @param temperature divides the scores before the softmax (calibrated on validation images when there are any)
 * @param classSums   per class, the sum of its training images' embedded vectors (each image's views averaged):
 *                    where transductive refinement ({@link SoftKMeans}) starts
 */
record LinearHead(HeadKind kind, Embedding embedding, double[][] weights, double[] bias, double temperature,
                  double[][] classSums) {

    static final String FILE = "fewshot-head.safetensors";

    LinearHead withTemperature(double t) {
        return new LinearHead(kind, embedding, weights, bias, t, classSums);
    }

    /** Calibrated probabilities of an embedded vector. */
    float[] probabilities(double[] z) {
        return softmax(scores(z), temperature);
    }

    int classes() {
        return bias.length;
    }

    /** Scores (before the temperature) of an embedded vector. */
    double[] scores(double[] z) {
        double[] s = new double[bias.length];
        for (int c = 0; c < s.length; c++) {
            s[c] = bias[c] + Lbfgs.dot(weights[c], z);
        }
        return s;
    }

    /** Calibrated probabilities of a raw feature vector. */
    float[] probabilities(float[] x) {
        return probabilities(embedding.apply(x));
    }

    static float[] softmax(double[] scores, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        double[] e = new double[scores.length];
        for (int c = 0; c < e.length; c++) {
            e[c] = Math.exp((scores[c] - max) / temperature);
            sum += e[c];
        }
        float[] p = new float[e.length];
        for (int c = 0; c < e.length; c++) {
            p[c] = (float) (e[c] / sum);
        }
        return p;
    }

    void save(Path runDir, NDManager manager) throws IOException {
        try (NDManager scope = manager.newSubManager()) {
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            tensors.put("center", scope.create(embedding.center()));
            if (embedding.standardised()) {
                tensors.put("scale", scope.create(embedding.scale()));
            }
            tensors.put("weight", matrix(weights, scope));
            tensors.put("bias", matrix(new double[][]{bias}, scope));
            tensors.put("class_sums", matrix(classSums, scope));
            ModelState.saveTensors(tensors, runDir.resolve(FILE));
        }
    }

    private static NDArray matrix(double[][] rows, NDManager manager) {
        int cols = rows[0].length;
        float[] flat = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < cols; c++) {
                flat[r * cols + c] = (float) rows[r][c];
            }
        }
        return manager.create(flat, new Shape(rows.length, cols));
    }

    private static double[][] rows(NDArray matrix) {
        int n = (int) matrix.getShape().get(0);
        int cols = (int) matrix.getShape().get(1);
        float[] flat = matrix.toFloatArray();
        double[][] out = new double[n][cols];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < cols; c++) {
                out[r][c] = flat[r * cols + c];
            }
        }
        return out;
    }

    static LinearHead load(Path runDir, HeadKind kind, double temperature, NDManager manager) throws IOException {
        try (NDManager scope = manager.newSubManager()) {
            Map<String, NDArray> t = ModelState.readTensors(runDir.resolve(FILE), scope);
            // heads saved before standardising existed have no scale: centring only, as they were fitted
            NDArray scale = t.get("scale");
            Embedding embedding = new Embedding(t.get("center").toFloatArray(), scale == null ? null : scale.toFloatArray());
            return new LinearHead(kind, embedding, rows(t.get("weight")), rows(t.get("bias"))[0],
                    temperature, rows(t.get("class_sums")));
        }
    }
}
