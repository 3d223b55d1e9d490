package io.gaikan.testing;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a small ImageFolder of generated images: class {@code stripes_h} has horizontal stripes, {@code stripes_v}
 * vertical ones, both with random phase, period and noise, so that the classes are learnable but not trivially
 * identical images.
 */
public final class ToyImages {

    public static final String[] CLASSES = {"stripes_h", "stripes_v"};
    /** Values of the manifest's {@code light} column, brightest first. */
    public static final String[] LIGHTS = {"bright", "mid", "dark"};

    private ToyImages() {
    }

    public static Path folder(Path root, int perClass, int size, long seed) {
        Random rng = new Random(seed);
        for (int c = 0; c < CLASSES.length; c++) {
            Path dir = root.resolve(CLASSES[c]);
            for (int i = 0; i < perClass; i++) {
                write(stripes(size, c == 1, rng), dir.resolve(String.format("img_%03d.png", i)));
            }
        }
        return root;
    }

    /**
     * A CSV manifest {@code path,label,light} over generated stripes: {@code light} is {@code bright}, {@code mid} or
     * {@code dark} (the image's mean brightness, learnable) and left empty for every {@code unlabelledEvery}-th image.
     */
    public static Path manifest(Path root, int perClass, int size, int unlabelledEvery, long seed) {
        Random rng = new Random(seed);
        List<String> lines = new ArrayList<>();
        lines.add("path,label,light");
        int n = 0;
        for (int c = 0; c < CLASSES.length; c++) {
            for (int i = 0; i < perClass; i++, n++) {
                int level = rng.nextInt(LIGHTS.length);
                String file = String.format("img/%s_%03d.png", CLASSES[c], i);
                write(stripes(size, c == 1, rng, 0.25 * (1 - level)), root.resolve(file));
                String light = n % unlabelledEvery == unlabelledEvery - 1 ? "" : LIGHTS[level];
                lines.add(file + "," + CLASSES[c] + "," + light);
            }
        }
        Path csv = root.resolve("labels.csv");
        try {
            Files.write(csv, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv;
    }

    public static BufferedImage stripes(int size, boolean vertical, Random rng) {
        return stripes(size, vertical, rng, 0);
    }

    private static BufferedImage stripes(int size, boolean vertical, Random rng, double brightness) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        double period = 4 + rng.nextDouble() * 6;
        double phase = rng.nextDouble() * Math.PI * 2;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double t = vertical ? x : y;
                double v = 0.5 + brightness + 0.3 * Math.sin(2 * Math.PI * t / period + phase) + 0.1 * rng.nextGaussian();
                int g = (int) Math.max(0, Math.min(255, v * 255));
                img.setRGB(x, y, (g << 16) | (g << 8) | g);
            }
        }
        return img;
    }

    public static void write(BufferedImage img, Path file) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(img, file.getFileName().toString().endsWith(".jpg") ? "jpg" : "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
