package io.gaikan.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Stochastic depth (timm's drop_path): in training, each sample's residual branch is zeroed with probability
 * {@code rate} and the survivors are scaled by {@code 1 / (1 - rate)}; identity in inference.
 */
public final class DropPath {

    private DropPath() {
    }

    public static NDArray apply(NDArray branch, float rate, boolean training) {
        if (!training || rate <= 0f) {
            return branch;
        }
        float keep = 1f - rate;
        long[] maskShape = new long[branch.getShape().dimension()];
        java.util.Arrays.fill(maskShape, 1);
        maskShape[0] = branch.getShape().get(0);
        NDArray uniform = branch.getManager().randomUniform(0f, 1f, new Shape(maskShape));
        NDArray kept = Sequence.release(uniform, uniform.add(keep));
        kept = Sequence.release(kept, kept.floor());
        NDArray mask = Sequence.release(kept, kept.div(keep));
        return Sequence.release(mask, branch.mul(mask));
    }

    /** timm's linear rule: block {@code index} of {@code count} gets {@code rate * index / denominator}. */
    public static float linearRate(float rate, int index, int denominator) {
        return denominator <= 0 ? 0f : rate * index / denominator;
    }
}
