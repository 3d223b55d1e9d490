package io.gaikan.model.layers;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;

/**
 * Base of Gaikan's blocks. Every parameter shape is fixed at construction (as in PyTorch), so DJL's shape
 * inference is never needed and a block can be initialised or loaded without a dummy forward pass.
 */
public abstract class Layer extends AbstractBlock {

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not infer shapes; run a forward pass");
    }
}
