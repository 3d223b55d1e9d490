package io.gaikan.model.layers;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Children with explicit names run one after another, like {@code nn.Sequential} with named (or numbered) modules.
 * This is how timm paths such as {@code blocks.3.1} or {@code features.28} arise in the parameter names.
 */
public final class NamedSequential extends Layer {

    public NamedSequential add(String name, Block block) {
        addChildBlock(name, block);
        return this;
    }

    /** Adds a child named by its position ("0", "1", ...), as nn.Sequential numbers its modules. */
    public NamedSequential add(Block block) {
        return add(Integer.toString(children.size()), block);
    }

    public int size() {
        return children.size();
    }

    public Block get(int index) {
        return children.get(index).getValue();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList x = inputs;
        for (Block child : children.values()) {
            x = child.forward(ps, x, training);
        }
        return x;
    }
}
