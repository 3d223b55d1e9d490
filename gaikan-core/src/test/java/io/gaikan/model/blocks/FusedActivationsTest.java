package io.gaikan.model.blocks;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fused SiLU, ReLU and ReLU6 compute the composite ops' values and gradients, with one fused backward function
 * each; ReLU and ReLU6 overwrite their input.
 */
class FusedActivationsTest {

    @Test
    void fusedActivationsMatchTheCompositeOpsForwardAndBackward() {
        assertTrue(FusedActivations.get().isPresent(), "the TorchScript activations must load on the PyTorch engine");
        FusedActivations fused = FusedActivations.get().orElseThrow();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomNormal(new Shape(2, 3, 5, 7)).mul(4f); // spans both ReLU6 bounds
            check(x, fused::silu, v -> v.mul(ai.djl.nn.Activation.sigmoid(v)), "SiluBackward0");
            check(x, fused::relu6, v -> v.clip(0f, 6f), "HardtanhBackward0");
            check(x, fused::relu, ai.djl.nn.Activation::relu, "ReluBackward0");
        }
    }

    @Test
    void reluAndRelu6RunInPlace() {
        FusedActivations fused = FusedActivations.get().orElseThrow();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[]{-1f, 3f, 8f});
            fused.relu(x);
            assertArrayEquals(new float[]{0f, 3f, 8f}, x.toFloatArray());
            fused.relu6(x);
            assertArrayEquals(new float[]{0f, 3f, 6f}, x.toFloatArray());
        }
    }

    private static void check(NDArray x, UnaryOperator<NDArray> fused, UnaryOperator<NDArray> composite, String backward) {
        float[][] fusedOut = valueAndGradient(x, fused, backward);
        float[][] compositeOut = valueAndGradient(x, composite, null);
        assertArrayEquals(compositeOut[0], fusedOut[0], 1e-6f, backward + " forward");
        assertArrayEquals(compositeOut[1], fusedOut[1], 1e-6f, backward + " gradient");
    }

    /**
     * {y, dy/dx summed}; asserts the autograd function that produced y when {@code backward} is given. f gets an
     * intermediate tensor (x * 1), as in a network: an in-place op on a leaf that requires grad is an error.
     */
    private static float[][] valueAndGradient(NDArray x0, UnaryOperator<NDArray> f, String backward) {
        try (NDManager step = x0.getManager().newSubManager()) {
            NDArray x = x0.duplicate();
            x.attach(step);
            x.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                y = f.apply(x.mul(1f));
                if (backward != null) {
                    assertEquals(backward, JniUtils.getGradientFunctionNames((PtNDArray) y));
                }
                collector.backward(y.sum());
            }
            return new float[][]{y.toFloatArray(), x.getGradient().toFloatArray()};
        }
    }
}
