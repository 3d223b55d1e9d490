package io.gaikan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Settings that used to be accepted and gave a wrong result with exit code 0 (issue 15, cases 1, 2 and 8): each is
 * now a one-line error naming the flag and its valid range, and nothing is written.
 */
class NonsenseSettingsTest {

    @Test
    void outOfRangeTrainingSettingsAreRefusedBeforeAnythingIsWritten(@TempDir Path tmp) throws Exception {
        Path data = CliFixtures.okAndNg(tmp.resolve("data"), 6, 3);
        List<String[]> cases = List.of(
                new String[]{"--epochs", "0", "--epochs must be >= 1"},
                new String[]{"--epochs", "-3", "--epochs must be >= 1"},
                new String[]{"--size", "0", "--size must be at least 16"},
                new String[]{"--label-smoothing", "2", "--label-smoothing must be in [0.0, 1.0)"},
                new String[]{"--threads", "0", "--threads must be >= 1"},
                new String[]{"--grad-clip", "-1", "--grad-clip must be >= 0.0"},
                new String[]{"--lr", "NaN", "--lr must be a finite number > 0"},
                new String[]{"--coreset-ratio", "1.5", "--coreset-ratio must be in (0, 1]"});
        for (String[] c : cases) {
            Path out = tmp.resolve("run" + c[0] + c[1]);
            CliRun r = CliRun.of("train", "--data", data.toString(), "--out", out.toString(), c[0], c[1], "--quiet");
            CliFixtures.assertOneLineError(r, c[2]);
            assertFalse(Files.exists(out.resolve("run.json")), c[0] + " " + c[1] + " wrote a run");
        }
        CliRun transfer = CliRun.of("train", "--data", data.toString(), "--out", tmp.resolve("t").toString(),
                "--mode", "transfer", "--size", "24", "--quiet");
        CliFixtures.assertOneLineError(transfer, "--mode transfer", "--init none");
        assertFalse(Files.exists(tmp.resolve("t/run.json")));
    }

    @Test
    void threadsBelowOneAreRefusedByEveryCommandThatTakesThem(@TempDir Path tmp) throws Exception {
        Path data = CliFixtures.okAndNg(tmp.resolve("data"), 6, 3);
        String run = tmp.resolve("no-run").toString();
        List<String[]> commands = List.of(
                new String[]{"predict", "--run", run, data.resolve("ok").toString()},
                new String[]{"eval", "--run", run},
                new String[]{"serve", "--run", run},
                new String[]{"baseline", "--data", data.toString(), "--out", tmp.resolve("b").toString()},
                new String[]{"synth", "--out", tmp.resolve("s").toString(), "--count", "4"},
                new String[]{"experiment", tmp.resolve("no.yaml").toString(), "--out", tmp.resolve("e").toString()});
        for (String[] command : commands) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 2);
            args[command.length] = "--threads";
            args[command.length + 1] = "0";
            CliFixtures.assertOneLineError(CliRun.of(args), "--threads must be >= 1, got 0");
        }
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(tmp.resolve("data")), left.toList(), "a refused command writes nothing");
        }
    }

    @Test
    void aSingleClassIsNotAClassifier(@TempDir Path tmp) throws Exception {
        Path data = CliFixtures.okAndNg(tmp.resolve("data"), 6, 3);
        Files.walk(data.resolve("ng")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        CliRun r = CliRun.of("train", "--data", data.toString(), "--out", tmp.resolve("r").toString(), "--size", "24",
                "--epochs", "1", "--quiet");
        CliFixtures.assertOneLineError(r, "single class", "[ok]");
        assertFalse(Files.exists(tmp.resolve("r/metrics.json")));
    }

    @Test
    void divergedTrainingStopsNamingTheStepAndSavesNoModel(@TempDir Path tmp) throws Exception {
        Path data = CliFixtures.okAndNg(tmp.resolve("data"), 8, 3);
        Path out = tmp.resolve("run");
        CliRun r = CliRun.of("train", "--data", data.toString(), "--out", out.toString(), "--size", "24", "--epochs", "3",
                "--optimizer", "sgd", "--lr", "1e4", "--batch-size", "4", "--val", "0", "--quiet",
                "--checkpoint-every", "0");
        CliFixtures.assertOneLineError(r, "training diverged", "epoch", "step", "lower --lr");
        assertFalse(Files.exists(out.resolve("model.safetensors")), "a diverged model must never be written");

        // a finished run, then a threshold outside [0, 1] for predict
        Path good = tmp.resolve("good");
        CliRun trained = CliRun.of("train", "--data", data.toString(), "--out", good.toString(), "--size", "24",
                "--epochs", "1", "--normal-classes", "ok", "--quiet");
        assertEquals(0, trained.code(), trained.err());
        for (String t : new String[]{"NaN", "1.5", "-0.1"}) {
            CliRun p = CliRun.of("predict", "--run", good.toString(), "--defect-threshold", t, data.resolve("ok").toString());
            CliFixtures.assertOneLineError(p, "--defect-threshold must be a defect score in [0, 1]");
        }
    }
}
