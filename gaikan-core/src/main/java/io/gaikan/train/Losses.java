package io.gaikan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Softmax cross-entropy with label smoothing that skips unlabelled rows ({@code label < 0}). */
final class Losses {

    private Losses() {
    }

    /** Mean loss over labelled rows, or null when the batch has none for this task. */
    static NDArray crossEntropy(NDManager manager, NDArray logits, int[] labels, float smoothing) {
        int n = labels.length;
        int k = (int) logits.getShape().get(1);
        float[] target = new float[n * k];
        int labelled = 0;
        float off = k > 1 ? smoothing / k : 0f;
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0) {
                continue;
            }
            labelled++;
            for (int j = 0; j < k; j++) {
                target[i * k + j] = off;
            }
            target[i * k + labels[i]] += 1f - smoothing;
        }
        if (labelled == 0) {
            return null;
        }
        NDArray t = manager.create(target, new Shape(n, k));
        return logits.logSoftmax(1).mul(t).sum().neg().div((float) labelled);
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
