package io.gaikan.model.blocks;

import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.gaikan.model.flops.CountsFlops;
import io.gaikan.model.flops.FeatureMap;
import io.gaikan.model.flops.FlopCounter;
import io.gaikan.model.layers.Layer;

/** An activation as a module of its own, where a timm Sequential numbers it ({@code features.1} in VGG). */
public final class ActivationLayer extends Layer implements CountsFlops {

    private final Activation act;

    public ActivationLayer(Activation act) {
        this.act = act;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(act.apply(inputs.singletonOrThrow()));
    }

    @Override
    public FeatureMap countFlops(FeatureMap in, FlopCounter counter) {
        return in;
    }
}
