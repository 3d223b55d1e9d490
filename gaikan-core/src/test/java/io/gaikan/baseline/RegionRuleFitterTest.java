package io.gaikan.baseline;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionRuleFitterTest {

    private static Region region(int area, double length, double elongation, double contrast) {
        return new Region(area, 0, 0, length, 1, elongation, contrast, 0, 0, 0, 0, 0);
    }

    @Test
    void findsTheConjunctionThatSeparatesLongContrastyRegions() {
        // NG images have a long, elongated, contrasty region; OK images have big blobs or faint lines only
        List<List<Region>> images = List.of(
                List.of(region(40, 40, 12, 9), region(10, 4, 1.2, 3)),
                List.of(region(30, 35, 10, 7)),
                List.of(region(25, 30, 9, 8), region(200, 16, 1.1, 9)),
                List.of(region(300, 20, 1.3, 10)),           // blob: big but not elongated
                List.of(region(45, 45, 12, 2)),              // faint line
                List.of(region(5, 3, 1.5, 4)),
                List.of());
        boolean[] defect = {true, true, true, false, false, false, false};
        RegionRuleFitter.Result r = new RegionRuleFitter(images, defect, FitObjective.accuracy()).fit();
        for (int i = 0; i < images.size(); i++) {
            assertEquals(defect[i], r.thresholds().anyPasses(images.get(i)), "image " + i + " under " + r.thresholds());
        }
        assertEquals(1.0, r.score().primary(), 1e-12);
    }

    @Test
    void missRateBoundTradesFalseAlarmsForCatches() {
        // one contrast feature only matters: defects 5, 6, 7, 8; normals 6.5, 1, 2, 3
        List<List<Region>> images = List.of(
                List.of(region(10, 5, 2, 5)), List.of(region(10, 5, 2, 6)), List.of(region(10, 5, 2, 7)),
                List.of(region(10, 5, 2, 8)), List.of(region(10, 5, 2, 6.5)), List.of(region(10, 5, 2, 1)),
                List.of(region(10, 5, 2, 2)), List.of(region(10, 5, 2, 3)));
        boolean[] defect = {true, true, true, true, false, false, false, false};
        RegionRuleFitter.Result strict = new RegionRuleFitter(images, defect, FitObjective.missRateAtMost(0)).fit();
        for (int i = 0; i < 4; i++) {
            assertTrue(strict.thresholds().anyPasses(images.get(i)), "no defect may be missed, image " + i);
        }
        assertTrue(strict.thresholds().minContrast() > 3 && strict.thresholds().minContrast() <= 5,
                "threshold midway below the weakest defect: " + strict.thresholds());
    }

    @Test
    void undominatedRegionsKeepTheDecisionAndDropTheRest() {
        Region strong = region(50, 30, 8, 9);
        Region weak = region(10, 5, 2, 3);
        Region other = region(5, 40, 20, 1);
        List<Region> kept = RegionRuleFitter.undominated(List.of(weak, strong, other));
        assertEquals(2, kept.size());
        assertTrue(kept.contains(strong) && kept.contains(other));
    }
}
