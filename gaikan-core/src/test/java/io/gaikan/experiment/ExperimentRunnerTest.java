package io.gaikan.experiment;

import io.gaikan.testing.ToyImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small grid (2 shots x 2 methods, one of them starting from a CG pretrain step, plus the classical baseline) on
 * generated 32 px stripes with ResNet18 and 2 epochs: killed in the middle of its third run, then restarted.
 */
class ExperimentRunnerTest {

    @TempDir
    static Path tmp;
    static Path dir;
    static ExperimentConfig config;
    static Map<String, RunStore.RunRecord> afterKill;
    static Map<String, RunStore.RunRecord> afterRestart;
    static ExperimentRunner.Summary restart;
    static String log;

    @BeforeAll
    static void killAndRestart() throws IOException {
        Path data = ToyImages.folder(tmp.resolve("toy"), 16, 32, 1);
        config = ExperimentConfig.parse("""
                name: toy grid
                data: {path: %s, val: 0.2, test: 0.25, normal_classes: [stripes_h], seed: 7}
                base: {model: resnet18, size: 32, epochs: 2, batch_size: 8, lr: 0.002, augment: none}
                methods:
                  scratch: {label: Scratch, mode: scratch, init: none}
                  pre: {label: Pretrained, mode: finetune, init: "pretrain:toy"}
                pretrain:
                  toy: {synth: {count: 24, seed: 5}, epochs: 1, mode: scratch, init: none}
                axes:
                  shots: [2, 4]
                  method: [scratch, pre]
                report: {rows: shots, columns: method}
                baseline: {working_size: 64}
                """.formatted(data), "toy.yaml", tmp, Map.of());
        dir = tmp.resolve("out");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicInteger epochs = new AtomicInteger();
        // two finished runs (2 epochs each) + the first epoch of the third run (CG pretraining reports no epochs)
        ExperimentRunner killer = runner(out).listener(r -> {
            if (epochs.incrementAndGet() == 5) {
                throw new IllegalStateException("simulated kill");
            }
        }).build();
        assertThrows(IllegalStateException.class, () -> killer.run(config, dir));
        try (RunStore store = RunStore.open(dir)) {
            afterKill = store.runs();
        }
        restart = runner(out).build().run(config, dir);
        try (RunStore store = RunStore.open(dir)) {
            afterRestart = store.runs();
        }
        log = out.toString(StandardCharsets.UTF_8);
    }

    private static ExperimentRunner.Builder runner(ByteArrayOutputStream out) {
        return ExperimentRunner.builder().out(new PrintStream(out, true, StandardCharsets.UTF_8)).threads(2)
                .checkpointEvery(Duration.ZERO);
    }

    private static List<RunSpec> gridRuns() {
        return Grid.expand(config).runs();
    }

    @Test
    void restartFinishesTheGridWithoutRetrainingFinishedRuns() {
        List<RunSpec> runs = gridRuns();
        assertEquals(4, runs.size());
        assertEquals(RunStore.Status.FINISHED, afterKill.get(runs.get(0).id()).status());
        assertEquals(RunStore.Status.FINISHED, afterKill.get(runs.get(1).id()).status());
        assertEquals(RunStore.Status.FAILED, afterKill.get(runs.get(2).id()).status());
        assertEquals(RunStore.Status.PENDING, afterKill.get(runs.get(3).id()).status());

        for (RunSpec run : runs) {
            assertEquals(RunStore.Status.FINISHED, afterRestart.get(run.id()).status(), run.name());
        }
        for (RunSpec finished : runs.subList(0, 2)) {
            RunStore.RunRecord before = afterKill.get(finished.id());
            RunStore.RunRecord after = afterRestart.get(finished.id());
            assertEquals(1, after.attempts(), finished.name() + " was trained again");
            assertEquals(before.finished(), after.finished());
            assertEquals(before.started(), after.started());
        }
        RunSpec pretrain = gridRuns().get(1).pretrain();
        assertEquals(1, afterRestart.get(pretrain.id()).attempts(), "the pretrain step ran once");
        assertTrue(Files.isRegularFile(PretrainRunner.pretrainedModel(dir, pretrain)));
        assertNotNull(afterRestart.get(pretrain.id()).mainMetrics(), "CG held-out metrics recorded");
        assertEquals(2, afterRestart.get(runs.get(2).id()).attempts(), "the killed run was resumed");
        assertEquals(1, afterRestart.get(runs.get(3).id()).attempts());
        assertEquals(new ExperimentRunner.Summary(4, 2, 2, restart.seconds()), restart);
    }

