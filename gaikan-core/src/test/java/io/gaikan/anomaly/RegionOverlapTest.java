package io.gaikan.anomaly;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionOverlapTest {

    private static final int S = RegionOverlap.SIDE;

    /** A mask with a filled square of side {@code side} at (x, y). */
    private static boolean[][] square(int x, int y, int side) {
        boolean[][] mask = new boolean[S][S];
        for (int r = y; r < y + side; r++) {
            for (int c = x; c < x + side; c++) {
                mask[r][c] = true;
            }
        }
        return mask;
    }

    /** A map on the image grid: {@code inside} on the mask, {@code outside} elsewhere. */
    private static float[][] painted(boolean[][] mask, float inside, float outside) {
        float[][] map = new float[S][S];
        for (int r = 0; r < S; r++) {
            for (int c = 0; c < S; c++) {
                map[r][c] = mask[r][c] ? inside : outside;
            }
        }
        return map;
    }

    @Test
    void aMapThatIsTheMaskScoresOneAndItsOppositeZero() {
        boolean[][] mask = square(20, 30, 40);
        RegionOverlap exact = new RegionOverlap();
        exact.add(painted(mask, 1, 0), mask);
        exact.add(painted(new boolean[S][S], 1, 0.5f), null);
        assertEquals(1.0, exact.area(), 1e-9);

        RegionOverlap inverted = new RegionOverlap();
        inverted.add(painted(mask, 0, 1), mask);
        assertEquals(0.0, inverted.area(), 1e-9);
    }

    @Test
    void aSmallDefectCountsAsMuchAsALargeOne() {
        // the map finds the large region (3600 px) and misses the small one (16 px): pixel recall would be 99.6 %
        boolean[][] large = square(10, 10, 60);
        boolean[][] small = square(100, 100, 4);
        RegionOverlap overlap = new RegionOverlap();
        overlap.add(painted(large, 1, 0.5f), large);
        overlap.add(painted(small, 0, 0.5f), small);
        assertEquals(0.5, overlap.area(), 1e-9);
    }

    @Test
    void separateRegionsOfOneImageAreCountedApart() {
        boolean[][] two = square(10, 10, 30);
        boolean[][] second = square(150, 150, 30);
        for (int r = 0; r < S; r++) {
            for (int c = 0; c < S; c++) {
                two[r][c] |= second[r][c];
            }
        }
        // the map covers the first region and half of the second (the other half scores below every normal pixel):
        // PRO = (1 + 0.5) / 2 at every false-positive rate
        float[][] map = painted(square(10, 10, 30), 1, 0.2f);
        for (int r = 150; r < 180; r++) {
            for (int c = 150; c < 180; c++) {
                map[r][c] = r < 165 ? 1 : 0;
            }
        }
        RegionOverlap overlap = new RegionOverlap();
        overlap.add(map, two);
        assertEquals(0.75, overlap.area(), 1e-9);
    }

    @Test
    void localisationReportsTheOverlapBesideThePeak() {
        // a 28 x 28 patch-score map whose hottest cell sits on an 8 px scratch across the image's middle row of cells
        float[][] cells = new float[28][28];
        boolean[][] mask = new boolean[S][S];
        for (int c = 0; c < 28; c++) {
            cells[14][c] = c == 10 ? 3 : 2;
        }
        for (int r = 112; r < 120; r++) {
            for (int c = 0; c < S; c++) {
                mask[r][c] = true;
            }
        }
        Localisation where = Localisation.of(List.of(cells, new float[28][28]), java.util.Arrays.asList(mask, null));
        assertEquals(1, where.defectImages());
        assertEquals(1.0, where.peakInMask());
        assertTrue(where.pixelAuroc() > 0.95, "pixel AUROC " + where.pixelAuroc());
        assertTrue(where.pro() > 0.9, "PRO " + where.pro());
    }
}
