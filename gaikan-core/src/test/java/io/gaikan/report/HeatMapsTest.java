package io.gaikan.report;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeatMapsTest {

    @Test
    void hotRegionTurnsRedAndColdStaysCloseToTheImage() {
        BufferedImage grey = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                grey.setRGB(x, y, 0x808080);
            }
        }
        float[][] map = new float[4][4];
        map[0][3] = 1f; // top-right cell hot
        BufferedImage out = HeatMaps.overlay(grey, map, 0, 1, 0.6);
        int hot = out.getRGB(38, 1);
        int cold = out.getRGB(1, 38);
        assertTrue(((hot >> 16) & 0xff) > 180 && (hot & 0xff) < 100, Integer.toHexString(hot));
        assertTrue((cold & 0xff) > ((cold >> 16) & 0xff), "cold is bluish: " + Integer.toHexString(cold));
        assertEquals(40, out.getWidth());
    }

    @Test
    void rampRunsFromBlueToRedAndBilinearSamplingInterpolates() {
        assertTrue((HeatMaps.rgb(0) & 0xff) > 100 && (HeatMaps.rgb(0) >> 16) == 0);
        assertTrue(((HeatMaps.rgb(1) >> 16) & 0xff) > 200);
        assertEquals(0.5, HeatMaps.sample(new float[][]{{0f, 1f}}, 0.5, 0.5), 1e-9);
        assertEquals(0.0, HeatMaps.sample(new float[][]{{0f, 1f}}, 0.1, 0.5), 1e-9);
    }

    @Test
    void contactSheetPlacesEveryTile() {
        BufferedImage tile = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        BufferedImage sheet = HeatMaps.contactSheet(List.of(new HeatMaps.Tile(tile, "a"), new HeatMaps.Tile(tile, "b"),
                new HeatMaps.Tile(tile, "c")), 2, 32);
        assertEquals(2 * 36 + 4, sheet.getWidth());
        assertEquals(2 * (32 + 14 + 4) + 4, sheet.getHeight());
    }
}
