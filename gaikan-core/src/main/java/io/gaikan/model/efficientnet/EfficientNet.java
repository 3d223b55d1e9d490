package io.gaikan.model.efficientnet;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelOptions;
import io.gaikan.model.blocks.Activation;
import io.gaikan.model.blocks.ConvBnAct;
import io.gaikan.model.blocks.DepthwiseSeparable;
import io.gaikan.model.blocks.DropPath;
import io.gaikan.model.blocks.InvertedResidual;
import io.gaikan.model.blocks.Sequence;
import io.gaikan.model.flops.CountsFlops;
import io.gaikan.model.flops.FeatureMap;
import io.gaikan.model.flops.FlopCounter;
import io.gaikan.model.layers.BatchNorm2d;
import io.gaikan.model.layers.Conv2dLayer;
import io.gaikan.model.layers.NamedSequential;

import java.util.List;

/**
 * timm's EfficientNet class, which builds both EfficientNet-B0..B7 and MobileNetV2 from an {@link MbConvArch}:
 * {@code conv_stem} 3x3/2 -> {@code bn1}+act -> {@code blocks.i.j} -> {@code conv_head} 1x1 -> {@code bn2}+act ->
 * global average pool -> {@code classifier}. Symmetric padding and BN eps 1e-5 (the PyTorch-native variants, not
 * {@code tf_efficientnet_*}).
 */
public final class EfficientNet extends ImageClassifier implements CountsFlops {

    private final ConvBnAct stem;
    private final NamedSequential blocks = new NamedSequential();
    private final ConvBnAct head;
    private final int featureDim;
    private final String camStage;

    public EfficientNet(MbConvArch arch, ModelOptions options) {
        super(options);
        Activation act = arch.act();
        int in = arch.stemChannels();
        stem = new ConvBnAct(addChildBlock("conv_stem", Conv2dLayer.plain(3, in, 3, 2)),
                addChildBlock("bn1", new BatchNorm2d(in)), act);

        List<BlockDef> stages = arch.decodedStages();
        int total = stages.stream().mapToInt(arch::scaledRepeats).sum();
        int index = 0;
        int reduction = 2;
        String lastAt16 = null;
        for (BlockDef def : stages) {
            reduction *= def.stride();
            if (reduction == 16) {
                lastAt16 = "blocks." + blocks.size();
            }
            NamedSequential stage = new NamedSequential();
            int out = arch.roundChannels(def.channels());
            for (int r = 0; r < arch.scaledRepeats(def); r++) {
                int stride = r == 0 ? def.stride() : 1;
                // timm: drop_path_rate * block_idx / num_blocks
                float dpr = DropPath.linearRate(options.dropPathRate(), index++, total);
                boolean separable = def.type() == BlockDef.Type.DS;
                int mid = separable ? in : MbConvArch.makeDivisible(in * def.expansion(), 8);
                // timm sizes SE from the block input: se_ratio / expansion of the (expanded) mid width
                int seReduced = def.seRatio() > 0 ? (int) Math.rint(mid * (def.seRatio() / def.expansion())) : 0;
                stage.add(separable
                        ? new DepthwiseSeparable(in, out, def.kernel(), stride, seReduced, act, dpr)
                        : new InvertedResidual(in, mid, out, def.kernel(), stride, seReduced, act, dpr));
                in = out;
            }
            blocks.add(stage);
        }
        addChildBlock("blocks", blocks);
        camStage = lastAt16;
        featureDim = arch.headChannels();
        head = new ConvBnAct(addChildBlock("conv_head", Conv2dLayer.plain(in, featureDim, 1, 1)),
                addChildBlock("bn2", new BatchNorm2d(featureDim)), act);
        addHeads("classifier");
    }

    @Override
    public NDArray forwardFeatureMap(ParameterStore ps, NDArray x, boolean training) {
        NDArray y = stem.forward(ps, x, training);
        for (int i = 0; i < blocks.size(); i++) {
            y = Sequence.release(y, Sequence.forward((NamedSequential) blocks.get(i), ps, y, training));
        }
        return Sequence.release(y, head.forward(ps, y, training));
    }

    @Override
    public String camStage() {
        return camStage;
    }

    @Override
    public List<String> stageNames() {
        return java.util.stream.Stream.concat(
                java.util.stream.IntStream.range(0, blocks.size()).mapToObj(i -> "blocks." + i),
                java.util.stream.Stream.of("conv_head")).toList();
    }

    @Override
    protected NDArray forwardStage(int index, ParameterStore ps, NDArray x, boolean training) {
        if (index == blocks.size()) {
            return head.forward(ps, x, training);
        }
        NDArray y = index == 0 ? stem.forward(ps, x, training) : x;
        NDArray out = Sequence.forward((NamedSequential) blocks.get(index), ps, y, training);
        return index == 0 ? Sequence.release(y, out) : out;
    }

    @Override
    public int featureDim() {
        return featureDim;
    }

    @Override
    public FeatureMap countFlops(FeatureMap in, FlopCounter counter) {
        FeatureMap y = stem.countFlops(in, counter);
        for (int i = 0; i < blocks.size(); i++) {
            y = counter.sequence((NamedSequential) blocks.get(i), y);
        }
        return head.countFlops(y, counter);
    }
}
