package io.gaikan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselineCommandTest {

    @TempDir
    Path tmp;

    /** ImageFolder with plain noisy images in ok/ and the same with a dark line in ng/. */
    private Path imageFolder(String name, int perClass, long seed) throws IOException {
        Random rnd = new Random(seed);
        Path root = tmp.resolve(name);
        for (String cls : new String[]{"ng", "ok"}) {
            Files.createDirectories(root.resolve(cls));
            for (int i = 0; i < perClass; i++) {
                BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
                for (int y = 0; y < 64; y++) {
                    for (int x = 0; x < 64; x++) {
                        img.getRaster().setSample(x, y, 0, 128 + (int) Math.round(rnd.nextGaussian() * 5));
                    }
                }
                if (cls.equals("ng")) {
                    Graphics2D g = img.createGraphics();
                    g.setColor(new Color(60, 60, 60));
                    int y0 = 10 + rnd.nextInt(40);
                    g.drawLine(8, y0, 56, y0 + rnd.nextInt(10) - 5);
                    g.dispose();
                }
                ImageIO.write(img, "png", root.resolve(cls).resolve(i + ".png").toFile());
            }
        }
        return root;
    }

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setErr(new PrintWriter(new StringWriter()));
        return cmd.execute(args);
    }

    @Test
    void fitsThenReusesItsParams() throws IOException {
        Path train = imageFolder("train", 6, 1), test = imageFolder("test", 6, 2);
        Path out = tmp.resolve("run"), again = tmp.resolve("again");
        assertEquals(0, run("baseline", "--data", train.toString(), "--test-dir", test.toString(), "--val", "0",
                "--normal-classes", "ok", "--out", out.toString(), "--threads", "1"));
        assertTrue(Files.isRegularFile(out.resolve("params.json")));
        assertTrue(Files.isRegularFile(out.resolve("metrics.json")));
        assertEquals(0, run("baseline", "--params", out.resolve("params.json").toString(), "--data", train.toString(),
                "--test-dir", test.toString(), "--val", "0", "--normal-classes", "ok", "--out", again.toString()));
        assertEquals(Files.readString(out.resolve("metrics.json")), Files.readString(again.resolve("metrics.json")));
    }

    @Test
    void unknownNormalClassIsAnError() throws IOException {
        Path train = imageFolder("train", 2, 3);
        assertTrue(run("baseline", "--data", train.toString(), "--test-dir", train.toString(),
                "--normal-classes", "good", "--out", tmp.resolve("x").toString()) != 0);
    }
}
