package io.gaikan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Settings that used to be accepted and gave a wrong result with exit code 0 (issue 15, cases 1, 2 and 8): each is
 * now a one-line error naming the flag and its valid range, and nothing is written.
 */
class NonsenseSettingsTest {

    private static Path twoClasses(Path root, int perClass) throws Exception {
        Random rng = new Random(3);
        for (String cls : new String[]{"ok", "ng"}) {
            Files.createDirectories(root.resolve(cls));
            for (int i = 0; i < perClass; i++) {
                BufferedImage img = new BufferedImage(24, 24, BufferedImage.TYPE_INT_RGB);
                for (int p = 0; p < 24 * 24; p++) {
                    img.setRGB(p % 24, p / 24, rng.nextInt(0xffffff) | (cls.equals("ok") ? 0xff0000 : 0));
                }
                ImageIO.write(img, "png", root.resolve(cls).resolve(i + ".png").toFile());
            }
        }
        return root;
    }

    private static void assertOneLineError(CliRun r, String... expected) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        for (String e : expected) {
            assertTrue(r.err().contains(e), "'" + e + "' in: " + r.err());
        }
    }

    @Test
    void outOfRangeTrainingSettingsAreRefusedBeforeAnythingIsWritten(@TempDir Path tmp) throws Exception {
        Path data = twoClasses(tmp.resolve("data"), 6);
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
            assertOneLineError(r, c[2]);
            assertFalse(Files.exists(out.resolve("run.json")), c[0] + " " + c[1] + " wrote a run");
        }
        CliRun transfer = CliRun.of("train", "--data", data.toString(), "--out", tmp.resolve("t").toString(),
                "--mode", "transfer", "--size", "24", "--quiet");
        assertOneLineError(transfer, "--mode transfer", "--init none");
        assertFalse(Files.exists(tmp.resolve("t/run.json")));
    }

    @Test
    void aSingleClassIsNotAClassifier(@TempDir Path tmp) throws Exception {
        Path data = twoClasses(tmp.resolve("data"), 6);
        Files.walk(data.resolve("ng")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        CliRun r = CliRun.of("train", "--data", data.toString(), "--out", tmp.resolve("r").toString(), "--size", "24",
                "--epochs", "1", "--quiet");
        assertOneLineError(r, "single class", "[ok]");
        assertFalse(Files.exists(tmp.resolve("r/metrics.json")));
    }

    @Test
    void divergedTrainingStopsNamingTheStepAndSavesNoModel(@TempDir Path tmp) throws Exception {
        Path data = twoClasses(tmp.resolve("data"), 8);
        Path out = tmp.resolve("run");
        CliRun r = CliRun.of("train", "--data", data.toString(), "--out", out.toString(), "--size", "24", "--epochs", "3",
                "--optimizer", "sgd", "--lr", "1e4", "--batch-size", "4", "--val", "0", "--quiet",
                "--checkpoint-every", "0");
        assertOneLineError(r, "training diverged", "epoch", "step", "lower --lr");
        assertFalse(Files.exists(out.resolve("model.safetensors")), "a diverged model must never be written");

        // a finished run, then a threshold outside [0, 1] for predict
        Path good = tmp.resolve("good");
        CliRun trained = CliRun.of("train", "--data", data.toString(), "--out", good.toString(), "--size", "24",
                "--epochs", "1", "--normal-classes", "ok", "--quiet");
        assertEquals(0, trained.code(), trained.err());
        for (String t : new String[]{"NaN", "1.5", "-0.1"}) {
            CliRun p = CliRun.of("predict", "--run", good.toString(), "--defect-threshold", t, data.resolve("ok").toString());
            assertOneLineError(p, "--defect-threshold must be a defect score in [0, 1]");
        }
    }
}
