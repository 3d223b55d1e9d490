package io.gaikan.model.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelOptions;
import io.gaikan.model.ModelRegistry;
import io.gaikan.model.ParameterNames;
import io.gaikan.model.TaskHead;
import io.gaikan.model.vgg.Vgg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeightLoaderTest {

    @TempDir
    Path dir;

    private static ImageClassifier resnet18(NDManager manager, ModelOptions options) {
        ImageClassifier model = ModelRegistry.defaults().get("resnet18").build(options);
        model.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 32, 32));
        return model;
    }

    @Test
    void saveThenLoadIsBitExactIncludingBatchNormStatistics() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            ImageClassifier trained = resnet18(manager, ModelOptions.classes(5));
            // a training-mode pass moves every BN's running statistics away from their initial 0 / 1
            trained.forward(new ParameterStore(manager, false), new NDList(manager.randomNormal(new Shape(2, 3, 32, 32))), true);
            Path file = dir.resolve("model.safetensors");
            WeightLoader.save(trained, file);

            Map<String, Tensor> saved = SafeTensors.read(file);
            assertTrue(saved.containsKey("layer1.0.bn1.num_batches_tracked"), "timm's full state-dict key set");
            assertEquals(Tensor.DType.I64, saved.get("bn1.num_batches_tracked").dtype());

            ImageClassifier fresh = resnet18(manager, ModelOptions.classes(5));
            LoadReport report = WeightLoader.load(fresh, file);
            assertTrue(report.reinitialised().isEmpty());
            Map<String, Parameter> a = ParameterNames.of(trained);
            Map<String, Parameter> b = ParameterNames.of(fresh);
            assertEquals(a.keySet(), b.keySet());
            assertEquals(a.size(), report.loaded().size());
            for (String name : a.keySet()) {
                assertArrayEquals(bits(a.get(name).getArray()), bits(b.get(name).getArray()), name);
            }
            assertNotEquals(0f, b.get("layer4.1.bn2.running_mean").getArray().abs().sum().getFloat());
        }
    }

    @Test
    void headIsReinitialisedWhenTheClassCountDiffers() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Path file = dir.resolve("five.safetensors");
            WeightLoader.save(resnet18(manager, ModelOptions.classes(5)), file);
            Map<String, Tensor> saved = SafeTensors.read(file);

            ModelOptions threeWithAux = new ModelOptions(List.of(new TaskHead("main", 3), new TaskHead("light", 4)), 0f, 0f);
            ImageClassifier model = resnet18(manager, threeWithAux);
            LoadReport report = WeightLoader.load(model, file);

            assertEquals(4, report.reinitialised().size(), report.summary());
            assertTrue(report.summary().contains("fc.weight: checkpoint F32[5, 512] vs model [3, 512]"), report.summary());
            assertTrue(report.summary().contains("aux.light.weight (not in checkpoint)"), report.summary());
            Map<String, Parameter> params = ParameterNames.of(model);
            assertArrayEquals(floats(saved.get("conv1.weight")), params.get("conv1.weight").getArray().toFloatArray());
            assertArrayEquals(new long[] {3, 512}, params.get("fc.weight").getArray().getShape().getShape());
            assertTrue(params.get("fc.weight").getArray().abs().sum().getFloat() > 0, "fresh random head weights");
        }
    }

    /** A multi-task pretraining's checkpoint (main + auxiliary heads) starts a single-task fine-tuning. */
    @Test
    void auxiliaryHeadsTheModelLacksAreIgnored() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Path file = dir.resolve("multitask.safetensors");
            WeightLoader.save(resnet18(manager, new ModelOptions(List.of(new TaskHead("main", 17),
                    new TaskHead("family", 4)), 0f, 0f)), file);
            ImageClassifier model = resnet18(manager, ModelOptions.classes(6));
            LoadReport report = WeightLoader.load(model, file);
            assertEquals(List.of("aux.family.bias", "aux.family.weight"), report.ignored().stream()
                    .filter(n -> !n.endsWith("num_batches_tracked")).sorted().toList(), report.summary());
            assertEquals(2, report.reinitialised().size(), report.summary());
            assertArrayEquals(floats(SafeTensors.read(file).get("conv1.weight")),
                    ParameterNames.of(model).get("conv1.weight").getArray().toFloatArray());
        }
    }

    @Test
    void mismatchNamesEveryMissingUnexpectedAndMisshapenTensorAndChangesNothing() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ImageClassifier model = resnet18(manager, ModelOptions.classes(5));
            Map<String, Tensor> checkpoint = new LinkedHashMap<>(WeightLoader.stateDict(model));
            checkpoint.remove("layer1.0.conv1.weight");
            checkpoint.put("extra.weight", Tensor.f32(new long[] {1}, new float[] {1}));
            checkpoint.put("conv1.weight", Tensor.f32(new long[] {64, 3, 3, 3}, new float[64 * 27]));
            float[] before = ParameterNames.of(model).get("conv1.weight").getArray().toFloatArray();

            WeightMismatchException e = assertThrows(WeightMismatchException.class,
                    () -> WeightLoader.load(model, checkpoint));
            assertEquals(List.of("layer1.0.conv1.weight"), e.missing());
            assertEquals(List.of("extra.weight"), e.unexpected());
            assertEquals(List.of("conv1.weight: checkpoint F32[64, 3, 3, 3] vs model [64, 3, 7, 7]"), e.mismatched());
            assertTrue(e.getMessage().contains("1 missing (layer1.0.conv1.weight)"), e.getMessage());
            assertTrue(e.getMessage().contains("1 unexpected (extra.weight)"), e.getMessage());
            assertArrayEquals(before, ParameterNames.of(model).get("conv1.weight").getArray().toFloatArray());
        }
    }

    @Test
    void loadedParametersStillReceiveGradients() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ImageClassifier source = resnet18(manager, ModelOptions.classes(2));
            ImageClassifier model = resnet18(manager, ModelOptions.classes(2));
            WeightLoader.load(model, WeightLoader.stateDict(source));
            Parameter conv1 = ParameterNames.of(model).get("conv1.weight");
            assertTrue(conv1.getArray().hasGradient() || conv1.requiresGradient());
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                NDArray logits = model.forward(new ParameterStore(manager, false),
                        new NDList(manager.randomNormal(new Shape(2, 3, 32, 32))), true).get(0);
                collector.backward(logits.square().sum());
            }
            assertTrue(conv1.getArray().getGradient().abs().sum().getFloat() > 0, "conv1 receives a gradient");
        }
    }

    @Test
    void torchvisionVggClassifierMapsOntoTheConvMlpInChwOrder() {
        Vgg.Arch tiny = new Vgg.Arch(true, 32, 8, Vgg.POOL, 16, Vgg.POOL);
        try (NDManager manager = NDManager.newBaseManager()) {
            Vgg source = new Vgg(tiny, ModelOptions.classes(3));
            source.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 28, 28));
            Map<String, Tensor> timm = WeightLoader.stateDict(source);
            Map<String, Tensor> torchvision = new LinkedHashMap<>();
            timm.forEach((name, t) -> {
                if (name.startsWith("features.")) {
                    torchvision.put(name, t);
                }
            });
            torchvision.put("classifier.0.weight", timm.get("pre_logits.fc1.weight").reshape(32, 16 * 7 * 7));
            torchvision.put("classifier.0.bias", timm.get("pre_logits.fc1.bias"));
            torchvision.put("classifier.3.weight", timm.get("pre_logits.fc2.weight").reshape(32, 32));
            torchvision.put("classifier.3.bias", timm.get("pre_logits.fc2.bias"));
            torchvision.put("classifier.6.weight", timm.get("head.fc.weight"));
            torchvision.put("classifier.6.bias", timm.get("head.fc.bias"));

            Vgg model = new Vgg(tiny, ModelOptions.classes(3));
            model.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 28, 28));
            LoadReport report = WeightLoader.load(model, torchvision);
            assertEquals("torchvision vgg names", report.naming());
            assertTrue(report.consumed().contains("classifier.0.weight"));
            NDArray x = manager.randomNormal(new Shape(1, 3, 28, 28));
            ParameterStore ps = new ParameterStore(manager, false);
            assertArrayEquals(source.forward(ps, new NDList(x), false).get(0).toFloatArray(),
                    model.forward(ps, new NDList(x), false).get(0).toFloatArray());
        }
    }

    @Test
    void anUninitialisedModelIsAClearError() {
        ImageClassifier model = ModelRegistry.defaults().get("resnet18").build(ModelOptions.classes(2));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> WeightLoader.load(model, Map.of()));
        assertTrue(e.getMessage().startsWith("initialise the model before loading weights"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }

    private static int[] bits(NDArray array) {
        float[] v = array.toFloatArray();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Float.floatToRawIntBits(v[i]);
        }
        return out;
    }

    private static float[] floats(Tensor t) {
        float[] out = new float[(int) t.numel()];
        t.floats().get(out);
        return out;
    }
}
