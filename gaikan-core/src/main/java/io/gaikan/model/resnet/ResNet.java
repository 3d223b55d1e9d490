package io.gaikan.model.resnet;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelOptions;
import io.gaikan.model.blocks.Activation;
import io.gaikan.model.blocks.ConvBnAct;
import io.gaikan.model.blocks.DropPath;
import io.gaikan.model.blocks.MaxPool;
import io.gaikan.model.blocks.Sequence;
import io.gaikan.model.flops.CountsFlops;
import io.gaikan.model.flops.FeatureMap;
import io.gaikan.model.flops.FlopCounter;
import io.gaikan.model.layers.BatchNorm2d;
import io.gaikan.model.layers.Conv2dLayer;
import io.gaikan.model.layers.NamedSequential;

import java.util.ArrayList;
import java.util.List;

/**
 * ResNet v1.5 with timm's default structure and names (identical to torchvision's): {@code conv1} 7x7/2 -> {@code bn1}
 * -> ReLU -> max pool 3x3/2 -> {@code layer1..layer4} -> global average pool -> {@code fc}.
 */
public final class ResNet extends ImageClassifier implements CountsFlops {

    /** Block type and number of blocks per stage. */
    public record Arch(boolean bottleneck, int... blocksPerStage) {
        int expansion() {
            return bottleneck ? 4 : 1;
        }
    }

    private static final int[] PLANES = {64, 128, 256, 512};

    private final ConvBnAct stem;
    private final MaxPool stemPool = new MaxPool(3, 2, 1);
    private final List<NamedSequential> stages = new ArrayList<>();
    private final int featureDim;

    public ResNet(Arch arch, ModelOptions options) {
        super(options);
        stem = new ConvBnAct(addChildBlock("conv1", Conv2dLayer.plain(3, 64, 7, 2)),
                addChildBlock("bn1", new BatchNorm2d(64)), Activation.RELU);
        int total = 0;
        for (int n : arch.blocksPerStage()) {
            total += n;
        }
        int in = 64;
        int blockIndex = 0;
        for (int s = 0; s < arch.blocksPerStage().length; s++) {
            NamedSequential stage = new NamedSequential();
            for (int b = 0; b < arch.blocksPerStage()[s]; b++) {
                int stride = b == 0 && s > 0 ? 2 : 1;
                // timm: drop_path_rate * block_idx / (num_blocks - 1)
                float dpr = DropPath.linearRate(options.dropPathRate(), blockIndex++, total - 1);
                stage.add(arch.bottleneck()
                        ? ResNetBlock.bottleneck(in, PLANES[s], stride, dpr)
                        : ResNetBlock.basic(in, PLANES[s], stride, dpr));
                in = PLANES[s] * arch.expansion();
            }
            stages.add(addChildBlock("layer" + (s + 1), stage));
        }
        featureDim = in;
        addHeads("fc");
    }

    @Override
    public NDArray forwardFeatureMap(ParameterStore ps, NDArray x, boolean training) {
        NDArray s = stem.forward(ps, x, training);
        NDArray y = Sequence.release(s, stemPool.forward(s));
        for (NamedSequential stage : stages) {
            y = Sequence.release(y, Sequence.forward(stage, ps, y, training));
        }
        return y;
    }

    /** layer3 ends at stride 16 in every ResNet (stem 4, then layers 2-4 halve the grid once each). */
    @Override
    public String camStage() {
        return stages.size() >= 3 ? "layer3" : null;
    }

    @Override
    public List<String> stageNames() {
        return java.util.stream.IntStream.rangeClosed(1, stages.size()).mapToObj(i -> "layer" + i).toList();
    }

    @Override
    protected NDArray forwardStage(int index, ParameterStore ps, NDArray x, boolean training) {
        NDArray y = x;
        if (index == 0) {
            NDArray s = stem.forward(ps, x, training);
            y = Sequence.release(s, stemPool.forward(s));
        }
        return index == 0 ? Sequence.release(y, Sequence.forward(stages.get(0), ps, y, training))
                : Sequence.forward(stages.get(index), ps, y, training);
    }

    @Override
    public int featureDim() {
        return featureDim;
    }

    @Override
    public FeatureMap countFlops(FeatureMap in, FlopCounter counter) {
        FeatureMap y = stemPool.countFlops(stem.countFlops(in, counter), counter);
        for (NamedSequential stage : stages) {
            y = counter.sequence(stage, y);
        }
        return y;
    }
}
