package io.gaikan.model;

import io.gaikan.model.layers.BatchNorm2d;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import ai.djl.nn.pooling.Pool;
import io.gaikan.model.blocks.Sequence;
import io.gaikan.model.layers.Layer;
import io.gaikan.model.layers.LinearLayer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A classification network with timm's structure and parameter names: a feature extractor that ends in a pooled
 * pre-logits vector, and one linear head per task. {@code forward} returns one logits array per head, main task first.
 *
 * <p>Families add their feature blocks as children in forward order, then call {@link #addHeads}. The main head
 * takes the family's timm name ({@code fc}, {@code classifier}, {@code head.fc}); auxiliary heads are {@code aux.<task>}.
 * Built with {@link ModelOptions#backbone} a model has no heads and {@code forward} returns the pooled features:
 * that is how a composite model (the dual-input model) uses a family as a branch, through its feature map.
 */
public abstract class ImageClassifier extends Layer {

    /** Auxiliary task heads are named {@code aux.TASK}. */
    public static final String AUX_HEAD_PREFIX = "aux.";

    private final ModelOptions options;
    private final List<LinearLayer> heads = new ArrayList<>();
    private final List<String> headNames = new ArrayList<>();
    private String classifierName = "";

    protected ImageClassifier(ModelOptions options) {
        this.options = options;
    }

    /**
     * The last feature map before global pooling, shape (N, {@link #featureDim()}, h, w); composite models (the
     * two-input model) join their branches' maps.
     */
    public abstract NDArray forwardFeatureMap(ParameterStore ps, NDArray x, boolean training);

    /** Channels of the feature map = length of the pooled pre-logits vector. */
    public abstract int featureDim();

    /** Pooled pre-logits features, shape (N, featureDim): timm's global average pooling of the feature map. */
    public NDArray forwardFeatures(ParameterStore ps, NDArray x, boolean training) {
        NDArray map = forwardFeatureMap(ps, x, training);
        return Sequence.release(map, Pool.globalAvgPool2d(map));
    }

    /**
     * The last feature maps before the model pools or mixes them, one per branch (a plain model: its
     * {@link #forwardFeatureMap}), each seeing the window {@link #lastMapWindows} of the input: what Grad-CAM weighs.
     * The caller closes the maps.
     */
    public NDList forwardLastMaps(ParameterStore ps, NDArray x, boolean training) {
        return new NDList(forwardFeatureMap(ps, x, training));
    }

    /** The window of an input of this side that each map of {@link #forwardLastMaps} sees, in the same order. */
    public List<MapWindow> lastMapWindows(int inputSide) {
        return List.of(MapWindow.WHOLE);
    }

    /**
     * Logits of every head from the maps of {@link #forwardLastMaps}, which stay open (the caller reads their
     * gradients afterwards).
     */
    public NDList forwardFromLastMaps(ParameterStore ps, NDList maps, boolean training) {
        return poolAndHeads(ps, maps.singletonOrThrow(), training);
    }

    /** Logits of every head from one feature map, left open: global average pooling, then the heads. */
    private NDList poolAndHeads(ParameterStore ps, NDArray map, boolean training) {
        try (NDArray pooled = Pool.globalAvgPool2d(map)) {
            return forwardHeads(ps, pooled, training);
        }
    }

    /**
     * The named stages of the feature extractor in forward order (ResNet: {@code layer1..layer4}; EfficientNet and
     * MobileNetV2: {@code blocks.0..blocks.N}, then {@code conv_head}): the points where {@link #forwardStages} can
     * return a feature map. Empty for a model that does not expose its stages.
     */
    public List<String> stageNames() {
        return List.of();
    }

    /**
     * Runs stage {@code index} of {@link #stageNames()} on the previous stage's output (stage 0 on the image, its stem
     * included).
     */
    protected NDArray forwardStage(int index, ParameterStore ps, NDArray x, boolean training) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not expose its feature stages");
    }

    /**
     * The feature maps at the end of the named stages (mid-level features for few-shot heads and anomaly detection),
     * in the order asked. The network runs only as far as the deepest one asked; the caller closes the maps.
     */
    public NDList forwardStages(ParameterStore ps, NDArray x, List<String> names, boolean training) {
        List<String> all = stageNames();
        int deepest = -1;
        for (String name : names) {
            deepest = Math.max(deepest, stageIndex(name));
        }
        NDArray[] maps = new NDArray[names.size()];
        NDArray y = x;
        for (int i = 0; i <= deepest; i++) {
            NDArray next = forwardStage(i, ps, y, training);
            for (int k = 0; k < names.size(); k++) {
                if (names.get(k).equals(all.get(i))) {
                    maps[k] = next;
                }
            }
            if (y != x && !isKept(maps, y)) {
                y.close();
            }
            y = next;
        }
        return new NDList(maps);
    }

    /**
     * The stage Grad-CAM weighs by default: the last stage at stride 16 (14 x 14 cells at 224 px) where the model names
     * one, else null (its last feature maps, stride 32). On casting-product the stride-32 maps (7 x 7) covered a sector
     * of the part; the stride-16 maps of the same classifier mark spots on the rim, where the burrs and notches are.
     */
    public String camStage() {
        return null;
    }

    /**
     * Logits of every head from the output of stage {@code name} of {@link #stageNames()}: the later stages, global
     * pooling and the heads. With {@link #forwardStages} it cuts the network where Grad-CAM should look; {@code
     * stageOutput} stays open (the caller reads its gradient afterwards).
     */
    public NDList forwardFromStage(ParameterStore ps, String name, NDArray stageOutput, boolean training) {
        NDArray y = stageOutput;
        int stages = stageNames().size();
        for (int i = stageIndex(name) + 1; i < stages; i++) {
            NDArray next = forwardStage(i, ps, y, training);
            if (y != stageOutput) {
                y.close();
            }
            y = next;
        }
        try {
            return poolAndHeads(ps, y, training);
        } finally {
            if (y != stageOutput) {
                y.close();
            }
        }
    }

    /** The index of stage {@code name} in {@link #stageNames()}; a name the model does not have is refused. */
    private int stageIndex(String name) {
        List<String> all = stageNames();
        int index = all.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no stage " + name + " in " + getClass().getSimpleName() + "; stages: "
                    + String.join(", ", all));
        }
        return index;
    }

    private static boolean isKept(NDArray[] maps, NDArray a) {
        for (NDArray m : maps) {
            if (m == a) {
                return true;
            }
        }
        return false;
    }

    public ModelOptions options() {
        return options;
    }

    protected final void addHeads(String mainHeadName) {
        classifierName = mainHeadName;
        List<TaskHead> tasks = options.heads();
        for (int i = 0; i < tasks.size(); i++) {
            String name = i == 0 ? mainHeadName : AUX_HEAD_PREFIX + tasks.get(i).task();
            heads.add(addChildBlock(name, new LinearLayer(featureDim(), tasks.get(i).numClasses())));
            headNames.add(name);
        }
    }

    /**
     * The family's name for its classifier ({@code fc}, {@code classifier}, ...), also when this model was built
     * without heads: a loader then skips those tensors of an ImageNet checkpoint.
     */
    public String classifierName() {
        return classifierName;
    }

    /** Parameter-name prefixes of the heads, e.g. {@code fc.}; a loader re-initialises them on a class-count change. */
    public List<String> headPrefixes() {
        return headNames.stream().map(n -> n + ".").toList();
    }

    /**
     * Sub-networks that a checkpoint of one single backbone initialises each, keyed by their name prefix (the dual
     * model's two branches); empty for a plain model.
     */
    public Map<String, ImageClassifier> backboneParts() {
        return Map.of();
    }

    /**
     * Prefixes of layers that train in every mode, also in transfer learning: the heads, and in composite models
     * the new layers that join the pretrained parts.
     */
    protected List<String> alwaysTrainablePrefixes() {
        return headPrefixes();
    }

    /** Logits of every head for given pooled features; used directly when features are cached. */
    public NDList forwardHeads(ParameterStore ps, NDArray features, boolean training) {
        NDArray f = training && options.dropRate() > 0 ? Dropout.dropout(features, options.dropRate(), true).singletonOrThrow() : features;
        NDList out = new NDList(heads.size());
        for (LinearLayer head : heads) {
            out.add(head.forward(ps, f, training));
        }
        return out;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray features = forwardFeatures(ps, inputs.singletonOrThrow(), training);
        return heads.isEmpty() ? new NDList(features) : forwardHeads(ps, features, training);
    }

    /** Parameterised leaf blocks of the feature extractor, in forward order: the index space of --unfreeze-from. */
    public List<Pair<String, Block>> backboneLayers() {
        List<Pair<String, Block>> out = new ArrayList<>();
        for (Pair<String, Block> leaf : ParameterNames.leaves(this)) {
            if (!isAlwaysTrainable(leaf.getKey())) {
                out.add(leaf);
            }
        }
        return out;
    }

    /**
     * Freezes the backbone layers before {@code firstTrainable} (an index into {@link #backboneLayers()}) and makes
     * all later layers and the heads trainable. 0 trains everything; {@code backboneLayers().size()} trains the heads only.
     */
    public void freezeBackboneBefore(int firstTrainable) {
        List<Pair<String, Block>> layers = backboneLayers();
        checkLayerIndex(firstTrainable);
        for (int i = 0; i < layers.size(); i++) {
            setTrainable(layers.get(i).getValue(), i >= firstTrainable);
        }
        unfreezeAlwaysTrainable();
    }

    /**
     * Freezes every BatchNorm layer (running statistics and affine parameters), as timm's
     * {@code freeze_batch_norm_2d}; the rest keeps its trainability.
     */
    public void freezeBatchNorm() {
        for (Pair<String, Block> leaf : ParameterNames.leaves(this)) {
            if (leaf.getValue() instanceof BatchNorm2d) {
                setTrainable(leaf.getValue(), false);
            }
        }
    }

    protected final void checkLayerIndex(int firstTrainable) {
        int n = backboneLayers().size();
        if (firstTrainable < 0 || firstTrainable > n) {
            throw new IllegalArgumentException("layer index " + firstTrainable + " outside 0.." + n);
        }
    }

    /** Makes the heads (and any other {@link #alwaysTrainablePrefixes()} layers) trainable. */
    protected final void unfreezeAlwaysTrainable() {
        for (Pair<String, Block> leaf : ParameterNames.leaves(this)) {
            if (isAlwaysTrainable(leaf.getKey())) {
                setTrainable(leaf.getValue(), true);
            }
        }
    }

    private boolean isAlwaysTrainable(String leafName) {
        return alwaysTrainablePrefixes().stream().anyMatch(p -> (leafName + ".").startsWith(p));
    }

    /** Index of the first backbone layer whose dotted name equals or starts with {@code prefix + "."}. */
    public int layerIndex(String prefix) {
        List<Pair<String, Block>> layers = backboneLayers();
        for (int i = 0; i < layers.size(); i++) {
            String name = layers.get(i).getKey();
            if (name.equals(prefix) || name.startsWith(prefix + ".")) {
                return i;
            }
        }
        throw new IllegalArgumentException("no layer named " + prefix + " in " + getClass().getSimpleName());
    }

    private static void setTrainable(Block block, boolean trainable) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            Parameter.Type type = p.getValue().getType();
            if (type != Parameter.Type.RUNNING_MEAN && type != Parameter.Type.RUNNING_VAR) {
                p.getValue().freeze(!trainable);
            }
        }
    }
}
