package io.gaikan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line's handling of bad input, end to end. */
class TrainCommandTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static Path folderWithCorruptJpeg(Path root) throws Exception {
        Random rng = new Random(1);
        for (String cls : new String[]{"a", "b"}) {
            Files.createDirectories(root.resolve(cls));
            for (int i = 0; i < 8; i++) {
                BufferedImage img = new BufferedImage(24, 24, BufferedImage.TYPE_INT_RGB);
                for (int p = 0; p < 24 * 24; p++) {
                    img.setRGB(p % 24, p / 24, rng.nextInt(0xffffff) | (cls.equals("a") ? 0xff0000 : 0));
                }
                ImageIO.write(img, "jpg", root.resolve(cls).resolve(i + ".jpg").toFile());
            }
        }
        byte[] good = Files.readAllBytes(root.resolve("a/0.jpg"));
        Files.write(root.resolve("a/truncated.jpg"), Arrays.copyOf(good, good.length / 3));
        return root;
    }

    @Test
    void corruptJpegIsOneLineNamingItAndSkipBadTrainsAndListsIt(@TempDir Path tmp) throws Exception {
        Path data = folderWithCorruptJpeg(tmp.resolve("data"));
        CliRun failed = run("train", "--data", data.toString(), "--out", tmp.resolve("r1").toString(), "--size", "24",
                "--epochs", "1", "--quiet");
        assertEquals(2, failed.code());
        assertTrue(failed.err().contains("truncated.jpg"), failed.err());
        assertEquals(1, failed.err().strip().lines().count(), failed.err());
        assertTrue(!Files.exists(tmp.resolve("r1/checkpoints")), "nothing may be trained before the data is checked");

        Files.writeString(data.resolve("a/notes.txt"), "two are scratched");
        CliRun skipped = run("train", "--data", data.toString(), "--out", tmp.resolve("r2").toString(), "--size", "24",
                "--epochs", "1", "--batch-size", "4", "--val", "0", "--quiet", "--skip-bad", "--verbose");
        assertEquals(0, skipped.code(), skipped.err());
        assertTrue(skipped.out().contains("data: 1 file(s) or folder(s) under") && skipped.out().contains("not read: ")
                && skipped.out().contains("notes.txt"), skipped.out());
        assertTrue(skipped.out().contains("skipped 1 unreadable image(s)") && skipped.out().contains("truncated.jpg"),
                skipped.out());
        assertTrue(Files.exists(tmp.resolve("r2/metrics.json")));
    }

    @Test
    void wrongPathsAndFlagsAreOneLineErrors(@TempDir Path tmp) {
        CliRun noData = run("train", "--data", tmp.resolve("nowhere").toString());
        assertEquals(2, noData.code());
        assertTrue(noData.err().contains("nowhere") && noData.err().strip().lines().count() == 1, noData.err());
        CliRun badMode = run("train", "--data", tmp.toString(), "--mode", "sideways");
        assertTrue(badMode.err().contains("--mode must be scratch | transfer | finetune"), badMode.err());
        CliRun cacheWithoutTransfer = run("train", "--data", tmp.toString(), "--cache-views", "2");
        assertTrue(cacheWithoutTransfer.err().contains("--cache-views") && cacheWithoutTransfer.err().contains("transfer")
                && cacheWithoutTransfer.err().strip().lines().count() == 1, cacheWithoutTransfer.err());
        CliRun badModel = run("eval", "--run", tmp.resolve("no-run").toString());
        assertTrue(badModel.err().contains("no-run"), badModel.err());
    }

    /** ImageNet weights and nothing about training: a few-shot head, recorded as such; a flag on by default turns off. */
    @Test
    void imageNetWeightsAloneFitAFewShotHead(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        Random rng = new Random(3);
        for (String cls : new String[]{"h", "v"}) {
            Files.createDirectories(data.resolve(cls));
            for (int i = 0; i < 10; i++) {
                BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
                int phase = rng.nextInt(8);
                for (int p = 0; p < 32 * 32; p++) {
                    int along = cls.equals("h") ? p / 32 : p % 32;
                    img.setRGB(p % 32, p / 32, ((along + phase) / 4) % 2 == 0 ? 0xe0e0e0 : 0x202020);
                }
                ImageIO.write(img, "png", data.resolve(cls).resolve(i + ".png").toFile());
            }
        }
        Path weights = tmp.resolve("resnet18.safetensors");
        io.gaikan.model.ImageClassifier net = io.gaikan.model.ModelRegistry.defaults().get("resnet18")
                .build(io.gaikan.model.ModelOptions.classes(1000));
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
            net.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 3, 32, 32));
            io.gaikan.train.ModelState.saveModel(net, weights);
        }
        CliRun fitted = run("train", "--data", data.toString(), "--out", tmp.resolve("run").toString(), "--size", "32",
                "--model", "resnet18", "--init", "imagenet", "--weights", weights.toString(), "--shots", "3",
                "--tta=false", "--quiet");
        assertEquals(0, fitted.code(), fitted.err());
        assertTrue(fitted.out().contains("auto: logistic head"), fitted.out());
        io.gaikan.train.RunInfo info = io.gaikan.train.RunInfo.read(tmp.resolve("run"));
        assertEquals("auto", info.config().method());
        assertEquals(false, info.config().get(io.gaikan.train.TrainSettings.TTA));
        assertEquals("1", info.fitted().get("test_views"));
    }
}
