package io.gaikan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.gaikan.data.DataOptions;
import io.gaikan.data.PreparedData;
import io.gaikan.model.ModelRegistry;
import io.gaikan.testing.ToyImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End-to-end training on a generated 2-class set of 32 px images with ResNet18. */
class TrainerTest {

    @TempDir
    static Path shared;
    static PreparedData data;

    @BeforeAll
    static void makeData() {
        Path root = ToyImages.folder(shared.resolve("toy"), 40, 32, 1);
        data = PreparedData.prepare(new DataOptions(root, null, null, 0.2, 0.25, 0, 7, false, List.of("stripes_h")),
                2, new PrintStream(new ByteArrayOutputStream()));
    }

    private static TrainConfig.Builder small() {
        return TrainConfig.builder().model("resnet18").inputSize(32).batchSize(8).epochs(4).lr(2e-3f)
                .augment("none").threads(2).seed(3).quiet(true);
    }

    private static TrainResult train(TrainConfig config, Path dir, boolean resume, EpochListener listener) throws Exception {
        return new Trainer(ModelRegistry.defaults(), new PrintStream(new ByteArrayOutputStream()), listener)
                .train(config, data.data(), data.split(), data.normalClasses(), dir, resume);
    }

    @Test
    void resnet18LearnsStripesFromScratchAndWritesTheRunDirectory(@TempDir Path dir) throws Exception {
        TrainResult result = train(small().build(), dir, false, r -> { });
        assertTrue(result.mainMetrics().accuracy() > 0.9, "test accuracy " + result.mainMetrics().accuracy());
        for (String f : List.of("run.json", "split.csv", "history.csv", "curves.png", "metrics.json",
                "confusion.png", "model.safetensors", "predictions.csv")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        assertEquals(5, Files.readAllLines(dir.resolve("history.csv")).size());
        assertFalse(Double.isNaN(result.mainMetrics().missRate()));
        assertEquals("resnet18", RunInfo.read(dir).config().model());
    }

    @Test
    void transferModeLeavesEveryBackboneTensorBitIdentical(@TempDir Path dir) throws Exception {
        Path init = dir.resolve("init");
        train(small().epochs(1).build(), init, false, r -> { });
        Path run = dir.resolve("transfer");
        train(small().epochs(2).mode(TrainMode.TRANSFER).init(init.resolve("model.safetensors").toString()).build(),
                run, false, r -> { });
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> before = ModelState.readTensors(init.resolve("model.safetensors"), m);
            Map<String, NDArray> after = ModelState.readTensors(run.resolve("model.safetensors"), m);
            int compared = 0;
            boolean headChanged = false;
            for (String name : before.keySet()) {
                float[] a = before.get(name).toFloatArray();
                float[] b = after.get(name).toFloatArray();
                if (name.startsWith("fc.")) {
                    headChanged |= !java.util.Arrays.equals(a, b);
                } else {
                    assertArrayEquals(a, b, name + " changed in transfer mode");
                    compared++;
                }
            }
            assertEquals(before.size() - 2, compared, "every tensor but fc.weight/fc.bias is backbone");
            assertTrue(headChanged, "the head did not train");
        }
    }

    @Test
    void resumedRunEndsWithTheSameWeightsAsAnUninterruptedOne(@TempDir Path dir) throws Exception {
        TrainConfig config = small().epochs(3).augment("default").dropRate(0.2f).build();
        train(config, dir.resolve("full"), false, r -> { });

        Path killed = dir.resolve("killed");
        assertThrows(IllegalStateException.class, () -> train(config, killed, false, r -> {
            if (r.epoch() == 2) {
                throw new IllegalStateException("simulated kill after epoch 2");
            }
        }));
        assertFalse(Files.exists(killed.resolve("model.safetensors")));
        train(config, killed, true, r -> { });
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> a = ModelState.readTensors(dir.resolve("full/model.safetensors"), m);
            Map<String, NDArray> b = ModelState.readTensors(killed.resolve("model.safetensors"), m);
            assertEquals(a.keySet(), b.keySet());
            for (String name : a.keySet()) {
                assertArrayEquals(a.get(name).toFloatArray(), b.get(name).toFloatArray(), name);
            }
        }
        assertEquals(Files.readAllLines(dir.resolve("full/history.csv")).size(),
                Files.readAllLines(killed.resolve("history.csv")).size());
    }
}
