package io.gaikan.model.layers;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;

/**
 * Base of Gaikan's blocks. Every parameter shape is fixed at construction (as in PyTorch), so DJL's shape
 * inference is never needed and a block can be initialised or loaded without a dummy forward pass.
 */
public abstract class Layer extends AbstractBlock {

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not infer shapes; run a forward pass");
    }

    /** Parameter shapes never depend on the input, so every child initialises from the same (unused) input shape. */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block child : children.values()) {
            child.initialize(manager, dataType, inputShapes);
        }
    }
}
