package io.gaikan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Softmax cross-entropy with label smoothing and optional class weights that skips unlabelled rows
 * ({@code label < 0}).
 */
final class Losses {

    private Losses() {
    }

    /**
     * Mean loss over labelled rows, or null when the batch has none for this task. With {@code classWeights} (null =
     * all 1) a row counts with its true class's weight and the mean is taken over the weights, as PyTorch's weighted
     * {@code cross_entropy} does.
     */
    static NDArray crossEntropy(NDManager manager, NDArray logits, int[] labels, float smoothing, float[] classWeights) {
        int n = labels.length;
        int k = (int) logits.getShape().get(1);
        float[] target = new float[n * k];
        float weightSum = 0;
        float off = k > 1 ? smoothing / k : 0f;
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0) {
                continue;
            }
            float w = classWeights == null ? 1f : classWeights[labels[i]];
            weightSum += w;
            for (int j = 0; j < k; j++) {
                target[i * k + j] = off * w;
            }
            target[i * k + labels[i]] += (1f - smoothing) * w;
        }
        if (weightSum == 0) {
            return null;
        }
        NDArray t = manager.create(target, new Shape(n, k));
        return logits.logSoftmax(1).mul(t).sum().neg().div(weightSum);
    }

    /**
     * scikit-learn's "balanced" class weights, {@code n / (classes present * count)}: every class then weighs as much
     * in the loss as if all were equally frequent. A class without images gets 0.
     */
    static float[] balancedWeights(int[] counts) {
        long total = 0;
        int present = 0;
        for (int c : counts) {
            total += c;
            present += c > 0 ? 1 : 0;
        }
        float[] weights = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            weights[i] = counts[i] == 0 ? 0f : (float) total / (present * counts[i]);
        }
        return weights;
    }

    static int argmax(float[] row, int offset, int k) {
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (row[offset + j] > row[offset + best]) {
                best = j;
            }
        }
        return best;
    }
}
