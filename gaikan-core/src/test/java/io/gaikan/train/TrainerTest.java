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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
    /** A backbone trained for one epoch from scratch: the "pretrained" start of the transfer tests. */
    static Path init;

    @BeforeAll
    static void makeData() throws Exception {
        Path root = ToyImages.folder(shared.resolve("toy"), 40, 32, 1);
        data = PreparedData.prepare(new DataOptions(root, null, null, 0.2, 0.25, 0, 7, false, List.of("stripes_h")),
                2, new PrintStream(new ByteArrayOutputStream()));
        train(small().epochs(1).build(), shared.resolve("init"), false, r -> { });
        init = shared.resolve("init/model.safetensors");
    }

    private static TrainConfig.Builder small() {
        return TrainConfig.builder().model("resnet18").inputSize(32).batchSize(8).epochs(4).lr(2e-3f)
                .augment("none").threads(2).seed(3).quiet(true);
    }

    private static TrainResult train(TrainConfig config, Path dir, boolean resume, EpochListener listener) throws Exception {
        return train(config, dir, resume, listener, Duration.ZERO);
    }

    private static TrainResult train(TrainConfig config, Path dir, boolean resume, EpochListener listener,
                                     Duration checkpointEvery) throws Exception {
        return new Trainer(ModelRegistry.defaults(), new PrintStream(new ByteArrayOutputStream()), listener)
                .checkpointEvery(checkpointEvery).train(config, data.data(), data.split(), data.normalClasses(), dir, resume);
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
    void headInitProbeStartsTheClassifierFromALinearProbe(@TempDir Path dir) throws Exception {
        // lr 1e-9 and frozen BatchNorm: the test accuracy is the starting head's (random convolutions pool stripes apart)
        double[] accuracy = new double[2];
        String[] log = new String[2];
        for (HeadInit start : HeadInit.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TrainConfig config = small().epochs(1).lr(1e-9f).freezeBn(true).set(TrainSettings.HEAD_INIT, start).build();
            TrainResult result = new Trainer(ModelRegistry.defaults(), new PrintStream(out, true), r -> { })
                    .train(config, data.data(), data.split(), data.normalClasses(), dir.resolve(start.name()), false);
            accuracy[start.ordinal()] = result.mainMetrics().accuracy();
            log[start.ordinal()] = out.toString();
        }
        assertTrue(accuracy[HeadInit.PROBE.ordinal()] > 0.9, "probe head: " + accuracy[HeadInit.PROBE.ordinal()]);
        assertTrue(accuracy[HeadInit.RANDOM.ordinal()] < 0.75, "random head: " + accuracy[HeadInit.RANDOM.ordinal()]);
        assertTrue(log[HeadInit.PROBE.ordinal()].contains("head: a linear probe on the pooled features of "
                + data.split().train().size() + " training images"), log[HeadInit.PROBE.ordinal()]);
        assertFalse(log[HeadInit.RANDOM.ordinal()].contains("linear probe"));
    }

    @Test
    void minStepsShowsEachImageSeveralTimesAnEpochUntilTheStepsAreReached(@TempDir Path dir) throws Exception {
        int images = data.split().train().size();
        int stepsPerEpoch = images / 8;
        // 2 epochs must make 2 x (2 x steps + 1) steps: 2 x steps + 1 an epoch, more than one pass over the images gives
        int minSteps = 2 * (2 * stepsPerEpoch + 1);
        int repeats = (int) Math.ceil((2.0 * stepsPerEpoch + 1) * 8 / images);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainResult result = new Trainer(ModelRegistry.defaults(), new PrintStream(log, true), r -> { }).train(
                small().epochs(2).quiet(false).set(TrainSettings.MIN_STEPS, minSteps).build(), data.data(),
                data.split(), data.normalClasses(), dir, false);
        assertEquals(2, result.history().size(), "the epochs stay as given");
        assertTrue(repeats > 1);
        assertTrue(log.toString().contains("each epoch shows the " + images + " training images " + repeats + " times"),
                log.toString());
        assertTrue(log.toString().contains("done " + images * repeats + "/" + images * repeats), log.toString());
        assertEquals(1, Phase.repeats(small().epochs(2).set(TrainSettings.MIN_STEPS, 2 * stepsPerEpoch).build(), images),
                "a budget the epochs already reach changes nothing");
        // one image per class, batch 32, 16 epochs, 200 steps: 13 steps an epoch need 416 images, 70 views of 6
        assertEquals(70, Phase.repeats(small().batchSize(32).epochs(16).set(TrainSettings.MIN_STEPS, 200).build(), 6));
    }

    @Test
    void transferModeLeavesEveryBackboneTensorBitIdentical(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("transfer");
        train(small().epochs(2).mode(TrainMode.TRANSFER).init(init.toString()).build(), run, false, r -> { });
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> before = ModelState.readTensors(init, m);
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
        assertResumesExactly(small().epochs(3).augment("default").dropRate(0.2f).build(), 2, dir, Duration.ZERO);
    }

    @Test
    void aRunKilledBeforeItsFirstTimedCheckpointStartsOverAndStillEndsTheSame(@TempDir Path dir) throws Exception {
        assertResumesExactly(small().epochs(3).augment("default").build(), 2, dir, Duration.ofHours(1));
        try (Stream<Path> files = Files.list(dir.resolve("killed/checkpoints"))) {
            assertEquals(List.of("epoch-003.model.safetensors", "epoch-003.optim.safetensors", "epoch-003.state.json",
                            "run.json"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "only the phase end is checkpointed (run.json: whose checkpoints they are)");
        }
    }

    @Test
    void cachedTransferThenFinetuneResumesExactly(@TempDir Path dir) throws Exception {
        // two augmented views, head dropout, killed in the cached transfer phase, resumed into the fine-tune phase
        TrainConfig config = small().mode(TrainMode.TRANSFER).schedule(2, 1).init(init.toString()).augment("default")
                .dropRate(0.2f).cacheViews(2).build();
        Path full = assertResumesExactly(config, 1, dir, Duration.ZERO);
        List<String> history = Files.readAllLines(full.resolve("history.csv"));
        assertTrue(history.get(1).contains(",transfer,") && history.get(3).contains(",finetune,"), history.toString());
        try (NDManager m = NDManager.newBaseManager()) {
            float[] before = ModelState.readTensors(init, m).get("layer4.1.conv2.weight").toFloatArray();
            float[] after = ModelState.readTensors(full.resolve("model.safetensors"), m).get("layer4.1.conv2.weight")
                    .toFloatArray();
            assertFalse(java.util.Arrays.equals(before, after), "the fine-tune phase must train the backbone");
        }
    }

    /** Trains {@code config} once straight through and once killed after epoch {@code killAfter} and resumed. */
    private static Path assertResumesExactly(TrainConfig config, int killAfter, Path dir, Duration checkpointEvery)
            throws Exception {
        Path full = dir.resolve("full");
        train(config, full, false, r -> { });
        Path killed = dir.resolve("killed");
        assertThrows(IllegalStateException.class, () -> train(config, killed, false, r -> {
            if (r.epoch() == killAfter) {
                throw new IllegalStateException("simulated kill after epoch " + killAfter);
            }
        }, checkpointEvery));
        assertFalse(Files.exists(killed.resolve("model.safetensors")));
        assertEquals(killAfter + 1, Files.readAllLines(killed.resolve("history.csv")).size(), "history of every epoch");
        // every test kills mid-phase: a checkpoint then exists only when they are written after every epoch
        assertEquals(checkpointEvery.isZero(), Files.exists(killed.resolve(
                String.format("checkpoints/epoch-%03d.state.json", killAfter))), "checkpoint of the killed epoch");
        train(config, killed, true, r -> { }, checkpointEvery);
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> a = ModelState.readTensors(full.resolve("model.safetensors"), m);
            Map<String, NDArray> b = ModelState.readTensors(killed.resolve("model.safetensors"), m);
            assertEquals(a.keySet(), b.keySet());
            for (String name : a.keySet()) {
                assertArrayEquals(a.get(name).toFloatArray(), b.get(name).toFloatArray(), name);
            }
        }
        assertEquals(Files.readAllLines(full.resolve("history.csv")).size(),
                Files.readAllLines(killed.resolve("history.csv")).size());
        return full;
    }

    @Test
    void cachedTransferLearnsLikeTheUncachedRun(@TempDir Path dir) throws Exception {
        TrainConfig.Builder transfer = small().epochs(4).mode(TrainMode.TRANSFER).init(init.toString()).lr(1e-2f);
        TrainResult plain = train(transfer.build(), dir.resolve("plain"), false, r -> { });
        TrainResult cached = train(transfer.cacheViews(0).build(), dir.resolve("cached"), false, r -> { });
        assertTrue(plain.mainMetrics().accuracy() > 0.9, "uncached test accuracy " + plain.mainMetrics().accuracy());
        assertTrue(cached.mainMetrics().accuracy() > 0.9, "cached test accuracy " + cached.mainMetrics().accuracy());
        // without augmentation the cache holds exactly the features the uncached run computes, so the heads agree
        try (NDManager m = NDManager.newBaseManager()) {
            float[] a = ModelState.readTensors(dir.resolve("plain/model.safetensors"), m).get("fc.weight").toFloatArray();
            float[] b = ModelState.readTensors(dir.resolve("cached/model.safetensors"), m).get("fc.weight").toFloatArray();
            assertArrayEquals(a, b, 1e-4f);
        }
        for (int e = 0; e < 4; e++) {
            assertEquals(plain.history().get(e).trainLoss(), cached.history().get(e).trainLoss(), 1e-4, "epoch " + (e + 1));
        }
    }
}
