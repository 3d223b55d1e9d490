package io.gaikan.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Heat maps drawn over the images they explain (Grad-CAM of a classifier, the anomaly map of a detector), and contact
 * sheets of such overlays, so a person sees where a model looked. One colour ramp for every method, so maps of
 * different methods read alike: dark blue (low) through cyan, green and yellow to red (high).
 */
public final class HeatMaps {

    private static final float[][] RAMP = {
            {0.00f, 0.00f, 0.45f}, {0.00f, 0.55f, 1.00f}, {0.10f, 0.85f, 0.35f}, {1.00f, 0.90f, 0.00f}, {0.90f, 0.05f, 0.00f}};

    private HeatMaps() {
    }

    /** The ramp's colour for {@code t} in [0, 1] (clamped). */
    public static int rgb(double t) {
        double x = Math.max(0, Math.min(1, t)) * (RAMP.length - 1);
        int i = Math.min(RAMP.length - 2, (int) x);
        double f = x - i;
        int rgb = 0;
        for (int c = 0; c < 3; c++) {
            double v = RAMP[i][c] + f * (RAMP[i + 1][c] - RAMP[i][c]);
            rgb = (rgb << 8) | (int) Math.round(255 * v);
        }
        return rgb;
    }

    /**
     * {@code image} with {@code map} (rows x columns, any resolution: resampled bilinearly to the image) blended over
     * it; map values are scaled from {@code low..high} to the ramp, and {@code alpha} is the weight of the heat colour
     * at the top of the scale (lower values are drawn more transparent, so the part stays visible where nothing is).
     */
    public static BufferedImage overlay(BufferedImage image, float[][] map, double low, double high, double alpha) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        double span = high > low ? high - low : 1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double t = (sample(map, (x + 0.5) / w, (y + 0.5) / h) - low) / span;
                t = Math.max(0, Math.min(1, t));
                int heat = rgb(t);
                int base = image.getRGB(x, y);
                double a = alpha * (0.35 + 0.65 * t);
                int rgb = 0;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    double v = (1 - a) * ((base >> shift) & 0xff) + a * ((heat >> shift) & 0xff);
                    rgb |= ((int) Math.round(v)) << shift;
                }
                out.setRGB(x, y, rgb);
            }
        }
        return out;
    }

    /** Bilinear sample of {@code map} at relative position (u, v) in [0, 1], pixel centres at (i + 0.5) / n. */
    public static double sample(float[][] map, double u, double v) {
        int rows = map.length;
        int cols = map[0].length;
        double fy = Math.max(0, Math.min(rows - 1, v * rows - 0.5));
        double fx = Math.max(0, Math.min(cols - 1, u * cols - 0.5));
        int y0 = (int) fy;
        int x0 = (int) fx;
        int y1 = Math.min(rows - 1, y0 + 1);
        int x1 = Math.min(cols - 1, x0 + 1);
        double dy = fy - y0;
        double dx = fx - x0;
        double top = map[y0][x0] * (1 - dx) + map[y0][x1] * dx;
        double bottom = map[y1][x0] * (1 - dx) + map[y1][x1] * dx;
        return top * (1 - dy) + bottom * dy;
    }

    /** A captioned tile of a contact sheet. */
    public record Tile(BufferedImage image, String caption) {
    }

    /** Tiles of {@code size} x {@code size} pixels in rows of {@code columns}, each captioned below. */
    public static BufferedImage contactSheet(List<Tile> tiles, int columns, int size) {
        int gap = 4;
        int caption = 14;
        int rows = Math.max(1, (tiles.size() + columns - 1) / columns);
        int width = columns * (size + gap) + gap;
        int height = rows * (size + caption + gap) + gap;
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(new Color(32, 32, 40));
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setFont(ChartFonts.of(Font.PLAIN, 11));
            g.setColor(Color.WHITE);
            for (int i = 0; i < tiles.size(); i++) {
                int x = gap + (i % columns) * (size + gap);
                int y = gap + (i / columns) * (size + caption + gap);
                g.drawImage(tiles.get(i).image(), x, y, size, size, null);
                g.drawString(tiles.get(i).caption(), x + 2, y + size + caption - 3);
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }
}
