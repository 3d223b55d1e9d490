package io.gaikan.cli;

import io.gaikan.train.Setting;
import io.gaikan.train.TrainConfig;
import io.gaikan.train.TrainSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The options made from the setting declarations. */
class SettingOptionsTest {

    @Test
    void everyDeclaredSettingIsAnOptionOfTrain() {
        CliRun help = CliRun.of("train", "--help");
        assertEquals(0, help.code());
        for (Setting<?> s : TrainSettings.ALL) {
            assertTrue(help.out().contains(s.option()), s.option() + " missing from train --help");
        }
        assertTrue(help.out().contains("--epochs=N") && help.out().contains("(default 10)"));
        CliRun pretrain = CliRun.of("pretrain-cg", "--help");
        assertTrue(pretrain.out().contains("(default 224)"), "pretrain-cg's own defaults");
    }

    /** The command line prints the message the Java builder throws: one rule, one wording. */
    @Test
    void theCommandLineSaysWhatJavaSays(@TempDir Path tmp) throws Exception {
        Path data = CliFixtures.okAndNg(tmp.resolve("data"), 4, 1);
        String java = assertThrows(IllegalArgumentException.class,
                () -> TrainConfig.builder().weightDecay(-0.5f).build()).getMessage();
        CliRun r = CliRun.of("train", "--data", data.toString(), "--out", tmp.resolve("r").toString(),
                "--weight-decay", "-0.5");
        CliFixtures.assertOneLineError(r, java);
    }

    @Test
    void resumeTakesOnlyMachineSettingsFromTheCommandLine(@TempDir Path tmp) throws Exception {
        Path data = CliFixtures.okAndNg(tmp.resolve("data"), 4, 1);
        Path out = tmp.resolve("run");
        CliRun first = CliRun.of("train", "--data", data.toString(), "--out", out.toString(), "--size", "16",
                "--epochs", "1", "--batch-size", "4", "--threads", "1", "--quiet");
        assertEquals(0, first.code(), first.err());
        assertTrue(!Files.readString(out.resolve("run.json")).contains("threads"), "threads are not the run's");
        CliRun other = CliRun.of("train", "--resume", "--out", out.toString(), "--lr", "0.5");
        CliFixtures.assertOneLineError(other, "--resume", "leave out --lr");
        CliRun again = CliRun.of("train", "--resume", "--out", out.toString(), "--threads", "2", "--quiet");
        assertEquals(0, again.code(), again.err());
    }
}
