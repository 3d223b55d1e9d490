package io.gaikan.model.vgg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.gaikan.model.blocks.Activation;
import io.gaikan.model.blocks.Sequence;
import io.gaikan.model.flops.FeatureMap;
import io.gaikan.model.flops.FlopCounter;
import io.gaikan.model.layers.Conv2dLayer;
import io.gaikan.model.layers.Layer;

/**
 * timm's VGG {@code pre_logits}: {@code fc1} = kxk conv (no padding, bias) -> ReLU -> dropout -> {@code fc2} = 1x1 conv
 * -> ReLU. A map smaller than k x k is first average-pooled adaptively up to k x k (as timm does), so small training
 * images work; at 224 px the map is exactly 7x7 and this equals torchvision's classifier.
 */
final class ConvMlp extends Layer {

    private final int kernel;
    private final float dropRate;
    private final Conv2dLayer fc1;
    private final Conv2dLayer fc2;

    ConvMlp(int in, int out, int kernel, float dropRate) {
        this.kernel = kernel;
        this.dropRate = dropRate;
        fc1 = addChildBlock("fc1", new Conv2dLayer(in, out, kernel, 1, 1, true, 0));
        fc2 = addChildBlock("fc2", new Conv2dLayer(out, out, 1, 1, 1, true));
    }

    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        NDArray in = h < kernel || w < kernel
                ? adaptiveAvgPool(x, (int) Math.max(kernel, h), (int) Math.max(kernel, w)) : x;
        NDArray y = Sequence.release(in, fc1.forward(ps, in, training), x);
        y = Sequence.release(y, Activation.RELU.apply(y));
        if (training && dropRate > 0) {
            y = Sequence.release(y, Dropout.dropout(y, dropRate, true).singletonOrThrow());
        }
        y = Sequence.release(y, fc2.forward(ps, y, training));
        return Sequence.release(y, Activation.RELU.apply(y));
    }

    FeatureMap countFlops(FeatureMap in, FlopCounter counter) {
        FeatureMap x = new FeatureMap(in.channels(), Math.max(kernel, in.height()), Math.max(kernel, in.width()));
        return counter.conv(fc2, counter.conv(fc1, x));
    }

    /** torch's adaptive_avg_pool2d as two pooling matrices, {@code P_h x P_w^T}, which also upsamples. */
    static NDArray adaptiveAvgPool(NDArray x, int outH, int outW) {
        NDManager m = x.getManager();
        NDArray ph = m.create(poolMatrix((int) x.getShape().get(2), outH), new Shape(outH, x.getShape().get(2)));
        NDArray pw = m.create(poolMatrix((int) x.getShape().get(3), outW), new Shape(outW, x.getShape().get(3)));
        NDArray rows = ph.matMul(x);
        NDArray pwT = pw.transpose();
        NDArray out = rows.matMul(pwT);
        for (NDArray temp : new NDArray[] {ph, pw, rows, pwT}) {
            temp.close();
        }
        return out;
    }

    /** Row i averages inputs [floor(i * in / out), ceil((i + 1) * in / out)). */
    private static float[] poolMatrix(int in, int out) {
        float[] p = new float[out * in];
        for (int i = 0; i < out; i++) {
            int start = Math.floorDiv(i * in, out);
            int end = -Math.floorDiv(-(i + 1) * in, out);
            for (int j = start; j < end; j++) {
                p[i * in + j] = 1f / (end - start);
            }
        }
        return p;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training));
    }
}
