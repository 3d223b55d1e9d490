package io.gaikan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.gaikan.data.DataOptions;
import io.gaikan.data.PreparedData;
import io.gaikan.data.Sample;
import io.gaikan.data.TaskSpec;
import io.gaikan.eval.Predictions;
import io.gaikan.model.ModelRegistry;
import io.gaikan.model.weights.SafeTensors;
import io.gaikan.model.weights.Tensor;
import io.gaikan.testing.Shared;
import io.gaikan.testing.ToyImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dual-input model through the trainer: scratch with auxiliary tasks, and transfer from real ImageNet weights. */
class DualTrainingTest {

    @TempDir
    static Path shared;
    static PreparedData data;

    @BeforeAll
    static void makeData() {
        Path csv = ToyImages.manifest(shared.resolve("toy"), 20, 40, 5, 2);
        data = PreparedData.prepare(new DataOptions(csv, null, null, 0.2, 0.3, 0, 5, false, List.of("stripes_h")),
                2, new PrintStream(new ByteArrayOutputStream()));
    }

    private static TrainResult train(TrainConfig config, Path dir) throws Exception {
        return new Trainer(ModelRegistry.defaults(), new PrintStream(new ByteArrayOutputStream()))
                .train(config, data.data(), data.split(), data.normalClasses(), dir, false);
    }

    private static TrainConfig.Builder small(String model) {
        return TrainConfig.builder().model(model).inputSize(40).batchSize(8).lr(2e-3f)
                .augment("none").threads(2).seed(3).quiet(true);
    }

    @Test
    void dualVggSeTrainsWithAuxiliaryTasksAndReloadsByName(@TempDir Path dir) throws Exception {
        TrainConfig config = small("dual:vggse").epochs(4)
                .tasks(TaskSpec.withMain(List.of(TaskSpec.parse("light=column:light")))).build();
        TrainResult result = train(config, dir);
        assertEquals(List.of("main", "light"), List.copyOf(result.testMetrics().keySet()));
        assertEquals(4, result.history().size());
        assertFalse(Double.isNaN(result.history().get(1).trainLoss()));
        assertTrue(result.testMetrics().get("main").accuracy() > 0.8, "dual:vggse learns the stripes: "
                + result.testMetrics().get("main").accuracy());

        List<Sample> test = data.split().samples(data.data(), data.split().test());
        try (TrainedModel trained = TrainedModel.load(dir, ModelRegistry.defaults())) {
            assertEquals("dual:vggse", trained.info().config().model());
            Predictions p = trained.predict(test, trained.tasks(data.data()), 2, new PrintStream(new ByteArrayOutputStream()), true);
            assertEquals(result.testMetrics().get("main").accuracy(), p.accuracy(0), 1e-9);
            assertEquals(result.testMetrics().get("light").accuracy(), p.accuracy(1), 1e-9);
        }
    }

    /**
     * {@code --init imagenet} with the real MobileNetV2 weights fills both branches; transfer mode then trains the
     * join and the heads only, so every branch tensor still equals the ImageNet file afterwards.
     */
    @Test
    void imagenetWeightsInitialiseBothBranchesAndTransferKeepsThem(@TempDir Path dir) throws Exception {
        Path weights = Shared.require("weights/mobilenetv2_100.imagenet.safetensors");
        TrainConfig config = small("dual:mobilenetv2_100").epochs(1).mode(TrainMode.TRANSFER).init("imagenet")
                .weightsFile(weights.toString()).build();
        train(config, dir);
        Map<String, Tensor> imagenet = SafeTensors.read(weights);
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> trained = ModelState.readTensors(dir.resolve("model.safetensors"), m);
            int compared = 0;
            for (Map.Entry<String, Tensor> e : imagenet.entrySet()) {
                String name = e.getKey();
                if (name.startsWith("classifier.") || name.endsWith("num_batches_tracked")) {
                    continue;
                }
                float[] expected = toArray(e.getValue());
                assertArrayEquals(expected, trained.get("branch_full." + name).toFloatArray(), name);
                assertArrayEquals(expected, trained.get("branch_crop." + name).toFloatArray(), name);
                compared++;
            }
            assertTrue(compared > 250, "compared " + compared + " tensors");
        }
    }

    private static float[] toArray(Tensor t) {
        java.nio.FloatBuffer b = t.floats();
        float[] out = new float[b.remaining()];
        b.get(out);
        return out;
    }
}
