package io.gaikan.model.vggse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.gaikan.model.blocks.Activation;
import io.gaikan.model.blocks.ConvBnAct;
import io.gaikan.model.blocks.SqueezeExcite;
import io.gaikan.model.flops.CountsFlops;
import io.gaikan.model.flops.FeatureMap;
import io.gaikan.model.flops.FlopCounter;
import io.gaikan.model.layers.BatchNorm2d;
import io.gaikan.model.layers.Conv2dLayer;
import io.gaikan.model.layers.Layer;

/**
 * One stage of the lab's VGG-style branch: three 3x3 convolutions, a skip connection and squeeze-and-excitation,
 * then 2x2 max pooling.
 * <pre>
 *   a = relu(bn1(conv1(x)))          conv1 sets the stage's width
 *   b = relu(bn2(conv2(a)))
 *   c = se(bn3(conv3(b)))            bn3 starts at gamma = 0, so the stage starts close to conv1 alone
 *   y = maxpool2x2(relu(c + a))      the skip spans conv2 and conv3 (an identity: a and c have the same width)
 * </pre>
 */
final class VggSeStage extends Layer implements CountsFlops {

    private final ConvBnAct conv1;
    private final ConvBnAct conv2;
    private final ConvBnAct conv3;
    private final SqueezeExcite se;

    VggSeStage(int in, int out, int seReduced) {
        conv1 = new ConvBnAct(addChildBlock("conv1", Conv2dLayer.plain(in, out, 3, 1)),
                addChildBlock("bn1", new BatchNorm2d(out)), Activation.RELU);
        conv2 = new ConvBnAct(addChildBlock("conv2", Conv2dLayer.plain(out, out, 3, 1)),
                addChildBlock("bn2", new BatchNorm2d(out)), Activation.RELU);
        conv3 = new ConvBnAct(addChildBlock("conv3", Conv2dLayer.plain(out, out, 3, 1)),
                addChildBlock("bn3", new BatchNorm2d(out).zeroInitGamma()), Activation.NONE);
        se = addChildBlock("se", new SqueezeExcite(out, seReduced, Activation.RELU));
    }

    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray a = conv1.forward(ps, x, training);
        NDArray c = se.forward(ps, conv3.forward(ps, conv2.forward(ps, a, training), training), training);
        NDArray y = ai.djl.nn.Activation.relu(c.add(a));
        return Pool.maxPool2d(y, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training));
    }

    @Override
    public FeatureMap countFlops(FeatureMap in, FlopCounter counter) {
        FeatureMap y = conv3.countFlops(conv2.countFlops(conv1.countFlops(in, counter), counter), counter);
        se.countFlops(y, counter);
        return counter.pool(y, 2, 2, 0);
    }
}
