package io.gaikan.augment;

import io.gaikan.data.FloatImage;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns augmented images back into pictures a person can inspect: single images or a PNG contact sheet. */
public final class AugmentPreview {

    private static final int GAP = 4;

    private AugmentPreview() {
    }

    /** {@code count} augmentations of one source; sample i uses {@code Pipeline.sampleSeed(seed, 0, i)}. */
    public static List<FloatImage> samples(FloatImage source, Pipeline pipeline, int count, long seed) {
        List<FloatImage> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(pipeline.apply(source, Pipeline.sampleSeed(seed, 0, i)));
        }
        return out;
    }

    /** An 8-bit RGB picture of an image with values in [0, 1] (clipped); one channel is shown as grey. */
    public static BufferedImage toImage(FloatImage image) {
        int h = image.height();
        int w = image.width();
        int plane = image.planeSize();
        float[] d = image.data();
        int g = image.channels() >= 3 ? plane : 0;
        int b = image.channels() >= 3 ? 2 * plane : 0;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[plane];
        for (int i = 0; i < plane; i++) {
            rgb[i] = (Levels.quantise(d[i]) << 16) | (Levels.quantise(d[g + i]) << 8) | Levels.quantise(d[b + i]);
        }
        out.setRGB(0, 0, w, h, rgb, 0, w);
        return out;
    }

    /** As {@link #toImage(FloatImage)} after undoing {@code normalization} if present. */
    public static BufferedImage toImage(FloatImage image, Optional<Normalize> normalization) {
        return toImage(normalization.map(n -> n.invert(image)).orElse(image));
    }

    /** A near-square grid of the images (cells sized to the largest), on a dark background. */
    public static BufferedImage grid(List<FloatImage> images, Optional<Normalize> normalization) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images to preview");
        }
        int cols = (int) Math.ceil(Math.sqrt(images.size()));
        int rows = (images.size() + cols - 1) / cols;
        int cellH = images.stream().mapToInt(FloatImage::height).max().orElseThrow();
        int cellW = images.stream().mapToInt(FloatImage::width).max().orElseThrow();
        BufferedImage sheet = new BufferedImage(cols * (cellW + GAP) + GAP, rows * (cellH + GAP) + GAP,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(new Color(40, 40, 40));
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            for (int i = 0; i < images.size(); i++) {
                int x = GAP + (i % cols) * (cellW + GAP);
                int y = GAP + (i / cols) * (cellH + GAP);
                g.drawImage(toImage(images.get(i), normalization), x, y, null);
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }

    /** Writes a grid PNG of images whose values are in [0, 1]. */
    public static void write(List<FloatImage> images, Path png) {
        write(images, Optional.empty(), png);
    }

    /** Writes a grid PNG of images produced by {@code pipeline}, undoing its normalisation. */
    public static void write(List<FloatImage> images, Pipeline pipeline, Path png) {
        write(images, pipeline.normalization(), png);
    }

    private static void write(List<FloatImage> images, Optional<Normalize> normalization, Path png) {
        try {
            Path parent = png.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!ImageIO.write(grid(images, normalization), "png", png.toFile())) {
                throw new IOException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write preview " + png + ": " + e.getMessage(), e);
        }
    }
}
