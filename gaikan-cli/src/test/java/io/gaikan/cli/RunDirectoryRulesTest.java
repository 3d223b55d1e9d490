package io.gaikan.cli;

import io.gaikan.train.RunLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15, cases 3 and 5: --out never overwrites what is there by accident, and one process per run directory. */
class RunDirectoryRulesTest {

    private static CliRun train(Path data, Path out, String... more) {
        String[] base = {"train", "--data", data.toString(), "--out", out.toString(), "--size", "24", "--epochs", "1",
                "--batch-size", "8", "--quiet"};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.of(args);
    }

    @Test
    void aFinishedRunIsNotOverwrittenWithoutOverwrite(@TempDir Path tmp) throws Exception {
        Path data = CliFixtures.okAndNg(tmp.resolve("data"), 8, 5);
        Path out = tmp.resolve("run");
        assertEquals(0, train(data, out).code());
        byte[] metrics = Files.readAllBytes(out.resolve("metrics.json"));

        CliFixtures.assertOneLineError(train(data, out), "already holds a finished run with these settings", "--overwrite");
        CliFixtures.assertOneLineError(train(data, out, "--lr", "0.01"), "holds a finished run with other settings", "--overwrite");
        assertArrayEquals(metrics, Files.readAllBytes(out.resolve("metrics.json")), "the refused commands changed nothing");

        CliRun again = train(data, out, "--overwrite", "--seed", "7");
        assertEquals(0, again.code(), again.err());
        assertTrue(Files.readString(out.resolve("run.json")).contains("\"seed\" : 7"), "the run was replaced");
    }

    /** Case 4: a newer run.json over an older run's checkpoint must not "resume" the old model under new settings. */
    @Test
    void resumeRefusesCheckpointsOfAnotherRun(@TempDir Path tmp) throws Exception {
        Path data = CliFixtures.okAndNg(tmp.resolve("data"), 8, 5);
        Path out = tmp.resolve("run");
        assertEquals(0, train(data, out, "--checkpoint-every", "0").code());
        Path runJson = out.resolve("run.json");
        Files.writeString(runJson, Files.readString(runJson).replace("\"seed\" : 42", "\"seed\" : 43"));
        CliRun resumed = CliRun.of("train", "--resume", "--out", out.toString(), "--quiet");
        CliFixtures.assertOneLineError(resumed, "belong to a run with other settings", "--overwrite");
    }

    @Test
    void otherFilesAreNeverTouchedAndAFileIsNoFolder(@TempDir Path tmp) throws Exception {
        Path data = CliFixtures.okAndNg(tmp.resolve("data"), 8, 5);
        Path notes = tmp.resolve("my-notes");
        Files.createDirectories(notes);
        Files.writeString(notes.resolve("metrics.json"), "mine");
        CliFixtures.assertOneLineError(train(data, notes, "--overwrite"), "is not empty and holds no Gaikan run");
        assertEquals("mine", Files.readString(notes.resolve("metrics.json")));

        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        CliFixtures.assertOneLineError(train(data, file), "is a file, not a folder");
        assertEquals("x", Files.readString(file));
    }

    @Test
    void aRunDirectoryInUseIsRefusedNamingTheHolder(@TempDir Path tmp) throws Exception {
        Path data = CliFixtures.okAndNg(tmp.resolve("data"), 8, 5);
        Path out = tmp.resolve("busy");
        try (RunLock held = RunLock.acquire(out)) {
            CliFixtures.assertOneLineError(train(data, out), "is in use by another Gaikan process", "pid " + ProcessHandle.current().pid());
        }
        assertEquals(0, train(data, out).code(), "free again once the holder is gone");
    }
}
