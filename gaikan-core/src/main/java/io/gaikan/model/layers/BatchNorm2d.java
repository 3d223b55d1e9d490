package io.gaikan.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * BatchNorm2d with PyTorch semantics (eps 1e-5, momentum 0.1) and PyTorch's parameter names
 * ({@code weight, bias, running_mean, running_var}).
 *
 * <p>A frozen BatchNorm (its weight frozen) always uses and keeps its running statistics, even in a training pass:
 * freezing a part of a network therefore freezes its BN statistics too, which transfer learning needs.
 */
public final class BatchNorm2d extends Layer {

    public static final float EPS = 1e-5f;
    /** DJL's convention: new running = momentum * old + (1 - momentum) * batch; torch's 0.1 is DJL's 0.9. */
    private static final float MOMENTUM = 0.9f;

    private final Parameter weight;
    private final Parameter bias;
    private final Parameter runningMean;
    private final Parameter runningVar;

    public BatchNorm2d(int channels) {
        Shape shape = new Shape(channels);
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.GAMMA)
                .optShape(shape).optInitializer(new ConstantInitializer(1)).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BETA)
                .optShape(shape).optInitializer(new ConstantInitializer(0)).build());
        runningMean = addParameter(Parameter.builder().setName("running_mean").setType(Parameter.Type.RUNNING_MEAN)
                .optShape(shape).optInitializer(new ConstantInitializer(0)).optRequiresGrad(false).build());
        runningVar = addParameter(Parameter.builder().setName("running_var").setType(Parameter.Type.RUNNING_VAR)
                .optShape(shape).optInitializer(new ConstantInitializer(1)).optRequiresGrad(false).build());
    }

    /** Zero-init of gamma, used on the last BN of residual blocks (timm's zero_init_last). */
    public BatchNorm2d zeroInitGamma() {
        weight.setInitializer(new ConstantInitializer(0));
        return this;
    }

    public boolean isFrozen() {
        return !weight.requiresGradient();
    }

    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        boolean updateStats = training && !isFrozen();
        // Axis -1 is DJL's PyTorch engine's direct call of torch::batch_norm, which normalises dim 1 (channels) as
        // PyTorch always does. Any other axis makes DJL wrap the call in two swapAxes(1, axis) views: for axis 1
        // no-ops, but the result is then a view, and autograd adds a copy for every in-place op on it.
        return BatchNorm.batchNorm(x,
                ps.getValue(runningMean, x.getDevice(), training),
                ps.getValue(runningVar, x.getDevice(), training),
                ps.getValue(weight, x.getDevice(), training),
                ps.getValue(bias, x.getDevice(), training),
                -1, MOMENTUM, EPS, updateStats).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training));
    }
}
