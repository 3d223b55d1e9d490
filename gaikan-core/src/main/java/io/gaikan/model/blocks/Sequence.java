package io.gaikan.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.gaikan.model.layers.NamedSequential;

/**
 * Runs a chain of blocks and releases each intermediate output as soon as the next block has consumed it, as
 * PyTorch eager frees temporaries. Only the Java handle is closed: autograd keeps its own references to whatever
 * backward needs, so this is safe in training too, and it keeps inference memory flat instead of holding every
 * activation of the pass until the manager closes.
 */
public final class Sequence {

    private Sequence() {
    }

    /** The chain's output; {@code x} itself is never closed (the caller owns it). */
    public static NDArray forward(NamedSequential blocks, ParameterStore ps, NDArray x, boolean training) {
        NDArray y = x;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            NDArray next = block instanceof ResidualBlock residual
                    ? residual.forward(ps, y, training)
                    : block.forward(ps, new NDList(y), training).singletonOrThrow();
            y = release(y, next, x);
        }
        return y;
    }

    /**
     * Closes {@code consumed} once {@code result} has been computed from it, unless it is the same array or one the
     * caller still owns ({@code keep}).
     */
    public static NDArray release(NDArray consumed, NDArray result, NDArray... keep) {
        if (consumed != result) {
            for (NDArray k : keep) {
                if (k == consumed) {
                    return result;
                }
            }
            consumed.close();
        }
        return result;
    }
}
