package io.gaikan.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

/** Fully connected layer, weight {@code [out, in]} as in PyTorch. */
public final class LinearLayer extends Layer {

    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;

    public LinearLayer(int in, int out) {
        this.in = in;
        this.out = out;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(out, in))
                .optInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
                        XavierInitializer.FactorType.AVG, 2))
                .build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(out)).optInitializer(new ConstantInitializer(0)).build());
    }

    public int inFeatures() {
        return in;
    }

    public int outFeatures() {
        return out;
    }

    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        return Linear.linear(x, ps.getValue(weight, x.getDevice(), training), ps.getValue(bias, x.getDevice(), training))
                .singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training));
    }
}