    @Test
    void aSecondProcessOnTheSameDirectoryIsRefusedAndChangesNothing() throws IOException {
        Map<String, RunStore.RunRecord> before;
        try (RunStore store = RunStore.open(dir)) {
            before = store.runs();
        }
        // a lock held elsewhere (here: by this test) stands for another experiment process on the directory
        try (io.gaikan.train.RunLock held = io.gaikan.train.RunLock.acquire(dir)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> runner(new ByteArrayOutputStream()).build().run(config, dir));
            assertTrue(e.getMessage().contains("in use by another Gaikan process"), e.getMessage());
        }
        try (RunStore store = RunStore.open(dir)) {
            assertEquals(before.keySet(), store.runs().keySet());
            before.forEach((id, r) -> assertEquals(r.attempts(), store.run(id).attempts(), id));
        }
    }

    @Test
    void killedRunResumesFromItsCheckpointInsteadOfStartingOver() throws IOException {
        RunSpec killed = gridRuns().get(2);
        try (RunStore store = RunStore.open(dir)) {
            assertEquals(List.of(1, 2), store.history(killed.id()).stream().map(r -> r.epoch()).toList());
        }
        String trainLog = Files.readString(dir.resolve("runs").resolve(killed.id()).resolve("train.log"));
        assertTrue(trainLog.contains("resuming"), trainLog);
        assertEquals(3, Files.readAllLines(dir.resolve("runs").resolve(killed.id()).resolve("history.csv")).size(),
                "history.csv holds the header and both epochs");
    }

    @Test
    void everyRunRecordsSettingsHistoryMetricsAndTimings() throws IOException {
        try (RunStore store = RunStore.open(dir)) {
            for (RunSpec run : gridRuns()) {
                RunStore.RunRecord r = store.run(run.id());
                assertTrue(r.settings().contains("\"model\":\"resnet18\""), r.settings());
                assertTrue(r.seconds() > 0);
                assertNotNull(r.mainMetrics());
                assertEquals(2, store.history(run.id()).size());
                assertTrue(Files.isRegularFile(dir.resolve(r.dir()).resolve("confusion.png")));
            }
            assertEquals(4, store.grid().size());
            assertEquals(1, store.history(gridRuns().get(1).pretrain().id()).size(), "CG pretraining history recorded");
        }
        assertTrue(log.contains("[4/4]") && log.contains("ETA"), log);
    }

    @Test
    void fewShotSubsetsNestAndShareOneDisjointTestSet() throws IOException {
        List<RunSpec> runs = gridRuns();
        Map<String, List<String>> two = subsets(runs.get(0));
        Map<String, List<String>> four = subsets(runs.get(2));
        assertEquals(4, two.get("train").size());
        assertEquals(8, four.get("train").size());
        assertTrue(four.get("train").containsAll(two.get("train")), "the 2-shot set is inside the 4-shot set");
        assertEquals(two.get("test"), four.get("test"));
        assertEquals(subsets(runs.get(1)).get("train"), two.get("train"), "every method sees the same images");
        Set<String> overlap = new HashSet<>(four.get("train"));
        overlap.retainAll(four.get("test"));
        assertTrue(overlap.isEmpty());
    }

    private static Map<String, List<String>> subsets(RunSpec run) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("runs").resolve(run.id()).resolve("split.csv"));
        return Map.of("train", lines.stream().filter(l -> l.endsWith(",train")).toList(),
                "test", lines.stream().filter(l -> l.endsWith(",test")).toList());
    }

    @Test
    void reportHasTheGridInTheSeedsShapeInEveryFormat() throws IOException {
        ExperimentReport.Output out = ExperimentReport.write(dir);
        String md = Files.readString(out.markdown());
        assertTrue(md.contains("| images per class | Scratch | Pretrained | Classical baseline |"), md);
        assertTrue(md.contains("| 2 | ") && md.contains("| 4 | "), md);
        assertTrue(md.contains("Miss rate"), md);
        String html = Files.readString(out.html());
        assertTrue(html.contains("<table class=\"results\">") && html.contains("<th>Pretrained</th>"), "html table");
        assertTrue(html.contains("data:image/png;base64,"), "plots embedded");
        Path accuracyCsv = out.tables().get(0);
        List<String> csv = Files.readAllLines(accuracyCsv);
        assertEquals("images per class,Scratch,Pretrained,Classical baseline,best", csv.get(0));
        assertEquals(3, csv.size());
        List<String> results = Files.readAllLines(out.results());
        assertEquals(5, results.size());
        assertTrue(results.get(0).startsWith("position,shots,method,run,status,seconds,accuracy"), results.get(0));
        assertFalse(out.plots().isEmpty());
        assertTrue(Files.readString(dir.resolve("runs.md")).contains("/confusion.png)"));
    }
}
