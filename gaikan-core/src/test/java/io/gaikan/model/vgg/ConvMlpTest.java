package io.gaikan.model.vgg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class ConvMlpTest {

    /** torch.nn.functional.adaptive_avg_pool2d(x, (7, 7)) for x = [[1, 2], [3, 4]]: rows/cols 0-2 copy index 0, 3 averages both, 4-6 copy index 1. */
    @Test
    void smallMapsArePooledAdaptivelyUpToTheKernel() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
            float[] y = ConvMlp.adaptiveAvgPool(x, 7, 7).toFloatArray();
            float[] rowValues = {0, 0, 0, 0.5f, 1, 1, 1};
            float[] expected = new float[49];
            for (int i = 0; i < 7; i++) {
                for (int j = 0; j < 7; j++) {
                    // bilinear blend of the 2x2 corners with weights 0, 0.5 or 1 per axis
                    float a = rowValues[i];
                    float b = rowValues[j];
                    expected[i * 7 + j] = (1 - a) * ((1 - b) * 1 + b * 2) + a * ((1 - b) * 3 + b * 4);
                }
            }
            assertArrayEquals(expected, y, 1e-6f);
        }
    }
}
