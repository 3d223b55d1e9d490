package io.gaikan.baseline;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded test images: a noisy grey ground-metal-like texture, optionally with a thin dark scratch or a dark blob. */
final class SyntheticImages {

    enum Defect { NONE, SCRATCH, BLOB }

    private SyntheticImages() {
    }

    static BufferedImage texture(int size, Random rnd) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        double phase = rnd.nextDouble() * Math.PI * 2;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                // faint horizontal grinding streaks plus pixel noise
                double v = 128 + 6 * Math.sin(y * 0.9 + phase) + rnd.nextGaussian() * 6;
                int g = (int) Math.max(0, Math.min(255, Math.round(v)));
                img.getRaster().setSample(x, y, 0, g);
            }
        }
        return img;
    }

    static BufferedImage image(int size, Defect defect, Random rnd) {
        BufferedImage img = texture(size, rnd);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int shade = 70 + rnd.nextInt(30);
        g.setColor(new Color(shade, shade, shade));
        double cx = size * (0.3 + 0.4 * rnd.nextDouble()), cy = size * (0.3 + 0.4 * rnd.nextDouble());
        switch (defect) {
            case SCRATCH -> {
                double angle = rnd.nextDouble() * Math.PI, half = size * (0.15 + 0.15 * rnd.nextDouble());
                g.setStroke(new BasicStroke(1.5f));
                g.drawLine((int) (cx - half * Math.cos(angle)), (int) (cy - half * Math.sin(angle)),
                        (int) (cx + half * Math.cos(angle)), (int) (cy + half * Math.sin(angle)));
            }
            case BLOB -> {
                int r = size / 14 + rnd.nextInt(3);
                g.fillOval((int) cx - r, (int) cy - r, 2 * r, 2 * r);
            }
            case NONE -> {
            }
        }
        g.dispose();
        return img;
    }

    /** Writes {@code perClass} images of each defect kind (class index = position in {@code kinds}) as PNG. */
    static List<LabeledImage> write(Path dir, String prefix, List<Defect> kinds, int perClass, int size, long seed) {
        Random rnd = new Random(seed);
        List<LabeledImage> out = new ArrayList<>();
        for (int c = 0; c < kinds.size(); c++) {
            for (int i = 0; i < perClass; i++) {
                Path file = dir.resolve(prefix + "_" + kinds.get(c).name().toLowerCase() + "_" + i + ".png");
                try {
                    ImageIO.write(image(size, kinds.get(c), rnd), "png", file.toFile());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                out.add(new LabeledImage(file, c));
            }
        }
        return out;
    }
}
