package io.gaikan.model.resnet;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import io.gaikan.model.blocks.Activation;
import io.gaikan.model.blocks.ConvBnAct;
import io.gaikan.model.blocks.ResidualBlock;
import io.gaikan.model.blocks.Sequence;
import io.gaikan.model.flops.FeatureMap;
import io.gaikan.model.flops.FlopCounter;
import io.gaikan.model.layers.BatchNorm2d;
import io.gaikan.model.layers.Conv2dLayer;
import io.gaikan.model.layers.NamedSequential;

import java.util.ArrayList;
import java.util.List;

/**
 * torchvision/timm ResNet v1.5 blocks: a chain {@code conv1/bn1, conv2/bn2[, conv3/bn3]} with ReLU between them,
 * added to the shortcut ({@code downsample.0} 1x1/s conv + {@code downsample.1} BN when the shape changes), then ReLU.
 * The stride sits on the 3x3 conv. The last BN's gamma starts at zero (timm's zero_init_last).
 */
final class ResNetBlock extends ResidualBlock {

    private final List<ConvBnAct> chain = new ArrayList<>();
    private ConvBnAct downsample;

    private ResNetBlock(float dropPathRate) {
        super(dropPathRate, Activation.RELU);
    }

    /** BasicBlock (expansion 1): 3x3/s, 3x3. */
    static ResNetBlock basic(int in, int planes, int stride, float dropPathRate) {
        ResNetBlock block = new ResNetBlock(dropPathRate);
        block.addConv(in, planes, 3, stride, false);
        block.addConv(planes, planes, 3, 1, true);
        block.addDownsampleIfNeeded(in, planes, stride);
        return block;
    }

    /** Bottleneck (expansion 4): 1x1, 3x3/s, 1x1 to {@code 4 * planes}. */
    static ResNetBlock bottleneck(int in, int planes, int stride, float dropPathRate) {
        ResNetBlock block = new ResNetBlock(dropPathRate);
        block.addConv(in, planes, 1, 1, false);
        block.addConv(planes, planes, 3, stride, false);
        block.addConv(planes, planes * 4, 1, 1, true);
        block.addDownsampleIfNeeded(in, planes * 4, stride);
        return block;
    }

    private void addConv(int in, int out, int kernel, int stride, boolean last) {
        int index = chain.size() + 1;
        BatchNorm2d bn = new BatchNorm2d(out);
        chain.add(new ConvBnAct(addChildBlock("conv" + index, Conv2dLayer.plain(in, out, kernel, stride)),
                addChildBlock("bn" + index, last ? bn.zeroInitGamma() : bn),
                last ? Activation.NONE : Activation.RELU));
    }

    private void addDownsampleIfNeeded(int in, int out, int stride) {
        if (stride != 1 || in != out) {
            Conv2dLayer conv = Conv2dLayer.plain(in, out, 1, stride);
            BatchNorm2d bn = new BatchNorm2d(out);
            addChildBlock("downsample", new NamedSequential().add(conv).add(bn));
            downsample = new ConvBnAct(conv, bn, Activation.NONE);
        }
    }

    @Override
    protected NDArray branch(ParameterStore ps, NDArray x, boolean training) {
        NDArray y = x;
        for (ConvBnAct step : chain) {
            y = Sequence.release(y, step.forward(ps, y, training), x);
        }
        return y;
    }

    @Override
    protected NDArray shortcut(ParameterStore ps, NDArray x, boolean training) {
        return downsample == null ? x : downsample.forward(ps, x, training);
    }

    @Override
    public FeatureMap countFlops(FeatureMap in, FlopCounter counter) {
        if (downsample != null) {
            downsample.countFlops(in, counter);
        }
        FeatureMap y = in;
        for (ConvBnAct step : chain) {
            y = step.countFlops(y, counter);
        }
        return y;
    }
}
