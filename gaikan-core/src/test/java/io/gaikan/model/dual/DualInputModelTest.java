package io.gaikan.model.dual;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelOptions;
import io.gaikan.model.ModelRegistry;
import io.gaikan.model.ModelSpec;
import io.gaikan.model.ParameterNames;
import io.gaikan.model.TaskHead;
import io.gaikan.model.summary.Flops;
import io.gaikan.model.weights.LoadReport;
import io.gaikan.model.weights.Tensor;
import io.gaikan.model.weights.WeightLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DualInputModelTest {

    static final ModelRegistry REGISTRY = ModelRegistry.defaults();
    static final ModelOptions TWO_TASKS = new ModelOptions(List.of(new TaskHead("main", 3), new TaskHead("light", 4)), 0f, 0f);

    private static DualInputModel build(String name, ModelOptions options, NDManager m, int size) {
        ImageClassifier model = REGISTRY.get(name).build(options);
        Engine.getInstance().setRandomSeed(5);
        model.initialize(m, DataType.FLOAT32, new Shape(1, 3, size, size));
        return (DualInputModel) model;
    }

    @Test
    void registryResolvesDualNamesWithTheirViewSizes() {
        ModelSpec vgg = REGISTRY.get("dual:vggse");
        assertEquals(256, vgg.defaultInputSize());
        assertTrue(REGISTRY.all().stream().anyMatch(s -> s.name().equals("dual:vggse")), "listed for 'gaikan models'");
        ModelSpec resnet = REGISTRY.get("dual:resnet18,resize=48,crop=40");
        assertEquals(REGISTRY.get("resnet18").hubId(), resnet.hubId(), "the branch's ImageNet weights");
        DualInputModel model = (DualInputModel) resnet.build(ModelOptions.classes(2));
        assertEquals(new DualViews(48, 40), model.views());
        assertEquals(512, model.featureDim());
        ModelSpec b0 = REGISTRY.get("dual:efficientnet_b0");
        assertEquals("efficientnet_b0", b0.weightsName(), "--init imagenet looks for the branch's weights file");
        assertEquals(1280, b0.build(ModelOptions.classes(2)).featureDim());
        assertEquals("dual:vggse", REGISTRY.get("dual:vggse").name());

        assertTrue(assertThrows(IllegalArgumentException.class, () -> REGISTRY.get("dual:nosuchnet")).getMessage()
                .contains("unknown model 'nosuchnet'"));
        assertThrows(IllegalArgumentException.class, () -> REGISTRY.get("dual:resnet18,zoom=3"));
        assertThrows(IllegalArgumentException.class, () -> REGISTRY.get("dual:dual:vggse"));
    }

    @Test
    void defaultViewsOfA256InputAre160ResizedAnd160Cropped() {
        assertEquals(160, DualViews.DEFAULT.resizeFor(256));
        assertEquals(160, DualViews.DEFAULT.cropFor(256));
        assertEquals(60, DualViews.DEFAULT.resizeFor(96));
        try (NDManager m = NDManager.newBaseManager()) {
            DualInputModel model = build("dual:vggse", ModelOptions.classes(2), m, 256);
            List<Shape> seen = new ArrayList<>();
            model.observeViews((a, b) -> {
                seen.add(a.getShape());
                seen.add(b.getShape());
            });
            NDList out = model.forward(new ParameterStore(m, false), new NDList(m.zeros(new Shape(1, 3, 256, 256))), false);
            assertEquals(List.of(new Shape(1, 3, 160, 160), new Shape(1, 3, 160, 160)), seen);
            assertEquals(new Shape(1, 2), out.singletonOrThrow().getShape());
        }
        assertThrows(IllegalArgumentException.class, () -> new DualViews(0, 300).cropFor(256));
    }

    /**
     * A crafted input (every pixel a different value) goes in; the resized view must equal an area (box-average)
     * downscale computed here independently, and the crop view the exact centre window, each in its own branch.
     */
    @Test
    void branchesReceiveTheResizedImageAndTheCentreCrop() {
        int n = 2, c = 3, side = 40;
        float[] pixels = new float[n * c * side * side];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) Math.sin(i * 0.37) + i * 1e-3f;
        }
        try (NDManager m = NDManager.newBaseManager()) {
            DualInputModel model = build("dual:vggse,resize=32,crop=16", ModelOptions.classes(2), m, side);
            NDArray x = m.create(pixels, new Shape(n, c, side, side));
            float[][] views = new float[2][];
            model.observeViews((a, b) -> {
                views[0] = a.toFloatArray();
                views[1] = b.toFloatArray();
            });
            ParameterStore ps = new ParameterStore(m, false);
            NDArray features = model.forwardFeatures(ps, x, false);

            assertArrayEquals(areaResize(pixels, n, c, side, 32), views[0], 1e-5f, "view A = area resize");
            assertArrayEquals(centreCrop(pixels, n, c, side, 16), views[1], "view B = centre crop");

            // The pooled features are the join of branch_full on view A and branch_crop on view B, not the reverse
            // (the 2x2 map of the 32 px view is area-resized to the 1x1 map of the 16 px view before joining).
            NDArray expectedA = m.create(areaResize(pixels, n, c, side, 32), new Shape(n, c, 32, 32));
            NDArray expectedB = m.create(centreCrop(pixels, n, c, side, 16), new Shape(n, c, 16, 16));
            NDArray mapA = model.branch(DualInputModel.FULL).forwardFeatureMap(ps, expectedA, false);
            NDArray mapB = model.branch(DualInputModel.CROP).forwardFeatureMap(ps, expectedB, false);
            NDArray expected = Pool.globalAvgPool2d(model.join(ps, mapA, mapB, false));
            assertArrayEquals(expected.toFloatArray(), features.toFloatArray(), 1e-5f);
            NDArray swapped = Pool.globalAvgPool2d(model.join(ps,
                    model.branch(DualInputModel.CROP).forwardFeatureMap(ps, expectedA, false),
                    model.branch(DualInputModel.FULL).forwardFeatureMap(ps, expectedB, false), false));
            assertFalse(swapped.allClose(features, 1e-4, 1e-4, false), "the branches are not interchangeable");
        }
    }

    /** PyTorch's area interpolation: output pixel i averages input rows floor(i*in/out) .. ceil((i+1)*in/out)-1. */
    static float[] areaResize(float[] x, int n, int c, int in, int out) {
        float[] y = new float[n * c * out * out];
        for (int p = 0; p < n * c; p++) {
            for (int i = 0; i < out; i++) {
                int y0 = Math.floorDiv(i * in, out), y1 = -Math.floorDiv(-(i + 1) * in, out);
                for (int j = 0; j < out; j++) {
                    int x0 = Math.floorDiv(j * in, out), x1 = -Math.floorDiv(-(j + 1) * in, out);
                    double sum = 0;
                    for (int yy = y0; yy < y1; yy++) {
                        for (int xx = x0; xx < x1; xx++) {
                            sum += x[p * in * in + yy * in + xx];
                        }
                    }
                    y[p * out * out + i * out + j] = (float) (sum / ((y1 - y0) * (x1 - x0)));
                }
            }
        }
        return y;
    }

    static float[] centreCrop(float[] x, int n, int c, int in, int crop) {
        int off = (in - crop) / 2;
        float[] y = new float[n * c * crop * crop];
        for (int p = 0; p < n * c; p++) {
            for (int i = 0; i < crop; i++) {
                System.arraycopy(x, p * in * in + (off + i) * in + off, y, p * crop * crop + i * crop, crop);
            }
        }
        return y;
    }

    @Test
    void branchesHaveTheSameLayoutAndSeparateWeightsAndEveryTaskAHead() {
        try (NDManager m = NDManager.newBaseManager()) {
            DualInputModel model = build("dual:resnet18", TWO_TASKS, m, 64);
            Map<String, Parameter> p = ParameterNames.of(model);
            List<String> full = p.keySet().stream().filter(k -> k.startsWith("branch_full.")).map(k -> k.substring(12)).toList();
            List<String> crop = p.keySet().stream().filter(k -> k.startsWith("branch_crop.")).map(k -> k.substring(12)).toList();
            assertEquals(full, crop);
            assertTrue(full.contains("layer4.1.bn2.running_var") && !full.contains("fc.weight"), "timm names, no branch head");
            NDArray a = p.get("branch_full.layer1.0.conv1.weight").getArray();
            NDArray b = p.get("branch_crop.layer1.0.conv1.weight").getArray();
            assertFalse(a.contentEquals(b), "separately initialised weights");
            assertEquals(new Shape(512, 1024, 1, 1), p.get("fuse.conv.weight").getArray().getShape());
            assertEquals(new Shape(3, 512), p.get("fc.weight").getArray().getShape());
            assertEquals(new Shape(4, 512), p.get("aux.light.weight").getArray().getShape());
            NDList out = model.forward(new ParameterStore(m, false), new NDList(m.randomUniform(0, 1, new Shape(2, 3, 64, 64))), true);
            assertEquals(List.of(new Shape(2, 3), new Shape(2, 4)), List.of(out.get(0).getShape(), out.get(1).getShape()));
        }
    }

    /** A single resnet18's checkpoint (as from the hub) goes into both branches; the dual's own layers stay fresh. */
    @Test
    void singleBackboneWeightsInitialiseBothBranches() {
        try (NDManager m = NDManager.newBaseManager()) {
            ImageClassifier single = REGISTRY.get("resnet18").build(ModelOptions.classes(1000));
            Engine.getInstance().setRandomSeed(9);
            single.initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            Map<String, Tensor> checkpoint = WeightLoader.stateDict(single);

            DualInputModel dual = build("dual:resnet18", TWO_TASKS, m, 64);
            LoadReport report = WeightLoader.load(dual, checkpoint);
            Map<String, Parameter> p = ParameterNames.of(dual);
            int compared = 0;
            for (Map.Entry<String, Parameter> e : ParameterNames.of(single).entrySet()) {
                if (e.getKey().startsWith("fc.")) {
                    continue;
                }
                float[] expected = e.getValue().getArray().toFloatArray();
                assertArrayEquals(expected, p.get("branch_full." + e.getKey()).getArray().toFloatArray(), e.getKey());
                assertArrayEquals(expected, p.get("branch_crop." + e.getKey()).getArray().toFloatArray(), e.getKey());
                compared++;
            }
            assertEquals(2 * compared, report.loaded().size());
            assertTrue(report.reinitialised().stream().anyMatch(r -> r.startsWith("fuse.conv.weight")), report.summary());
            assertTrue(report.reinitialised().stream().anyMatch(r -> r.startsWith("aux.light.weight")), report.summary());
            assertFalse(report.consumed().contains("fc.weight"), "the ImageNet classifier is not used");

            // A dual model's own file (full names) loads name for name.
            DualInputModel copy = build("dual:resnet18", TWO_TASKS, m, 64);
            LoadReport again = WeightLoader.load(copy, WeightLoader.stateDict(dual));
            assertTrue(again.reinitialised().isEmpty(), again.summary());
            assertArrayEquals(p.get("fuse.conv.weight").getArray().toFloatArray(),
                    ParameterNames.of(copy).get("fuse.conv.weight").getArray().toFloatArray());
        }
    }

    /** Two branches at 160 px, the 1x1 join on the 5x5 maps, one head. */
    @Test
    void flopsAreTwoBranchesOnTheViewsPlusTheJoin() {
        long head = 512 * 2;
        long branch = Flops.perImage(REGISTRY.get("resnet18").build(ModelOptions.classes(2)), 160) - head;
        long join = 1024L * 512 * 5 * 5;
        assertEquals(2 * branch + join + head, Flops.perImage(REGISTRY.get("dual:resnet18").build(ModelOptions.classes(2)), 256));
    }

    @Test
    void unfreezeFromAppliesToBothBranchesAndTheJoinAlwaysTrains() {
        try (NDManager m = NDManager.newBaseManager()) {
            DualInputModel model = build("dual:resnet18", TWO_TASKS, m, 64);
            assertEquals(model.branch(DualInputModel.FULL).backboneLayers().size(), model.backboneLayers().size());
            model.freezeBackboneBefore(model.layerIndex("layer4"));
            Map<String, Parameter> p = ParameterNames.of(model);
            for (String branch : List.of("branch_full.", "branch_crop.")) {
                assertFalse(p.get(branch + "layer3.1.conv2.weight").requiresGradient(), branch + "layer3 frozen");
                assertTrue(p.get(branch + "layer4.0.conv1.weight").requiresGradient(), branch + "layer4 trains");
            }
            assertTrue(p.get("fuse.conv.weight").requiresGradient());
            assertTrue(p.get("aux.light.bias").requiresGradient());

            model.freezeBackboneBefore(model.backboneLayers().size());
            long trainable = p.entrySet().stream().filter(e -> e.getValue().requiresGradient()).count();
            assertEquals(p.keySet().stream().filter(k -> k.startsWith("fuse.") && !k.contains("running")
                    || k.startsWith("fc.") || k.startsWith("aux.")).count(), trainable, "transfer: join and heads only");
        }
    }
}
