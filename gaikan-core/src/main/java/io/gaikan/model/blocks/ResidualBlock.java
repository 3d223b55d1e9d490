package io.gaikan.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.gaikan.model.flops.CountsFlops;
import io.gaikan.model.layers.Layer;

/**
 * A block computing {@code act(dropPath(branch(x)) + shortcut(x))}, or just {@code act(branch(x))} when it has no
 * shortcut. ResNet's and the MBConv family's blocks differ only in their branch, shortcut and final activation.
 */
public abstract class ResidualBlock extends Layer implements CountsFlops {

    private final float dropPathRate;
    private final Activation after;

    protected ResidualBlock(float dropPathRate, Activation after) {
        this.dropPathRate = dropPathRate;
        this.after = after;
    }

    protected abstract NDArray branch(ParameterStore ps, NDArray x, boolean training);

    /** The value added to the branch, or null for a block without a skip connection. */
    protected abstract NDArray shortcut(ParameterStore ps, NDArray x, boolean training);

    public float dropPathRate() {
        return dropPathRate;
    }

    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray y = branch(ps, x, training);
        NDArray skip = shortcut(ps, x, training);
        if (skip != null) {
            y = Sequence.release(y, DropPath.apply(y, dropPathRate, training));
            // in place, as torchvision's out += identity: the branch output is ours alone, and no backward needs it
            y = y.addi(skip);
            Sequence.release(skip, y, x);
        }
        return Sequence.release(y, after.apply(y));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training));
    }
}
