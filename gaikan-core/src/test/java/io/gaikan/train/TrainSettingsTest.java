package io.gaikan.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaikan.data.TaskSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The setting declarations: names, ranges, run.json round trip, old run.json files, identity. */
class TrainSettingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void namesOptionsAndKeysAreUnique() {
        for (java.util.function.Function<Setting<?>, String> f : List.<java.util.function.Function<Setting<?>, String>>of(
                Setting::name, Setting::option, Setting::key)) {
            Set<String> seen = new HashSet<>();
            TrainSettings.ALL.forEach(s -> assertTrue(seen.add(f.apply(s)), "twice: " + f.apply(s)));
        }
        assertEquals("--early-stop", TrainSettings.EARLY_STOP_PATIENCE.option());
        assertEquals("early_stop", TrainSettings.EARLY_STOP_PATIENCE.key());
        assertEquals("--task", TrainSettings.TASKS.option());
        assertEquals("tasks", TrainSettings.TASKS.key());
        assertEquals("lr_base_batch", TrainSettings.LR_BASE_BATCH.key());
    }

    /** Issue 15's accepted nonsense, refused with the valid range in one line (the message the CLI prints). */
    @Test
    void outOfRangeValuesAreRefusedWithTheRange() {
        Map<String, Runnable> cases = Map.of(
                "--epochs must be >= 1, got 0", () -> TrainConfig.builder().epochs(0).build(),
                "--epochs must be >= 1, got -3", () -> TrainSettings.EPOCHS.parse("-3"),
                "--size must be at least 16 pixels (or left out for the model's default), got 0",
                () -> TrainSettings.INPUT_SIZE.parse("0"),
                "--label-smoothing must be in [0.0, 1.0), got 2", () -> TrainSettings.LABEL_SMOOTHING.parse("2"),
                "--threads must be >= 1, got 0", () -> TrainSettings.THREADS.parse("0"),
                "--grad-clip must be >= 0.0, got -1", () -> TrainConfig.builder().gradClip(-1).build(),
                "--lr must be a finite number > 0, got NaN", () -> TrainConfig.builder().lr(Float.NaN).build(),
                "--lr must be a finite number > 0, got Infinity", () -> TrainSettings.LR.parse("Infinity"),
                "--mode must be scratch | transfer | finetune, got 'scrach'", () -> TrainSettings.MODE.parse("scrach"),
                "--batch-size must be an integer, got '3.5'", () -> TrainSettings.BATCH_SIZE.parse("3.5"));
        cases.forEach((message, attempt) -> {
            InvalidSettingException e = assertThrows(InvalidSettingException.class, attempt::run, message);
            assertEquals(message, e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        });
        // "not given" values are fine from Java (the model's input size, the runner's threads) ...
        assertEquals(0, TrainConfig.builder().inputSize(0).threads(0).build().inputSize());
        // ... and an augmentation pipeline names its bad token
        InvalidSettingException bad = assertThrows(InvalidSettingException.class,
                () -> TrainConfig.builder().augment("hflip(0.5);wobble(3)").build());
        assertTrue(bad.getMessage().startsWith("--augment bad augmentation token 'wobble(3)'"), bad.getMessage());
    }

    @Test
    void imageNetWeightsWithNoTrainingSettingsGetTheFewShotHeadEverythingElseTheNetwork() throws IOException {
        assertEquals(TrainConfig.AUTO, TrainConfig.builder().init("imagenet").build().method());
        assertEquals(TrainConfig.NETWORK, TrainConfig.builder().build().method(), "no pretrained weights");
        assertEquals(TrainConfig.NETWORK, TrainConfig.builder().init("imagenet").mode(TrainMode.FINETUNE).build().method());
        assertEquals(TrainConfig.NETWORK, TrainConfig.builder().init("imagenet").schedule(2, 2).build().method());
        assertEquals("patchcore", TrainConfig.builder().init("imagenet").method("patchcore").build().method());
        // a run.json written before --method existed is a network run, whatever its init
        TrainConfig old = TrainConfig.fromJson(new ObjectMapper().readTree("{\"init\": \"imagenet\"}"));
        assertEquals(TrainConfig.NETWORK, old.method());
        // the resolved default is not part of the identity; an explicit other method is
        assertFalse(TrainConfig.builder().init("imagenet").build().identityJson().has("method"));
        assertTrue(TrainConfig.builder().init("imagenet").method(TrainConfig.NETWORK).build().identityJson().has("method"));
    }

    @Test
    void typedValuesParseFromText() {
        assertEquals(new Init.None(), TrainSettings.INIT.parse("none"));
        assertEquals(new Init.ImageNet(), TrainSettings.INIT.parse("imagenet"));
        assertEquals(new Init.WeightsFile(Path.of("w/model.safetensors")), TrainSettings.INIT.parse("w/model.safetensors"));
        assertEquals(new Init.PretrainStep("cg"), TrainSettings.INIT.parse("pretrain:cg"));
        assertEquals(LrScheduleKind.STEP, TrainSettings.LR_SCHEDULE.parse("Step"));
        assertEquals(Monitor.VAL_LOSS, TrainSettings.MONITOR.parse("val_loss"));
        assertEquals(List.of(TaskSpec.MAIN, new TaskSpec("defect", "derived:groups", 0.5f)),
                TrainSettings.TASKS.parse("defect=derived:groups*0.5"));
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> TrainSettings.TASKS.parse("x"));
        assertTrue(e.getMessage().startsWith("--task 'x': must look like name=source"), e.getMessage());
    }

    @Test
    void everySettingRoundTripsThroughRunJson() throws IOException {
        TrainConfig config = TrainConfig.builder().model("mobilenetv2_100").inputSize(96).init("imagenet")
                .weightsFile("w.safetensors").mode(TrainMode.TRANSFER).schedule(3, 2).finetuneLr(1e-5f)
                .optimizer(OptimizerKind.SGD).lr(0.01f).nesterov(true).lrSchedule(LrScheduleKind.STEP).step(2, 0.5f)
                .warmupEpochs(0.5f).labelSmoothing(0.1f).earlyStop(3, 0.01f, Monitor.VAL_LOSS).seed(9)
                .tasks(List.of(TaskSpec.MAIN, new TaskSpec("light", "column:light", 2f))).cacheViews(2)
                .featureStages("blocks.2").coresetRatio(0.5f).masks("/m").build();
        String json = JSON.writeValueAsString(config);
        assertEquals(config, JSON.readValue(json, TrainConfig.class));
        assertTrue(json.contains("\"init\":\"imagenet\"") && json.contains("\"lrSchedule\":\"step\"")
                && json.contains("\"monitor\":\"val_loss\"") && json.contains("\"mode\":\"TRANSFER\""),
                "the text forms of earlier versions: " + json);
        assertFalse(json.contains("threads") || json.contains("quiet"), "machine settings are not the run's: " + json);
    }

    /** A run.json of the first version (no method, no freeze_bn, ...) and one of today's main branch. */
    @Test
    void oldRunJsonFilesLoad(@TempDir Path tmp) throws IOException {
        RunInfo first = read(tmp, "run-2026-11-22.json");
        TrainConfig c = first.config();
        assertEquals(new Init.WeightsFile(Path.of("pretrained/model.safetensors")), c.init());
        assertTrue(c.isSchedule());
        assertEquals(LrScheduleKind.STEP, c.lrSchedule());
        assertEquals(Monitor.VAL_LOSS, c.monitor());
        assertEquals(1e-5f, c.effectiveFinetuneLr());
        assertEquals(TrainConfig.NETWORK, c.method(), "no method in run.json: the network");
        assertEquals(TrainSettings.CORESET_RATIO.defaultValue(), c.coresetRatio());
        assertFalse(c.freezeBn());
        assertEquals(TrainSettings.THREADS.defaultValue(), c.threads(), "threads are this machine's, not the old one's");

        RunInfo recent = read(tmp, "run-2026-12-05.json");
        assertEquals(new Init.ImageNet(), recent.config().init());
        assertEquals(List.of("main", "family", "lighting"), recent.config().tasks().stream().map(TaskSpec::name).toList());
        assertTrue(recent.config().freezeBn() && recent.config().balanceClasses());
    }

    private static RunInfo read(Path tmp, String resource) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(resource));
        try (InputStream in = TrainSettingsTest.class.getResourceAsStream(resource)) {
            Files.copy(in, dir.resolve(RunLayout.RUN_INFO));
        }
        return RunInfo.read(dir);
    }

    @Test
    void identityLeavesOutMachineSettingsAndDefaults() {
        TrainConfig a = TrainConfig.builder().epochs(3).threads(1).quiet(true).build();
        TrainConfig b = TrainConfig.builder().epochs(3).threads(2).build();
        assertNotEquals(a, b);
        assertEquals(a.identity(), b.identity());
        assertEquals("{\"epochs\":3}", a.identityJson().toString(), "only what differs from the defaults");
        assertEquals("{}", TrainConfig.builder().build().identityJson().toString());
    }

    @Test
    void rulesBetweenSettings() {
        TrainConfig schedule = TrainConfig.builder().init("imagenet").schedule(2, 3).build();
        assertEquals(TrainMode.TRANSFER, schedule.mode(), "a schedule starts in transfer mode");
        assertEquals(5, schedule.totalEpochs());
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.builder().init("imagenet").schedule(2, 0).build());
        IllegalArgumentException transfer = assertThrows(IllegalArgumentException.class,
                () -> TrainConfig.builder().mode(TrainMode.TRANSFER).build());
        assertTrue(transfer.getMessage().contains("--init none"));
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.builder().cacheViews(1).build());
        assertEquals(0.01f * 64 / 32, TrainConfig.builder().lrBase(0.01f, 32).batchSize(64).build().baseLr(), 1e-9);
        assertNull(TrainConfig.builder().build().lr());
    }

    @Test
    void theGenericBuilderSetsAnySetting() {
        TrainConfig c = TrainConfig.builder().set(TrainSettings.EPOCHS, 4).parse(TrainSettings.MONITOR, "val_loss").build();
        assertEquals(4, c.get(TrainSettings.EPOCHS));
        assertEquals(Monitor.VAL_LOSS, c.monitor());
        assertInstanceOf(Init.None.class, c.init());
    }
}
