package io.gaikan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LossesTest {

    private static final float[] LOGITS = {2f, 0f, -1f, 0.5f, 1.5f, 0f, -2f, 0f, 3f, 1f, 1f, 1f};

    /** -log softmax(row)[label], by hand. */
    private static double nll(int row, int label) {
        double sum = 0;
        for (int j = 0; j < 3; j++) {
            sum += Math.exp(LOGITS[row * 3 + j]);
        }
        return -(LOGITS[row * 3 + label] - Math.log(sum));
    }

    @Test
    void classWeightedLossIsTheWeightedMeanOverLabelledRows() {
        int[] labels = {0, 1, 2, -1};
        float[] weights = {0.5f, 2f, 1f};
        double expected = (0.5 * nll(0, 0) + 2 * nll(1, 1) + 1 * nll(2, 2)) / (0.5 + 2 + 1);
        double plain = (nll(0, 0) + nll(1, 1) + nll(2, 2)) / 3;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(LOGITS, new Shape(4, 3));
            assertEquals(expected, Losses.crossEntropy(m, logits, labels, 0f, weights).getFloat(), 1e-5);
            assertEquals(plain, Losses.crossEntropy(m, logits, labels, 0f, null).getFloat(), 1e-5);
            assertEquals(plain, Losses.crossEntropy(m, logits, labels, 0f, new float[]{1f, 1f, 1f}).getFloat(), 1e-5);
            assertNull(Losses.crossEntropy(m, logits, new int[]{-1, -1, -1, -1}, 0f, weights));
        }
    }

    @Test
    void balancedWeightsMakeEveryPresentClassWeighTheSame() {
        int[] counts = {900, 100, 0, 200};
        float[] w = Losses.balancedWeights(counts);
        assertArrayEquals(new float[]{1200f / (3 * 900), 1200f / (3 * 100), 0f, 1200f / (3 * 200)}, w, 1e-6f);
        for (int c : new int[]{0, 1, 3}) {
            assertEquals(1200f / 3, counts[c] * w[c], 1e-3f, "class " + c + " in total");
        }
    }
}
