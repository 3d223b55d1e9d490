package io.gaikan.synth;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A grid of OK samples above NG samples, each tile captioned with its index, lighting setup and region, so a
 * person can judge at a glance whether the surfaces look real and whether NG defects are visible (a scene family's
 * NG tiles name family and defect kind instead).
 */
public final class ContactSheet {

    public static final int COLUMNS = 8;
    private static final int CAPTION = 14;
    private static final int HEADER = 18;
    private static final int GAP = 4;

    private ContactSheet() {
    }

    /** Every sample is drawn at {@code tile} x {@code tile} pixels (scaled bilinearly up or down). */
    public static BufferedImage render(List<SynthSample> ok, List<SynthSample> ng, int tile) {
        int okRows = (ok.size() + COLUMNS - 1) / COLUMNS;
        int ngRows = (ng.size() + COLUMNS - 1) / COLUMNS;
        int cell = tile + CAPTION + GAP;
        int width = COLUMNS * (tile + GAP) + GAP;
        int height = 2 * HEADER + (okRows + ngRows) * cell + GAP;
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(new Color(32, 32, 40));
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            int y = section(g, "OK (no defect): " + ok.size(), 0, ok, tile, cell);
            section(g, "NG (defect): " + ng.size(), y, ng, tile, cell);
        } finally {
            g.dispose();
        }
        return sheet;
    }

    private static int section(Graphics2D g, String title, int top, List<SynthSample> samples, int tile, int cell) {
        g.setColor(new Color(235, 235, 200));
        g.setFont(g.getFont().deriveFont(Font.BOLD, 12f));
        g.drawString(title, GAP, top + HEADER - 5);
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 10f));
        int y0 = top + HEADER;
        for (int k = 0; k < samples.size(); k++) {
            SynthSample s = samples.get(k);
            int x = GAP + (k % COLUMNS) * (tile + GAP);
            int y = y0 + (k / COLUMNS) * cell;
            g.drawImage(s.toBufferedImage(), x, y, tile, tile, null);
            g.setColor(new Color(220, 220, 220));
            // a scene family's NG tile names its kind instead of the lighting (which the OK tiles show)
            String what = s.ng() && !s.kind().equals("ng") ? s.family() + " " + s.kind() : s.lighting().label();
            g.drawString("#" + s.index() + " " + what + " " + s.region().label(), x, y + tile + 11);
        }
        return y0 + ((samples.size() + COLUMNS - 1) / COLUMNS) * cell;
    }

    /** Interleaved RGB bytes of an image, for {@link PngEncoder}. */
    static byte[] rgb(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] out = new byte[w * h * 3];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                out[i] = (byte) (row[x] >> 16);
                out[i + 1] = (byte) (row[x] >> 8);
                out[i + 2] = (byte) row[x];
            }
        }
        return out;
    }
}
