package io.gaikan.cli;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small data and checks shared by the command-line tests. */
final class CliFixtures {

    private CliFixtures() {
    }

    /** An ImageFolder of two classes, {@code ok} (reddish noise) and {@code ng} (noise), 24 px PNGs. */
    static Path okAndNg(Path root, int perClass, long seed) throws Exception {
        Random rng = new Random(seed);
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

    /** Exit code 2 and one line on stderr that contains every one of {@code parts}. */
    static void assertOneLineError(CliRun r, String... parts) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), "'" + p + "' in: " + r.err());
        }
    }
}
