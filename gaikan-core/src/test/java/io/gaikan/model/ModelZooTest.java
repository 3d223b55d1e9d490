package io.gaikan.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.gaikan.model.blocks.DropPath;
import io.gaikan.model.blocks.ResidualBlock;
import io.gaikan.model.summary.Flops;
import io.gaikan.model.vgg.Vgg;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelZooTest {

    private static final ModelRegistry ZOO = ModelRegistry.defaults();

    private static ImageClassifier build(String name, int classes) {
        return ZOO.get(name).build(ModelOptions.classes(classes));
    }

    @Test
    void registryHoldsTheWholeZooWithTimmInputSizes() {
        List<String> names = ZOO.all().stream().map(ModelSpec::name).toList();
        assertEquals(List.of("resnet18", "resnet34", "resnet50", "resnet101", "resnet152", "vgg16", "vgg19", "vgg16_bn",
                "vgg19_bn", "mobilenetv2_100", "efficientnet_b0", "efficientnet_b1", "efficientnet_b2", "efficientnet_b3",
                "efficientnet_b4", "efficientnet_b5", "efficientnet_b6", "efficientnet_b7", "vggse", "dual:vggse"), names);
        int[] sizes = {224, 240, 256, 288, 320, 448, 528, 600};
        for (int b = 0; b <= 7; b++) {
            assertEquals(sizes[b], ZOO.get("efficientnet_b" + b).defaultInputSize());
        }
        assertEquals("timm/resnet50.a1_in1k", ZOO.get("resnet50").hubId());
        assertEquals("timm/mobilenetv2_100.ra_in1k", ZOO.get("mobilenetv2_100").hubId());
        assertNull(ZOO.get("efficientnet_b7").hubId());
        assertThrows(IllegalArgumentException.class, () -> ZOO.get("resnet19"));
    }

    /** ImageNet (1000-class) trainable parameter counts of torchvision/timm, BN running statistics excluded. */
    @Test
    void parameterCountsEqualTheReferenceArchitectures() {
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("resnet18", 11_689_512L);
        expected.put("resnet34", 21_797_672L);
        expected.put("resnet50", 25_557_032L);
        expected.put("resnet101", 44_549_160L);
        expected.put("resnet152", 60_192_808L);
        expected.put("vgg16", 138_357_544L);
        expected.put("vgg19_bn", 143_678_248L);
        expected.put("mobilenetv2_100", 3_504_872L);
        expected.put("efficientnet_b0", 5_288_548L);
        expected.put("efficientnet_b3", 12_233_232L);
        expected.put("efficientnet_b7", 66_347_960L);
        expected.forEach((name, count) -> assertEquals(count, trainableParameters(build(name, 1000)), name));
    }

    /** Multiply-adds per image at 224 px against the published "GFLOPs" figures. */
    @Test
    void flopsMatchPublishedFigures() {
        assertEquals(1.82e9, Flops.perImage(build("resnet18", 1000), 224), 0.02e9);
        assertEquals(4.11e9, Flops.perImage(build("resnet50", 1000), 224), 0.03e9);
        assertEquals(15.47e9, Flops.perImage(build("vgg16", 1000), 224), 0.05e9);
        assertEquals(0.30e9, Flops.perImage(build("mobilenetv2_100", 1000), 224), 0.01e9);
        assertEquals(0.39e9, Flops.perImage(build("efficientnet_b0", 1000), 224), 0.01e9);
    }

    @Test
    void everyFamilyFreezesItsBackboneByStageOrIndex() {
        Map<String, String> stage = Map.of("resnet18", "layer3", "vgg16_bn", "features.24",
                "mobilenetv2_100", "blocks.5", "efficientnet_b0", "blocks.4");
        stage.forEach((name, prefix) -> {
            ImageClassifier model = build(name, 3);
            List<Pair<String, Block>> layers = model.backboneLayers();
            int from = model.layerIndex(prefix);
            String first = layers.get(from).getKey();
            assertTrue(first.equals(prefix) || first.startsWith(prefix + "."), first);
            assertTrue(from > 0 && !layers.get(from - 1).getKey().startsWith(prefix));
            model.freezeBackboneBefore(from);
            Map<String, Parameter> params = ParameterNames.of(model);
            for (int i = 0; i < layers.size(); i++) {
                for (Pair<String, Parameter> p : layers.get(i).getValue().getDirectParameters()) {
                    if (p.getValue().getType() != Parameter.Type.RUNNING_MEAN && p.getValue().getType() != Parameter.Type.RUNNING_VAR) {
                        assertEquals(i >= from, p.getValue().requiresGradient(), name + " " + layers.get(i).getKey());
                    }
                }
            }
            String head = model.headPrefixes().get(0);
            params.forEach((n, p) -> {
                if (n.startsWith(head)) {
                    assertTrue(p.requiresGradient(), n);
                }
            });
            assertTrue(layers.stream().noneMatch(l -> (l.getKey() + ".").startsWith(head)), "heads are not backbone");
        });
        // seed 003: "unfreeze from layer 100" of MobileNetV2 is a valid index
        ImageClassifier mobileNet = build("mobilenetv2_100", 2);
        assertEquals(104, mobileNet.backboneLayers().size());
        mobileNet.freezeBackboneBefore(100);
        assertEquals("blocks.6.0.conv_pwl", mobileNet.backboneLayers().get(100).getKey());
    }

    @Test
    void everyFamilyTrainsOnTinyImagesWithStochasticDepth() {
        List<ImageClassifier> models = List.of(
                ZOO.get("resnet18").build(new ModelOptions(List.of(new TaskHead("main", 3)), 0.2f, 0.1f)),
                new Vgg(new Vgg.Arch(true, 64, 16, Vgg.POOL, 32, Vgg.POOL, 32, Vgg.POOL, 64, Vgg.POOL, 64, Vgg.POOL),
                        new ModelOptions(List.of(new TaskHead("main", 3)), 0.2f, 0f)),
                ZOO.get("mobilenetv2_100").build(new ModelOptions(List.of(new TaskHead("main", 3)), 0.2f, 0.1f)),
                ZOO.get("efficientnet_b0").build(new ModelOptions(List.of(new TaskHead("main", 3)), 0.2f, 0.2f)));
        for (ImageClassifier model : models) {
            try (NDManager manager = NDManager.newBaseManager()) {
                model.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 32, 32));
                NDArray x = manager.randomNormal(new Shape(4, 3, 32, 32));
                ParameterStore ps = new ParameterStore(manager, false);
                NDArray features = model.forwardFeatures(ps, x, false);
                assertArrayEquals(new long[] {4, model.featureDim()}, features.getShape().getShape());
                try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                    NDArray logits = model.forward(ps, new NDList(x), true).get(0);
                    assertArrayEquals(new long[] {4, 3}, logits.getShape().getShape());
                    NDArray loss = logits.logSoftmax(1).get(":, 0").neg().mean();
                    assertTrue(Float.isFinite(loss.getFloat()));
                    collector.backward(loss);
                }
                Parameter first = ParameterNames.of(model).values().iterator().next();
                assertTrue(first.getArray().getGradient().abs().sum().getFloat() > 0,
                        model.getClass().getSimpleName() + " backpropagates to its first layer");
            }
        }
    }

    @Test
    void dropPathFollowsTimmsScheduleAndDropsWholeSamples() {
        List<Float> efficientNet = dropRates(ZOO.get("efficientnet_b0")
                .build(new ModelOptions(List.of(new TaskHead("main", 2)), 0f, 0.2f)));
        assertEquals(16, efficientNet.size());
        assertEquals(0f, efficientNet.get(0));
        assertEquals(0.2f * 15 / 16, efficientNet.get(15), 1e-7f);
        List<Float> resnet = dropRates(ZOO.get("resnet18").build(new ModelOptions(List.of(new TaskHead("main", 2)), 0f, 0.2f)));
        assertEquals(0.2f, resnet.get(7), 1e-7f);

        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray ones = manager.ones(new Shape(4000, 2, 3, 3));
            assertEquals(ones, DropPath.apply(ones, 0.25f, false));
            float[] out = DropPath.apply(ones, 0.25f, true).toFloatArray();
            int dropped = 0;
            for (int n = 0; n < 4000; n++) {
                float first = out[n * 18];
                assertTrue(first == 0f || Math.abs(first - 1 / 0.75f) < 1e-6f, "kept samples are scaled by 1/keep");
                for (int k = 1; k < 18; k++) {
                    assertEquals(first, out[n * 18 + k], "the whole sample is kept or dropped");
                }
                dropped += first == 0f ? 1 : 0;
            }
            assertEquals(1000, dropped, 90);
        }
    }

    private static List<Float> dropRates(Block root) {
        List<Float> out = new ArrayList<>();
        if (root instanceof ResidualBlock block) {
            out.add(block.dropPathRate());
        }
        for (Pair<String, Block> child : root.getChildren()) {
            out.addAll(dropRates(child.getValue()));
        }
        return out;
    }

    private static long trainableParameters(ImageClassifier model) {
        long n = 0;
        for (Parameter p : ParameterNames.of(model).values()) {
            if (p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR) {
                n += p.getShape().size();
            }
        }
        assertFalse(n == 0);
        return n;
    }
}
