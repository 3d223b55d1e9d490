package io.gaikan.baseline;

import boofcv.struct.image.GrayF32;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Draws what the baseline saw: the working-size grey image, enlarged for viewing, with each region's oriented box
 * (length x width along its principal axis), red when it passed the thresholds and yellow otherwise, and a caption
 * with the verdict.
 */
final class OverlayWriter {

    private static final int MIN_DISPLAY_SIDE = 384;
    private static final int CAPTION_HEIGHT = 20;
    /** Noisy settings can give thousands of specks; the largest few hundred tell the story. */
    private static final int MAX_DRAWN = 300;

    private OverlayWriter() {
    }

    static void write(Path file, GrayF32 grey, List<Region> regions, List<Region> passing, String caption) {
        int scale = Math.max(1, (int) Math.ceil((double) MIN_DISPLAY_SIDE / Math.max(grey.width, grey.height)));
        int w = grey.width * scale, h = grey.height * scale;
        BufferedImage canvas = new BufferedImage(w, h + CAPTION_HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < grey.height; y++) {
            for (int x = 0; x < grey.width; x++) {
                int v = Math.max(0, Math.min(255, Math.round(grey.unsafe_get(x, y))));
                int rgb = (v << 16) | (v << 8) | v;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        canvas.setRGB(x * scale + dx, CAPTION_HEIGHT + y * scale + dy, rgb);
                    }
                }
            }
        }
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setStroke(new BasicStroke(1.5f));
            Set<Region> passed = Set.copyOf(passing);
            List<Region> others = regions.stream().filter(r -> !passed.contains(r))
                    .sorted(Comparator.comparingInt(Region::area).reversed())
                    .limit(Math.max(0, MAX_DRAWN - passing.size())).toList();
            g.setColor(Color.YELLOW);
            others.forEach(r -> g.draw(orientedBox(r, scale)));
            g.setColor(Color.RED);
            passing.forEach(r -> g.draw(orientedBox(r, scale)));
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, w, CAPTION_HEIGHT);
            g.setColor(passing.isEmpty() ? Color.WHITE : Color.RED);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString(caption, 4, CAPTION_HEIGHT - 5);
        } finally {
            g.dispose();
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(canvas, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write overlay " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path2D orientedBox(Region r, int scale) {
        double angle = Math.toRadians(r.orientationDegrees());
        // back to image axes (y down): the major axis points (cos, -sin)
        double ux = Math.cos(angle), uy = -Math.sin(angle);
        double vx = -uy, vy = ux;
        double hl = r.length() / 2, hw = r.width() / 2;
        double cx = r.centroidX() + 0.5, cy = r.centroidY() + 0.5;
        Path2D box = new Path2D.Double();
        double[][] corners = {{hl, hw}, {hl, -hw}, {-hl, -hw}, {-hl, hw}};
        for (int i = 0; i < corners.length; i++) {
            double x = (cx + corners[i][0] * ux + corners[i][1] * vx) * scale;
            double y = CAPTION_HEIGHT + (cy + corners[i][0] * uy + corners[i][1] * vy) * scale;
            if (i == 0) {
                box.moveTo(x, y);
            } else {
                box.lineTo(x, y);
            }
        }
        box.closePath();
        return box;
    }
}
