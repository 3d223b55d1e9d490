package io.gaikan.model.dual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.MapWindow;
import ai.djl.nn.pooling.Pool;
import io.gaikan.model.ModelOptions;
import io.gaikan.model.blocks.Activation;
import io.gaikan.model.blocks.ConvBnAct;
import io.gaikan.model.blocks.Sequence;
import io.gaikan.model.flops.CountsFlops;
import io.gaikan.model.flops.FeatureMap;
import io.gaikan.model.flops.FlopCounter;
import io.gaikan.model.layers.BatchNorm2d;
import io.gaikan.model.layers.Conv2dLayer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The lab's two-input model (seed 000): view A = the whole image resized, view B = its centre crop
 * ({@link DualViews}); each goes through its own branch ({@code branch_full}, {@code branch_crop}: the same layout,
 * separate weights); the two feature maps are concatenated along channels, joined by a 1x1 convolution + BN + ReLU
 * ({@code fuse}, back to one branch's width), globally average-pooled, and fed to the task heads ({@code fc},
 * {@code aux.<task>}).
 *
 * <p>The join is 1x1 because the two maps are not spatially aligned (the same map position sees different image
 * regions at different scales), so only channel mixing is meaningful. If the views differ in size the larger map is
 * area-resized to the smaller before joining.
 *
 * <p>Parameter names are the branch family's timm names under {@code branch_full.} / {@code branch_crop.}, so an
 * ImageNet checkpoint of the family loads into both branches ({@link #backboneParts()}). {@code --unfreeze-from}
 * indexes the layers of one branch and applies to both; the join layer trains in every mode, like the heads.
 */
public final class DualInputModel extends ImageClassifier implements CountsFlops {

    static final String FULL = "branch_full";
    static final String CROP = "branch_crop";
    static final String FUSE = "fuse";

    private final ImageClassifier full;
    private final ImageClassifier crop;
    private final ConvBnAct fuse;
    private final DualViews views;
    private ViewObserver observer = (a, b) -> { };

    /** Sees the two views of every forward pass (valid during the call only); tests check what each branch receives. */
    interface ViewObserver {
        void views(NDArray resized, NDArray cropped);
    }

    /**
     * @param branch builds one branch (a backbone without heads that exposes its feature map); called twice
     */
    public DualInputModel(Function<ModelOptions, ImageClassifier> branch, DualViews views, ModelOptions options) {
        super(options);
        this.views = views;
        ModelOptions backbone = ModelOptions.backbone(options.dropPathRate());
        full = addChildBlock(FULL, branch.apply(backbone));
        crop = addChildBlock(CROP, branch.apply(backbone));
        int channels = full.featureDim();
        if (channels <= 0) {
            throw new IllegalArgumentException(full.getClass().getSimpleName() + " cannot be a dual branch: it does not expose its feature map");
        }
        fuse = new ConvBnAct(addChildBlock(FUSE + ".conv", Conv2dLayer.plain(2 * channels, channels, 1, 1)),
                addChildBlock(FUSE + ".bn", new BatchNorm2d(channels)), Activation.RELU);
        addHeads("fc");
    }

    public DualViews views() {
        return views;
    }

    void observeViews(ViewObserver observer) {
        this.observer = observer;
    }

    ImageClassifier branch(String name) {
        return name.equals(FULL) ? full : crop;
    }

    ConvBnAct fuse() {
        return fuse;
    }

    @Override
    public NDArray forwardFeatureMap(ParameterStore ps, NDArray x, boolean training) {
        NDArray a = views.resized(x);
        NDArray b = views.cropped(x);
        observer.views(a, b);
        NDArray mapA = Sequence.release(a, full.forwardFeatureMap(ps, a, training));
        NDArray mapB = Sequence.release(b, crop.forwardFeatureMap(ps, b, training));
        return join(ps, mapA, mapB, training);
    }

    /** Concatenates two branch maps along channels (matching their sizes first) and applies the 1x1 join; consumes both maps. */
    NDArray join(ParameterStore ps, NDArray mapA, NDArray mapB, boolean training) {
        NDArray out = joinKeeping(ps, mapA, mapB, training);
        mapA.close();
        mapB.close();
        return out;
    }

    /** As {@link #join}, leaving both maps open. */
    private NDArray joinKeeping(ParameterStore ps, NDArray mapA, NDArray mapB, boolean training) {
        long ha = mapA.getShape().get(2);
        long hb = mapB.getShape().get(2);
        NDArray a = ha > hb ? DualViews.area(mapA, (int) hb, (int) mapB.getShape().get(3)) : mapA;
        NDArray b = hb > ha ? DualViews.area(mapB, (int) ha, (int) mapA.getShape().get(3)) : mapB;
        NDArray joined = Sequence.release(b, Sequence.release(a, a.concat(b, 1), mapA), mapB);
        return Sequence.release(joined, fuse.forward(ps, joined, training));
    }

    /** The two branches' maps, unjoined: Grad-CAM draws each over the part of the image its view sees. */
    @Override
    public NDList forwardLastMaps(ParameterStore ps, NDArray x, boolean training) {
        NDArray a = views.resized(x);
        NDArray b = views.cropped(x);
        return new NDList(Sequence.release(a, full.forwardFeatureMap(ps, a, training)),
                Sequence.release(b, crop.forwardFeatureMap(ps, b, training)));
    }

    @Override
    public List<MapWindow> lastMapWindows(int inputSide) {
        double c = views.cropFor(inputSide) / (double) inputSide;
        double offset = (inputSide - views.cropFor(inputSide)) / 2 / (double) inputSide;
        return List.of(MapWindow.WHOLE, new MapWindow(offset, offset, c, c));
    }

    @Override
    public NDList forwardFromLastMaps(ParameterStore ps, NDList maps, boolean training) {
        try (NDArray joined = joinKeeping(ps, maps.get(0), maps.get(1), training);
             NDArray pooled = Pool.globalAvgPool2d(joined)) {
            return forwardHeads(ps, pooled, training);
        }
    }

    @Override
    public int featureDim() {
        return full.featureDim();
    }

    @Override
    public Map<String, ImageClassifier> backboneParts() {
        Map<String, ImageClassifier> parts = new LinkedHashMap<>();
        parts.put(FULL, full);
        parts.put(CROP, crop);
        return parts;
    }

    @Override
    protected List<String> alwaysTrainablePrefixes() {
        List<String> out = new ArrayList<>(headPrefixes());
        out.add(FUSE + ".");
        return out;
    }

    /** The layers of one branch, by their own names: index i (or a name) means that layer in both branches. */
    @Override
    public List<Pair<String, Block>> backboneLayers() {
        return full.backboneLayers();
    }

    @Override
    public void freezeBackboneBefore(int firstTrainable) {
        checkLayerIndex(firstTrainable);
        full.freezeBackboneBefore(firstTrainable);
        crop.freezeBackboneBefore(firstTrainable);
        unfreezeAlwaysTrainable();
    }

    @Override
    public FeatureMap countFlops(FeatureMap in, FlopCounter counter) {
        if (!(full instanceof CountsFlops branch)) {
            throw new IllegalStateException(full.getClass().getSimpleName() + " cannot count its FLOPs");
        }
        FeatureMap a = branch.countFlops(new FeatureMap(in.channels(), views.resizeFor(in.height()), views.resizeFor(in.width())), counter);
        int c = views.cropFor(Math.min(in.height(), in.width()));
        FeatureMap b = branch.countFlops(new FeatureMap(in.channels(), c, c), counter);
        FeatureMap joined = new FeatureMap(a.channels() + b.channels(), Math.min(a.height(), b.height()), Math.min(a.width(), b.width()));
        return fuse.countFlops(joined, counter);
    }
}
