package io.gaikan.fewshot;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.gaikan.data.DataOptions;
import io.gaikan.data.PreparedData;
import io.gaikan.data.Sample;
import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.eval.Predictions;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelOptions;
import io.gaikan.model.ModelRegistry;
import io.gaikan.testing.Shared;
import io.gaikan.testing.ToyImages;
import io.gaikan.train.ModelState;
import io.gaikan.train.RunInfo;
import io.gaikan.train.TrainConfig;
import io.gaikan.train.TrainResult;
import io.gaikan.train.TrainSettings;
import io.gaikan.train.TrainedModel;
import io.gaikan.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Few-shot heads as a run: fitted through the trainer, saved in the run directory, served like any run. */
class FewShotMethodTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final ModelRegistry ZOO = ModelRegistry.defaults();

    /**
     * Horizontal against vertical stripes from three images per class, on an untrained ResNet-18 saved as the
     * "pretrained" weights (random convolutions already pool orientation apart); the fitted run's predictions come
     * back the same through {@link TrainedModel}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"prototypes", "logistic", "auto"})
    void fitsOnFewImagesAndServesLikeAnyRun(String method, @TempDir Path dir) throws Exception {
        Path images = ToyImages.folder(dir.resolve("stripes"), 20, 48, 1);
        PreparedData data = PreparedData.prepare(new DataOptions(images, null, null, 0.15, 0.3, 3, 1, false,
                List.of()), 2, QUIET);
        TrainConfig config = TrainConfig.builder().model("resnet18").inputSize(48)
                .init(randomWeights(dir.resolve("random.safetensors")).toString()).method(method)
                .quiet(true).threads(2).build();
        Path run = dir.resolve("run");
        TrainResult result = new Trainer(ZOO, QUIET).train(config, data.data(), data.split(), data.normalClasses(), run,
                false);
        ClassificationMetrics metrics = result.mainMetrics();
        assertTrue(metrics.accuracy() > 0.85, method + " accuracy " + metrics.accuracy());

        RunInfo info = RunInfo.read(run);
        assertTrue(info.fitted().get("head").equals(method.equals("prototypes") ? "prototypes" : "logistic"),
                "run.json records the head: " + info.fitted());
        assertTrue(info.fitted().get("temperature_rule").contains("calibrated on"), info.fitted().toString());

        List<Sample> test = data.split().samples(data.data(), data.split().test());
        try (TrainedModel model = TrainedModel.load(run, ZOO)) {
            Predictions again = model.predict(test, model.tasks(data.data()), 2, QUIET, true);
            assertEquals(metrics.accuracy(), again.accuracy(0), 1e-9, "the loaded run predicts what the fitted one did");
            // heat maps on the finest stage's grid (ResNet layer2 at 48 px: 6 x 6), evidence for the predicted class
            List<io.gaikan.train.RunScorer.HeatMap> maps = model.heatMaps(data.split().test().subList(0, 2), 2);
            assertEquals(6, maps.get(0).values().length);
            assertTrue(maps.get(0).high() > maps.get(0).low(), "some evidence somewhere");
        }
    }

    @Test
    void refusesAnUntrainedBackbone(@TempDir Path dir) throws Exception {
        Path images = ToyImages.folder(dir.resolve("stripes"), 6, 32, 1);
        PreparedData data = PreparedData.prepare(DataOptions.of(images), 2, QUIET);
        TrainConfig config = TrainConfig.builder().model("resnet18").inputSize(32).method("auto").quiet(true).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Trainer(ZOO, QUIET)
                .train(config, data.data(), data.split(), data.normalClasses(), dir.resolve("run"), false));
        assertTrue(e.getMessage().contains("--init imagenet"), e.getMessage());
    }

    /**
     * Real steel-strip defects (x-sdd, 7 classes), 2 training images per class, the ImageNet MobileNetV2 at 128 px:
     * logistic regression on pooled multi-stage features is far above chance (1/7) and test-time flips and
     * transductive refinement run through the same path.
     */
    @Test
    void separatesRealSteelDefectsFromTwoImagesPerClass(@TempDir Path dir) throws Exception {
        Path xsdd = Shared.require("datasets/x-sdd");
        Path weights = Shared.require("weights/mobilenetv2_100.imagenet.safetensors");
        PreparedData data = PreparedData.prepare(new DataOptions(xsdd, null, null, 0.05, 0.1, 2, 0, false,
                List.of()), 2, QUIET);
        TrainConfig config = TrainConfig.builder().model("mobilenetv2_100").inputSize(128).init("imagenet")
                .weightsFile(weights.toString()).method("auto").set(TrainSettings.TRANSDUCTIVE, true)
                .quiet(true).threads(2).build();
        TrainResult result = new Trainer(ZOO, QUIET).train(config, data.data(), data.split(), data.normalClasses(),
                dir.resolve("run"), false);
        double balanced = result.mainMetrics().balancedAccuracy();
        assertTrue(balanced > 0.6, "mean per-class accuracy " + balanced + " on " + result.mainMetrics().count());
        assertTrue(RunInfo.read(dir.resolve("run")).fitted().get("transductive").startsWith("yes"));
    }

    /** An untrained network's weights as a file, standing in for pretrained ones. */
    private static Path randomWeights(Path file) throws Exception {
        ImageClassifier net = ZOO.get("resnet18").build(ModelOptions.classes(2));
        try (NDManager manager = NDManager.newBaseManager()) {
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 48, 48));
            ModelState.saveModel(net, file);
        }
        return file;
    }
}
