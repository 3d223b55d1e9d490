package io.gaikan.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import io.gaikan.model.layers.Layer;
import io.gaikan.model.layers.LinearLayer;

import java.util.ArrayList;
import java.util.List;

/**
 * A classification network with timm's structure and parameter names: a feature extractor that ends in a pooled
 * pre-logits vector, and one linear head per task. {@code forward} returns one logits array per head, main task first.
 *
 * <p>Families add their feature blocks as children in forward order, then call {@link #addHeads}. The main head
 * takes the family's timm name ({@code fc}, {@code classifier}, {@code head.fc}); auxiliary heads are {@code aux.<task>}.
 */
public abstract class ImageClassifier extends Layer {

    private final ModelOptions options;
    private final List<LinearLayer> heads = new ArrayList<>();
    private final List<String> headNames = new ArrayList<>();

    protected ImageClassifier(ModelOptions options) {
        this.options = options;
    }

    /** Pooled pre-logits features, shape (N, featureDim). */
    public abstract NDArray forwardFeatures(ParameterStore ps, NDArray x, boolean training);

    public abstract int featureDim();

    public ModelOptions options() {
        return options;
    }

    protected final void addHeads(String mainHeadName) {
        List<TaskHead> tasks = options.heads();
        for (int i = 0; i < tasks.size(); i++) {
            String name = i == 0 ? mainHeadName : "aux." + tasks.get(i).task();
            heads.add(addChildBlock(name, new LinearLayer(featureDim(), tasks.get(i).numClasses())));
            headNames.add(name);
        }
    }

    /** Parameter-name prefixes of the heads, e.g. {@code fc.}; a loader re-initialises them on a class-count change. */
    public List<String> headPrefixes() {
        return headNames.stream().map(n -> n + ".").toList();
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
        return forwardHeads(ps, forwardFeatures(ps, inputs.singletonOrThrow(), training), training);
    }

    /** Parameterised leaf blocks of the feature extractor, in forward order: the index space of --unfreeze-from. */
    public List<Pair<String, Block>> backboneLayers() {
        List<Pair<String, Block>> out = new ArrayList<>();
        for (Pair<String, Block> leaf : ParameterNames.leaves(this)) {
            if (headPrefixes().stream().noneMatch(p -> (leaf.getKey() + ".").startsWith(p))) {
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
        if (firstTrainable < 0 || firstTrainable > layers.size()) {
            throw new IllegalArgumentException("layer index " + firstTrainable + " outside 0.." + layers.size());
        }
        for (int i = 0; i < layers.size(); i++) {
            setTrainable(layers.get(i).getValue(), i >= firstTrainable);
        }
        for (LinearLayer head : heads) {
            setTrainable(head, true);
        }
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
